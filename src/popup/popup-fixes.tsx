import type { ConflictEntry } from '../contract/conflicts';
import { FixSections } from '../ui/fix-sections';
import { TabActions } from '../ui/tab-actions';

/**
 * The fixes section, loaded by the popup after its first render (a dynamic import), so the
 * verdict, the status and the failures do not wait for code the user may never open.
 */
export function PopupFixes({ tabId, conflicts, onConflicts }: { tabId: number | null; conflicts: ConflictEntry[] | null; onConflicts: (entries: ConflictEntry[]) => void }) {
  return (
    <>
      <TabActions tabId={tabId} />
      <FixSections conflicts={conflicts} onConflicts={onConflicts} />
    </>
  );
}
