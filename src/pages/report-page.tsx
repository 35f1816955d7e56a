import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ConflictEntry } from '../core/conflict-entry';
import { TROUBLESHOOTER } from '../contract/troubleshooter';
import { HELP_CENTER_URL } from '../core/hosts';
import { buildReport } from '../core/report';
import type { ReportEnvironment } from '../core/report-json';
import { browserInfo } from '../platform/browser-info';
import { t } from '../platform/i18n';
import { extensionVersion } from '../platform/manifest-info';
import { request } from '../platform/messaging';
import { ActionButton } from '../ui/action-button';
import { CopyButton } from '../ui/copy-button';
import { downloadText } from '../ui/download';
import { useLog } from '../ui/use-log';
import { useStatus } from '../ui/use-status';
import { useStored } from '../ui/use-stored';
import { tabIdFromQuery } from '../ui/tab-id-from-query';
import { useVerdict } from '../ui/use-verdict';
import { ScreenshotSection } from './screenshot-section';
import { PageHead } from './page-head';

const translate = (key: string, subs?: readonly string[]) => t(key, subs);

/**
 * The support report: previewed exactly as it will be copied or saved, personal data masked, with
 * a switch for conversation ids and an optional screenshot. Nothing leaves the browser by itself.
 */
export function ReportPage({ search = location.search }: { search?: string }) {
  const tabId = tabIdFromQuery(search);
  const log = useLog();
  const status = useStatus();
  const steps = useStored(TROUBLESHOOTER);
  const [conflicts, setConflicts] = useState<ConflictEntry[] | null | undefined>(undefined);
  const [environment, setEnvironment] = useState<ReportEnvironment | null>(null);
  const [keepIds, setKeepIds] = useState(false);
  const [view, setView] = useState<'markdown' | 'json'>('markdown');
  // The time the report is made: fixed when the page opens so preview, copy and files agree.
  const [now] = useState(() => Date.now());
  // The verdict the report carries, shown as the popup and the panel show it.
  const { diagnosis } = useVerdict(log?.records, now, status, tabId);

  useEffect(() => {
    // Pending records are written first so the report holds the failures that just happened.
    void request('log/flush', {});
    void browserInfo().then((info) => setEnvironment({ ...info, extensionVersion: extensionVersion() }));
  }, []);
  // The extension ranking weighs the failures, so it waits for the log; it loads apart from the page.
  const logRead = log !== undefined;
  useEffect(() => {
    if (!log) return;
    void import('../fixes/conflicts').then((m) => m.listConflicts({ keepIds: [], records: log.records })).then(setConflicts, () => setConflicts(null));
  }, [logRead]);

  const report = useMemo(() => {
    if (!log || status === undefined || steps === undefined || conflicts === undefined || !environment) return null;
    return buildReport({ now, records: log.records, tabId, status, conflicts, troubleshooter: steps, environment, keepConversationIds: keepIds, t: translate });
  }, [log, status, steps, conflicts, environment, keepIds, now, tabId]);

  const stem = `chatgpt-report-${new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
  const json = report ? JSON.stringify(report.json, null, 2) : '';
  return (
    <main class="report">
      <PageHead title={t('report_title')} intro={t('report_intro')} diagnosis={diagnosis} />
      {!report && (
        <p class="muted" aria-busy="true">
          {t('report_loading')}
        </p>
      )}
      {report && (
        <>
          <label class="switch">
            <input type="checkbox" id="report-keep-ids" checked={keepIds} onChange={(e) => setKeepIds(e.currentTarget.checked)} />
            {t('report_keep_ids')}
          </label>
          <div class="report-actions">
            <CopyButton text={report.markdown} label={t('report_copy_md')} />
            <ActionButton
              id="report-download-md"
              label={t('report_download_md')}
              run={async () => downloadText(`${stem}.md`, report.markdown, 'text/markdown')}
              doneText={(v) => t('report_saved', `${v.bytes} B`)}
            />
            <ActionButton
              id="report-download-json"
              label={t('report_download_json')}
              run={async () => downloadText(`${stem}.json`, json)}
              doneText={(v) => t('report_saved', `${v.bytes} B`)}
            />
            <a class="button-link" id="report-help-center" href={HELP_CENTER_URL} target="_blank" rel="noreferrer">
              {t('report_help_center')}
            </a>
          </div>
          <section class="report-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{t('report_preview')}</h2>
            <div class="tabs-switch row" role="group">
              <button type="button" aria-pressed={view === 'markdown'} onClick={() => setView('markdown')}>
                {t('report_preview_md')}
              </button>
              <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>
                {t('report_preview_json')}
              </button>
            </div>
            <pre id="report-preview" tabIndex={0} data-format={view}>
              {view === 'markdown' ? report.markdown : json}
            </pre>
          </section>
        </>
      )}
      <ScreenshotSection tabId={tabId} fileStem={stem} />
    </main>
  );
}
