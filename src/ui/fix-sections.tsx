import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { lazyChunk, PartPending } from './lazy-part';
import type { Suspect } from '../core/conflict-entry';
import type { ErrorRecord } from '../core/error-record';

/** The clear section's preview, confirmation and report: loaded when the section is first opened. */
const useClearPart = lazyChunk(() => import('./clear-site-data'));
/** The extension list and its ranking, loaded when first shown (the popup's Review button too). */
export const useConflictPart = lazyChunk(() => import('./conflict-list'));

/** Each opening is a new key, so opening again retries a chunk that failed to load. */
function useOpenings(): [key: string | null, onToggle: (e: { currentTarget: HTMLDetailsElement }) => void] {
  const [opened, setOpened] = useState(0);
  return [opened ? String(opened) : null, (e) => e.currentTarget.open && setOpened((n) => n + 1)];
}

/**
 * The two one-click fixes as collapsible sections: clear ChatGPT's site data, and the extensions
 * that may be in the way (with how many look likely in the summary). The popup and the DevTools
 * panel show the same sections. The page reads the suspects at open (useSuspects): its verdict weighs them.
 */
export interface FixSectionsProps {
  /** The failures the page shows (undefined while it reads them): the ranking weighs them. */
  records: readonly ErrorRecord[] | undefined;
  suspects: Suspect[] | null;
  /** An extension was turned off or on from the list: the page reads its suspects again. */
  onExtensionsChanged: () => void;
}

export function FixSections({ records, suspects, onExtensionsChanged }: FixSectionsProps) {
  // Blockers, VPNs and proxies: the kinds the verdict weighs.
  const likely = suspects?.filter((c) => c.enabled && c.kind !== 'other').length ?? 0;
  const [clearKey, onClearToggle] = useOpenings();
  const [listKey, onListToggle] = useOpenings();
  const clear = useClearPart(clearKey);
  const list = useConflictPart(listKey);
  return (
    <>
      <details id="fix-clear" onToggle={onClearToggle}>
        <summary>{t('popup_fix_clear')}</summary>
        {clear?.kind === 'done' ? <clear.value.ClearSiteData /> : clearKey && <PartPending state={clear} />}
      </details>
      <details id="fix-conflicts" onToggle={onListToggle}>
        <summary>
          {t('popup_fix_conflicts')}
          {likely > 0 && <span class="tag">{likely}</span>}
        </summary>
        {list?.kind === 'done' ? <list.value.ConflictList records={records} onToggled={onExtensionsChanged} /> : listKey && <PartPending state={list} />}
      </details>
    </>
  );
}
