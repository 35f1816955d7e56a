import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseSummary, SUMMARY_KEY } from '../contract/log-summary';
import { diagnose } from '../core/diagnosis';
import type { FailureLog } from '../core/failure-log';
import { t } from '../platform/i18n';
import { activeTabId } from '../platform/tabs';
import { Alternatives } from '../ui/alternatives';
import { FailureList } from '../ui/failure-list';
import { LogNotice } from '../ui/log-notice';
import { useLog } from '../ui/use-log';
import { useNow } from '../ui/use-now';
import { useStatus } from '../ui/use-status';
import { useStored } from '../ui/use-stored';
import { useSuspects } from '../ui/use-suspects';
import { VerdictCard } from '../ui/verdict-card';
import * as later from './popup-later';
import { POPUP_RECENT } from './recent';

/**
 * Verdict first, then the status page, the failures behind the verdict and the fixes. Renders
 * from storage at once; the extensions the verdict weighs come from the management API. One file:
 * what only a click needs (the clear, the extension list and its ranking) loads on that click.
 */

export function Popup() {
  // The first frame reads one small key, the summary the log store writes with the log; the
  // newest records load after that frame is painted (or at once when there is no summary).
  const summary = useStored(SUMMARY_KEY, parseSummary);
  const [loadLog, setLoadLog] = useState(false);
  useEffect(() => {
    if (summary === undefined || loadLog) return;
    if (summary === null) return setLoadLog(true);
    requestAnimationFrame(() => setTimeout(() => setLoadLog(true)));
  }, [summary, loadLog]);
  const full = useLog(POPUP_RECENT, loadLog);
  const log: FailureLog | undefined = full ?? (summary ? { records: summary.newest, dropped: summary.dropped, notice: summary.notice, bytes: 0 } : undefined);
  const now = useNow();
  const [tabId, setTabId] = useState<number | null>(null);
  const [scope, setScope] = useState<'tab' | 'all'>('tab');
  useEffect(() => {
    activeTabId().then(setTabId, () => setTabId(null));
  }, []);

  const status = useStatus();
  const suspects = useSuspects(true);
  const records = log ? (scope === 'tab' && tabId !== null ? log.records.filter((r) => r.tabId === tabId) : log.records) : [];
  // The verdict follows the same tab / all tabs switch as the list under it.
  const diagnosis = useMemo(
    () =>
      log && status !== undefined
        ? diagnose({ records: log.records, ...(full ? {} : { minutes: summary?.minutes }), now, status, conflicts: suspects.list, tabId: scope === 'tab' ? tabId : null })
        : undefined,
    [log, full, summary, status, suspects.list, now, scope, tabId],
  );
  const outage = diagnosis?.verdict.side === 'openai';
  return (
    <main class="popup">
      <header>
        <h1>{t('extName')}</h1>
      </header>
      <later.HostAccessNotice />
      <VerdictCard diagnosis={diagnosis} />
      {outage && <Alternatives />}
      <section aria-labelledby="status-title" class="card">
        <h2 id="status-title">{t('popup_status_title')}</h2>
        <later.StatusSummary now={now} status={status} />
      </section>
      <section aria-labelledby="recent-title" class="card">
        <header>
          <h2 id="recent-title">{t('recentFailures')}</h2>
          <div class="tabs-switch" role="group">
            <button type="button" aria-pressed={scope === 'tab'} onClick={() => setScope('tab')}>
              {t('thisTab')}
            </button>
            <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
              {t('allTabs')}
            </button>
          </div>
        </header>
        {log && <LogNotice log={log} />}
        {log && <FailureList records={records} now={now} empty={scope === 'tab' ? t('noFailuresTab') : t('noFailures')} />}
      </section>
      <section aria-labelledby="fixes-title" class="card fixes">
        <h2 id="fixes-title">{t('popup_fixes_title')}</h2>
        <later.PopupFixes tabId={tabId} records={full?.records} suspects={suspects.list} onExtensionsChanged={suspects.refresh} />
      </section>
    </main>
  );
}
