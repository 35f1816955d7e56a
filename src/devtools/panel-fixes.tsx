import { useMemo, useState } from 'preact/hooks';
import type { ConflictEntry } from '../contract/conflicts';
import type { StatusSnapshot } from '../contract/status';
import { diagnose } from '../core/diagnosis';
import type { ErrorRecord } from '../core/error-record';
import { fixApisAvailable } from '../platform/fix-apis';
import { t } from '../platform/i18n';
import { extensionUrl } from '../platform/tabs';
import '../ui/fixes.css';
import { Alternatives } from '../ui/alternatives';
import { FixSections } from '../ui/fix-sections';
import { StatusSummary } from '../ui/status-summary';
import { VerdictCard } from '../ui/verdict-card';

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
  const [conflicts, setConflicts] = useState<ConflictEntry[] | null>(null);
  const diagnosis = useMemo(
    () => (status !== undefined ? diagnose({ records, now, status, conflicts, tabId }) : undefined),
    [records, now, status, conflicts, tabId],
  );
  return (
    <section class="panel-fixes" aria-label={t('panel_fixes')}>
      <VerdictCard diagnosis={diagnosis} />
      <details class="panel-fix-list">
        <summary>{t('panel_fixes')}</summary>
        {diagnosis?.verdict.side === 'openai' && <Alternatives />}
        <details id="fix-status">
          <summary>{t('popup_status_title')}</summary>
          <StatusSummary now={now} status={status} />
        </details>
        {fixApisAvailable() ? (
          <FixSections records={records} conflicts={conflicts} onConflicts={setConflicts} />
        ) : (
          // Firefox's DevTools panels cannot reach cookies, browsingData or management (see
          // platform/fix-apis.ts): the same fixes run in the popup's page, opened as a tab.
          <p class="notice panel-fixes-elsewhere">
            {t('panel_fixes_in_tab')}{' '}
            <a id="open-fixes" href={extensionUrl(`src/popup/index.html${tabId === null ? '' : `?tabId=${tabId}`}`)} target="_blank" rel="noopener">
              {t('panel_open_fixes')}
            </a>
          </p>
        )}
      </details>
    </section>
  );
}
