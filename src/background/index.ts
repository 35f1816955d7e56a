/**
 * Wiring only. Every listener is registered synchronously at the top level, because an MV3
 * worker (and a Firefox event page) is started for an event and may be stopped between any two.
 * State lives in storage; nothing here is kept only in memory.
 */
import type { ErrorRecord } from '../core/error-record';
import { APP_URL_PATTERNS, WATCH_URL_PATTERNS } from '../core/hosts';
import { ensureAlarm, onAlarm } from '../platform/alarms';
import { onBrowserStartup } from '../platform/lifecycle';
import { handleRequests } from '../platform/messaging';
import { isQuotaError, readLocal, writeLocal } from '../platform/storage';
import { countTabsMatching } from '../platform/tabs';
import { watchRequests } from '../platform/web-request';
import { createAlerts, handleAlertClicks } from './alerts';
import { createAnswerFailures } from './answer-failures';
import { createBadgeUpdater } from './badge-updater';
import { createHandlers } from './handlers';
import { createLogStore } from './log-store';
import { createRecorder } from './recorder';
import { createSettingsStore } from './settings-store';
import { createStatusCheck } from './status-check';
import { createProbe, PROBE_ALARM } from './probe';
import { createStatusMonitor, MONITOR_ALARM } from './status-monitor';

const BADGE_ALARM = 'badge-refresh';
const now = () => Date.now();

const settings = createSettingsStore();
const logStore = createLogStore({
  now,
  storage: { readLocal, writeLocal, isQuotaError },
  limits: () => ({
    maxRecords: settings.get().maxRecords,
    maxBytes: 1_000_000,
    maxAgeMs: settings.get().retentionHours * 3_600_000,
  }),
});
const updateBadges = createBadgeUpdater(now);
logStore.onWritten((log) => void updateBadges(log));

/** Every failure, seen by webRequest or inside an answer in the page, goes the same way. */
function recordFailure(record: ErrorRecord): void {
  logStore.append([record]);
  void alerts.failure(record);
  if (record.tabId >= 0 && !record.telemetry) void monitor.noteApp(true);
}

watchRequests(
  WATCH_URL_PATTERNS,
  createRecorder({
    onFailure: recordFailure,
    onSuccess: (event) => {
      if (event.tabId < 0) return;
      void alerts.success(event.tabId);
      void monitor.noteApp(false);
    },
  }),
);

const statusCheck = createStatusCheck({ now });
const alerts = createAlerts({ now, settings: settings.get });
const monitor = createStatusMonitor({ now, random: Math.random, settings: settings.get, statusCheck, countAppTabs: () => countTabsMatching(APP_URL_PATTERNS) });
const probe = createProbe({ now, settings: settings.get });
statusCheck.onFresh((snapshot) => {
  void alerts.snapshot(snapshot);
  void monitor.observe(snapshot);
});
handleAlertClicks();

const answerFailure = createAnswerFailures({ now, settings: settings.get, onFailure: recordFailure });
handleRequests(createHandlers({ logStore, statusCheck, monitor, probe, settings, answerFailure }));

onAlarm((name) => {
  // Failures age out of the 10-minute badge window without any new event to trigger an update.
  if (name === BADGE_ALARM) void logStore.current().then(updateBadges);
  if (name === MONITOR_ALARM) void monitor.tick();
  if (name === PROBE_ALARM) void probe.run();
});
// A lost alarm (browser closed) or changed settings: re-arm from the stored state.
void settings.ready
  .then(() => Promise.all([monitor.reschedule(), probe.sync()]))
  .catch((error: unknown) => console.warn('Error Doctor: monitor not armed', error));

onBrowserStartup(() => {
  void settings.ready.then(() => {
    if (!settings.get().keepAcrossRestarts) void logStore.clear();
  });
});

// Every start of the worker (an install or update included) checks the alarm is there.
void ensureAlarm(BADGE_ALARM, 1);
