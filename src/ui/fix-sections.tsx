import type { ConflictEntry } from '../contract/conflicts';
import type { ErrorRecord } from '../core/error-record';
import { t } from '../platform/i18n';
import { ClearSiteData } from './clear-site-data';
import { ConflictList } from './conflict-list';

/**
 * The two one-click fixes as collapsible sections: clear ChatGPT's site data, and the extensions
 * that may be in the way (with how many look likely in the summary). The popup and the DevTools
 * panel show the same sections.
 */
export interface FixSectionsProps {
  /** The failures the page shows (undefined while it reads them): the conflict ranking weighs them. */
  records: readonly ErrorRecord[] | undefined;
  conflicts: ConflictEntry[] | null;
  onConflicts: (entries: ConflictEntry[]) => void;
}

export function FixSections({ records, conflicts, onConflicts }: FixSectionsProps) {
  const likely = conflicts?.filter((c) => c.score > 0).length ?? 0;
  return (
    <>
      <details id="fix-clear">
        <summary>{t('popup_fix_clear')}</summary>
        <ClearSiteData />
      </details>
      <details id="fix-conflicts">
        <summary>
          {t('popup_fix_conflicts')}
          {likely > 0 && <span class="tag">{likely}</span>}
        </summary>
        <ConflictList records={records} onLoaded={onConflicts} />
      </details>
    </>
  );
}
