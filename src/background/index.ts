/**
 * Wiring only. Every listener is registered synchronously at the top level, because an MV3
 * worker (and a Firefox event page) is started for an event and may be stopped between any two.
 * State lives in storage; nothing here is kept only in memory.
 */
import { WATCH_URL_PATTERNS } from '../core/hosts';
import { ensureAlarm, onAlarm } from '../platform/alarms';
import { onBrowserStartup, onInstalled } from '../platform/lifecycle';
import { handleRequests } from '../platform/messaging';
import { isQuotaError, readLocal, writeLocal } from '../platform/storage';
import { watchRequests } from '../platform/web-request';
import { createBadgeUpdater } from './badge-updater';
import { createHandlers } from './handlers';
import { createLogStore } from './log-store';
import { createRecorder } from './recorder';
import { createSettingsStore } from './settings-store';
import { createStatusCheck } from './status-check';

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

watchRequests(
  WATCH_URL_PATTERNS,
  createRecorder({
    onFailure: (record) => logStore.append([record]),
  }),
);

const statusCheck = createStatusCheck({ now });

handleRequests(createHandlers({ logStore, statusCheck }));

onAlarm((name) => {
  // Failures age out of the 10-minute badge window without any new event to trigger an update.
  if (name === BADGE_ALARM) void logStore.current().then(updateBadges);
});

onBrowserStartup(() => {
  void settings.ready.then(() => {
    if (!settings.get().keepAcrossRestarts) void logStore.clear();
  });
});

onInstalled(() => void ensureAlarm(BADGE_ALARM, 1));
void ensureAlarm(BADGE_ALARM, 1);
