import type { ErrorRecord } from '../core/error-record';
import type { Settings } from '../contract/settings';
import type { StatusSnapshot } from '../core/status';
import { ALERT_HISTORY, ALERT_STATE, MAX_ALERT_HISTORY, type AlertRecord } from '../contract/alerts';
import { PANEL_PAGE, TROUBLESHOOTER_PAGE, pagePath } from '../contract/pages';
import { EMPTY_ALERT_STATE, onFailure, onSnapshot, onSuccess, type Alert, type AlertRules, type AlertState, type Outcome } from '../core/alert-rules';
import { t } from '../platform/i18n';
import { clearNotification, onNotificationClicked, showNotification } from '../platform/notifications';
import { readKey, writeKey } from '../platform/storage';
import { extensionUrl, openTab } from '../platform/tabs';
import { errorText } from '../core/error-text';
import { serialQueue } from '../core/serial-queue';

const ID_PREFIX = 'edr-alert';

/** The extension page an alert opens: the tab's DevTools panel when it names a tab (digits only). */
function targetPath(tabId: string | number | undefined): string {
  return /^\d+$/.test(String(tabId)) ? pagePath(PANEL_PAGE, String(tabId)) : TROUBLESHOOTER_PAGE;
}

/**
 * Feeds the alert rules and shows what they decide. Events are handled one at a time, in order,
 * and the rules' state is stored so a stopped worker does not forget a run of failures. The click
 * target travels in the notification id, so a click after a worker restart still knows where to go.
 */
export function createAlerts({ now, settings }: { now: () => number; settings: () => Settings }) {
  let state: AlertState = EMPTY_ALERT_STATE;
  let loaded = false;
  const ready = readKey(ALERT_STATE).then(
    (stored) => {
      state = stored;
      loaded = true;
    },
    () => {
      loaded = true;
    },
  );
  const queue = serialQueue();

  async function show(alert: Alert, time: number): Promise<void> {
    const tabId = alert.target.page === 'panel' ? alert.target.tabId : '';
    const id = `${ID_PREFIX}|${alert.kind}|${time}|${tabId}`;
    const title = t(alert.titleKey);
    const message = t(alert.messageKey, alert.subs);
    let record: AlertRecord = { id, kind: alert.kind, time, title, message, target: targetPath(tabId), shown: true };
    try {
      await showNotification(id, title, message);
    } catch (error) {
      record = { ...record, shown: false, error: errorText(error) };
    }
    const history = await readKey(ALERT_HISTORY);
    await writeKey(ALERT_HISTORY, [...history, record].slice(-MAX_ALERT_HISTORY));
  }

  function step(decide: (state: AlertState, rules: AlertRules, time: number) => Outcome): Promise<void> {
    const time = now();
    return queue
      .run(async () => {
        await ready;
        const outcome = decide(state, settings(), time);
        state = outcome.state;
        if (outcome.changed) await writeKey(ALERT_STATE, state);
        for (const alert of outcome.alerts) await show(alert, time);
      })
      .catch((error: unknown) => console.warn('Error Doctor: alert failed', error));
  }

  return {
    /** A recorded failure; telemetry, blocked requests and the extension's own requests do not count. */
    failure(record: ErrorRecord): Promise<void> {
      if (record.tabId < 0 || record.telemetry || record.category === 'blocked') return queue.idle();
      return step((s, rules, time) => onFailure(s, rules, time, record.tabId));
    },
    /** A successful ChatGPT request; cheap when nothing is failing (the common case). */
    success(tabId: number): Promise<void> {
      if (tabId < 0 || (loaded && !state.failing && state.streak.length === 0)) return queue.idle();
      return step((s, rules, time) => onSuccess(s, rules, time));
    },
    snapshot(snapshot: StatusSnapshot): Promise<void> {
      return step((s, rules, time) => onSnapshot(s, rules, time, snapshot));
    },
  };
}

/** Opens what the alert points at. Registered at the top level of the worker. */
export function handleAlertClicks(): void {
  onNotificationClicked((id) => {
    if (!id.startsWith(`${ID_PREFIX}|`)) return;
    // The id carries the tab (or nothing); targetPath takes only digits from it.
    void openTab(extensionUrl(targetPath(id.split('|')[3]))).then(() => clearNotification(id));
  });
}
