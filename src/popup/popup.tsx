import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { LOG_SUMMARY } from '../contract/log-summary';
import type { FailureLog } from '../core/failure-log';
import { APP_URL_PATTERNS, SIGN_IN_URL_PATTERNS } from '../core/hosts';
import { countedFailures, POPUP_RECENT, popupScope, scopedRecords, scopeTabId } from '../core/popup-scope';
import { t, tn } from '../platform/i18n';
import { activeTabId, tabIdsMatching } from '../platform/tabs';
import { afterPaint } from '../ui/after-paint';
import { FailureList } from '../ui/failure-list';
import { lazyChunk, PartPending } from '../ui/lazy-part';
import { LogNotice } from '../ui/log-notice';
import { useLog } from '../ui/use-log';
import { useNow } from '../ui/use-now';
import { useStatus } from '../ui/use-status';
import { useStored } from '../ui/use-stored';
import { PopupVerdict, type VerdictOutcome } from './popup-verdict';

/**
 * Below the first screen, or shown only on OpenAI's side: loaded right after the first frame,
 * so the verdict and the failures do not wait for them.
 */
const useBelowFold = lazyChunk(() => import('./popup-below-fold'));

/**
 * The three fixes, also loaded right after the first frame: someone opening the popup looks for
 * the verdict and the failures first, and those paint without waiting for the fixes' code. Their
 * styles are in the popup's stylesheet (main.tsx), as a lazy chunk brings no CSS.
 */
const useFixes = lazyChunk(() => import('./popup-fixes'));

/**
 * Verdict first with its fix as a button, then the three fixes (clear, extensions, status) open
 * without a click, then the failures behind the verdict, then the ways to dig deeper. On a
 * ChatGPT tab it is about that tab; on any other tab, about every ChatGPT tab, and it says so.
 */
export function Popup() {
  // The first frame reads one small key, the summary the log store writes with the log; the
  // newest records load after that frame is painted (or at once when there is no summary).
  const summary = useStored(LOG_SUMMARY);
  const [loadLog, setLoadLog] = useState(false);
  useEffect(() => {
    if (summary === undefined || loadLog) return;
    if (summary === null) return setLoadLog(true);
    afterPaint(() => setLoadLog(true));
  }, [summary, loadLog]);
  const full = useLog({ newest: POPUP_RECENT, load: loadLog });
  const log: FailureLog | undefined = full ?? (summary ? { records: summary.newest, dropped: summary.dropped, notice: summary.notice, bytes: 0 } : undefined);
  const now = useNow();
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [chatTabs, setChatTabs] = useState<number[] | null>(null);
  const [choice, setChoice] = useState<'tab' | 'all'>('tab');
  const [extensionsOpen, setExtensionsOpen] = useState(false);
  useLayoutEffect(() => {
    activeTabId().then(setTabId, () => setTabId(null));
    tabIdsMatching([...APP_URL_PATTERNS, ...SIGN_IN_URL_PATTERNS]).then(setChatTabs, () => setChatTabs([]));
  }, []);

  const status = useStatus();
  const known = tabId !== undefined && chatTabs !== null;
  const scope = popupScope(tabId ?? null, chatTabs ?? [], choice);
  const records = log && known ? scopedRecords(log.records, scope) : undefined;
  const [outcome, setOutcome] = useState<VerdictOutcome | null>(null);
  // The fixes wait for the verdict: they show the clear only when the verdict's button is not the
  // clear, and the list must not move under the pointer.
  const verdictKnown = outcome?.side !== undefined;
  const action = outcome?.action ?? null;
  // Counted in the loaded log: the summary's first frame lists only its newest failures.
  const failures = full && records ? countedFailures(records) : null;
  const onOpenExtensions = () => setExtensionsOpen(true);
  const below = useBelowFold('open');
  const fixes = useFixes('open');
  return (
    <main class="popup">
      <header>
        <h1>{t('extName')}</h1>
      </header>
      {below?.kind === 'done' && <below.value.HostAccessNotice />}
      {known && scope.kind === 'all' && !scope.onChatGpt && failures !== null && (
        <p class="scope-note" role="status">
          {scope.chatTabs === 0
            ? tn('popup_scope_no_tab', failures)
            : scope.chatTabs === 1
              ? tn('popup_scope_one_tab', failures)
              : tn('popup_scope_tabs', failures, [scope.chatTabs, failures])}
        </p>
      )}
      <PopupVerdict
        records={records}
        now={now}
        status={status}
        tabId={scopeTabId(scope)}
        summary={full ? null : summary}
        onExtensions={onOpenExtensions}
        onOutcome={setOutcome}
      />
      {outcome?.side === 'openai' && below?.kind === 'done' && <below.value.Alternatives outage={outcome.outageReported} />}
      {fixes?.kind === 'done' && verdictKnown ? (
        <fixes.value.PopupFixes
          // The extension ranking weighs the failures: it waits for the full log.
          records={full ? records : undefined}
          suspects={outcome?.suspects.list ?? null}
          onExtensionsChanged={() => outcome?.suspects.refresh()}
          clearInVerdict={action === 'clear-site-data'}
          extensionsOpen={extensionsOpen}
          onExtensionsOpen={setExtensionsOpen}
          status={status}
          now={now}
        />
      ) : (
        fixes?.kind === 'failed' && <PartPending state={fixes} />
      )}
      <section aria-labelledby="recent-title" class="card">
        <header>
          <h2 id="recent-title">
            {t('recentFailures')} <span class="count">{failures !== null ? failureCount(failures, full?.records.length ?? 0, summary?.count ?? 0) : ''}</span>
          </h2>
          {known && (scope.kind === 'tab' || scope.onChatGpt) && (
            <div class="tabs-switch" role="group" aria-label={t('popup_scope_label')}>
              <button type="button" aria-pressed={scope.kind === 'tab'} onClick={() => setChoice('tab')}>
                {t('thisTab')}
              </button>
              <button type="button" aria-pressed={scope.kind === 'all'} onClick={() => setChoice('all')}>
                {t('allTabs')}
              </button>
            </div>
          )}
        </header>
        {log && <LogNotice log={log} />}
        {records && <FailureList records={records} now={now} empty={scope.kind === 'tab' ? t('noFailuresTab') : t('noFailures')} />}
      </section>
      <section aria-labelledby="more-title" class="card">
        <h2 id="more-title">{t('popup_more_title')}</h2>
        {below?.kind === 'done' ? <below.value.TabActions tabId={scopeTabId(scope)} /> : <PartPending state={below} />}
      </section>
    </main>
  );
}

/**
 * The popup loads only the newest POPUP_RECENT records; when the log holds more, the count says
 * so rather than passing a window's count off as the whole (1,000 stored once read "222 failures").
 */
function failureCount(failures: number, loaded: number, stored: number): string {
  return stored > loaded ? tn('count_failures_newest', failures, [failures, loaded, stored]) : tn('count_failures', failures);
}
