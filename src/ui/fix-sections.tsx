import { useState } from 'preact/hooks';
import type { ConflictEntry } from '../contract/conflicts';
import type { ErrorRecord } from '../core/error-record';
import { t } from '../platform/i18n';
import { ConflictList } from './conflict-list';
import { lazyChunk, PartPending } from './lazy-part';

/** The clear section's preview, confirmation and report: loaded when the section is first opened. */
const useClearPart = lazyChunk(() => import('./clear-site-data'));

/**
 * The two one-click fixes as collapsible sections: clear ChatGPT's site data, and the extensions
 * that may be in the way (with how many look likely in the summary). The popup and the DevTools
 * panel show the same sections. The extension list loads at open (the verdict weighs it).
 */
export interface FixSectionsProps {
  /** The failures the page shows (undefined while it reads them): the conflict ranking weighs them. */
  records: readonly ErrorRecord[] | undefined;
  conflicts: ConflictEntry[] | null;
  onConflicts: (entries: ConflictEntry[]) => void;
}

export function FixSections({ records, conflicts, onConflicts }: FixSectionsProps) {
  const likely = conflicts?.filter((c) => c.score > 0).length ?? 0;
  // Each opening is a new key, so opening again retries a chunk that failed to load.
  const [opened, setOpened] = useState(0);
  const clear = useClearPart(opened ? String(opened) : null);
  return (
    <>
      <details id="fix-clear" onToggle={(e) => e.currentTarget.open && setOpened((n) => n + 1)}>
        <summary>{t('popup_fix_clear')}</summary>
        {clear?.kind === 'done' ? <clear.value.ClearSiteData /> : opened > 0 && <PartPending state={clear} />}
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
