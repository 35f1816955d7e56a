import { useState } from 'preact/hooks';
import { POPUP_PAGE, pagePath } from '../contract/pages';
import type { StatusSnapshot } from '../core/status';
import type { ErrorRecord } from '../core/error-record';
import { fixApisAvailable } from '../platform/fix-apis';
import { t } from '../platform/i18n';
import { extensionUrl } from '../platform/tabs';
import { FixSections } from '../ui/fix-sections';
import { VerdictCard } from '../ui/verdict-card';
import { lazyChunk, PartPending } from '../ui/lazy-part';
import { useVerdict } from '../ui/use-verdict';

/** The status summary and the alternatives: loaded when the fix list is first opened. */
const useExtras = lazyChunk(() => import('./fix-list-extras'));

export interface PanelFixesProps {
  /** The whole log: the diagnosis picks the tab and the window itself. */
  records: readonly ErrorRecord[];
  tabId: number | null;
  now: number;
  status: StatusSnapshot | null | undefined;
}

/**
 * The popup's verdict and one-click fixes, the same shared components (src/ui), so the panel and
 * the popup can never disagree about what is wrong or what a fix does. Loaded after the table.
 */
export function PanelFixes({ records, tabId, now, status }: PanelFixesProps) {
  // Firefox's panel has no management API (the fixes open in a tab there): nothing to weigh.
  const { diagnosis, suspects } = useVerdict(records, now, status, tabId, fixApisAvailable());
  // Each opening is a new key, so opening again retries a chunk that failed to load.
  const [opened, setOpened] = useState(0);
  const extras = useExtras(opened ? String(opened) : null);
  return (
    <section class="panel-fixes" aria-label={t('panel_fixes')}>
      <VerdictCard diagnosis={diagnosis} />
      <details class="panel-fix-list" onToggle={(e) => e.currentTarget.open && setOpened((n) => n + 1)}>
        <summary>{t('panel_fixes')}</summary>
        {extras?.kind === 'done' && diagnosis?.verdict.side === 'openai' && <extras.value.Alternatives outage={diagnosis.outageReported} />}
        <details id="fix-status">
          <summary>{t('popup_status_title')}</summary>
          {extras?.kind === 'done' ? <extras.value.StatusSummary now={now} status={status} /> : <PartPending state={extras} />}
        </details>
        {fixApisAvailable() ? (
          <FixSections records={records} suspects={suspects.list} onExtensionsChanged={suspects.refresh} />
        ) : (
          // Firefox's DevTools panels cannot reach cookies, browsingData or management (see
          // platform/fix-apis.ts): the same fixes run in the popup's page, opened as a tab.
          <p class="notice panel-fixes-elsewhere">
            {t('panel_fixes_in_tab')}{' '}
            <a id="open-fixes" href={extensionUrl(pagePath(POPUP_PAGE, tabId))} target="_blank" rel="noopener">
              {t('panel_open_fixes')}
            </a>
          </p>
        )}
      </details>
    </section>
  );
}
