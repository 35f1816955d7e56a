import type { ConflictEntry } from '../contract/conflicts';
import { t } from '../platform/i18n';
import { ClearSiteData } from '../ui/clear-site-data';
import { ConflictList } from '../ui/conflict-list';
import { TabActions } from '../ui/tab-actions';

/**
 * The fixes section, loaded by the popup after its first render (a dynamic import), so the
 * verdict, the status and the failures do not wait for code the user may never open.
 */
export function PopupFixes({ tabId, conflicts, onConflicts }: { tabId: number | null; conflicts: ConflictEntry[] | null; onConflicts: (entries: ConflictEntry[]) => void }) {
  const likely = conflicts?.filter((c) => c.score > 0).length ?? 0;
  return (
    <>
      <TabActions tabId={tabId} />
      <details id="fix-clear">
        <summary>{t('popup_fix_clear')}</summary>
        <ClearSiteData />
      </details>
      <details id="fix-conflicts">
        <summary>
          {t('popup_fix_conflicts')}
          {likely > 0 && <span class="tag">{likely}</span>}
        </summary>
        <ConflictList onLoaded={onConflicts} />
      </details>
    </>
  );
}
