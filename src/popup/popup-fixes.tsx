import { FixSections, type FixSectionsProps } from '../ui/fix-sections';
import { TabActions } from '../ui/tab-actions';

/**
 * The fixes section, loaded by the popup after its first render (a dynamic import), so the
 * verdict, the status and the failures do not wait for code the user may never open.
 */
export function PopupFixes({ tabId, ...sections }: FixSectionsProps & { tabId: number | null }) {
  return (
    <>
      <TabActions tabId={tabId} />
      <FixSections {...sections} />
    </>
  );
}
