import { useEffect, useRef } from 'preact/hooks';
import type { Suspect } from '../core/conflict-entry';
import type { StatusSnapshot } from '../core/status';
import type { ErrorRecord } from '../core/error-record';
import { t } from '../platform/i18n';
import { ClearSiteData } from '../ui/clear-site-data';
import { useConflictPart } from '../ui/fix-sections';
import { PartPending } from '../ui/lazy-part';
import { StatusSummary } from '../ui/status-summary';

export interface PopupFixesProps {
  records: readonly ErrorRecord[] | undefined;
  suspects: Suspect[] | null;
  onExtensionsChanged: () => void;
  /** The verdict already carries the clear as its button: not twice. */
  clearInVerdict: boolean;
  extensionsOpen: boolean;
  onExtensionsOpen: (open: boolean) => void;
  status: StatusSnapshot | null | undefined;
  now: number;
}

/** The extensions that may interfere, named without opening anything; the full list on Review. */
function ExtensionsFix({ records, suspects, onExtensionsChanged, extensionsOpen: open, onExtensionsOpen }: PopupFixesProps) {
  const likely = suspects?.filter((c) => c.enabled && c.kind !== 'other');
  const list = useConflictPart(open ? 'open' : null);
  const listRef = useRef<HTMLDivElement>(null);
  // Opened from the verdict's button: the list is where the user goes next.
  useEffect(() => {
    if (open) listRef.current?.focus();
  }, [open, list?.kind]);
  return (
    <div class="fix extensions-fix" id="fix-conflicts">
      <div class="fix-line">
        <h3>{t('popup_fix_conflicts')}</h3>
        <button type="button" id="review-extensions" aria-expanded={open} aria-controls="extension-list" onClick={() => onExtensionsOpen(!open)}>
          {t(open ? 'popup_extensions_hide' : 'popup_extensions_review')}
        </button>
      </div>
      <p class={likely?.length ? 'suspects' : 'muted suspects'}>
        {likely === undefined
          ? t('popup_loading')
          : likely.length
            ? likely.map((s) => `${s.name} (${t(`popup_kind_${s.kind}`)})`).join(', ')
            : t('popup_extensions_none_likely')}
      </p>
      {open && (
        <div id="extension-list" ref={listRef} tabIndex={-1}>
          {list?.kind === 'done' ? <list.value.ConflictList records={records} onToggled={onExtensionsChanged} /> : <PartPending state={list} />}
        </div>
      )}
    </div>
  );
}

/**
 * The three fixes the product is named for, open without a click: clear ChatGPT's cookies and
 * cache (its button, then one confirmation), the extensions that may interfere (named here),
 * and OpenAI's status (with its page a click away).
 */
export function PopupFixes(props: PopupFixesProps) {
  return (
    <section aria-labelledby="fixes-title" class="card fixes">
      <h2 id="fixes-title">{t('popup_fixes_title')}</h2>
      {!props.clearInVerdict && <ClearSiteData />}
      <ExtensionsFix {...props} />
      <div class="fix status-fix" id="fix-status">
        <h3>{t('popup_status_title')}</h3>
        <StatusSummary now={props.now} status={props.status} />
      </div>
    </section>
  );
}
