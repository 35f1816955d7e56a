import { boolean, fallback, number, object, optional, picklist, string, type InferOutput } from 'valibot';
import { fallbacksOf, finiteNumber } from './schema-parts';
import type { StatusSnapshot } from './status';
import { chatgptAffected } from './status-impact';
import { pluralKey } from './plural';
import { validItems } from './valid-items';

/**
 * When to notify. Pure: events in (a failure, a success, a status snapshot), a new state and the
 * alerts to show out. Three kinds, each switchable: repeated failures, an incident that affects
 * ChatGPT, and recovery. Each kind is throttled on its own so a long or flapping outage is one
 * notification, not a stream.
 */
export type AlertKind = 'failures' | 'incident' | 'recovery';

/**
 * What the rules read of the user's settings (contract/settings.ts, which has these fields): a
 * switch per kind; N consecutive failures (`failureThreshold`) within M minutes
 * (`failureWindowMinutes`); at most one alert of a kind per `alertThrottleMinutes`.
 */
export interface AlertRules {
  alertFailures: boolean;
  alertIncident: boolean;
  alertRecovery: boolean;
  failureThreshold: number;
  failureWindowMinutes: number;
  alertThrottleMinutes: number;
}

const SWITCH = { failures: 'alertFailures', incident: 'alertIncident', recovery: 'alertRecovery' } as const satisfies Record<AlertKind, keyof AlertRules>;

const PROBLEMS = ['failures', 'incident'] as const;
const sentAt = fallback(optional(number()), undefined);

/**
 * The rules' memory, stored between worker lifetimes (the contract's ALERT_STATE key). Each field
 * falls back on its own and a list keeps its good items, so one odd value loses nothing else.
 */
export const AlertStateSchema = object({
  /** Times of the current run of failures with no success between them (newest last, at most N). */
  streak: fallback(validItems(finiteNumber, 100), []),
  /** The failure condition was reached and no success has come since. */
  failing: fallback(boolean(), false),
  /** ChatGPT incidents (ids) open in the last known snapshot. */
  incidentIds: fallback(validItems(string(), 50), []),
  /** The last known snapshot showed ChatGPT affected (an incident or a component outage). */
  incidentActive: fallback(boolean(), false),
  lastSent: fallback(object({ failures: sentAt, incident: sentAt, recovery: sentAt }), {}),
  /** Problems whose alert was shown and still awaits its recovery alert. */
  owed: fallback(validItems(picklist(PROBLEMS)), []),
});
export type AlertState = InferOutput<typeof AlertStateSchema>;

export const EMPTY_ALERT_STATE: AlertState = fallbacksOf(AlertStateSchema);

/** What to show; the background turns keys into text and opens `target` on click. */
export interface Alert {
  kind: AlertKind;
  titleKey: string;
  messageKey: string;
  subs: string[];
  target: { page: 'troubleshooter' } | { page: 'panel'; tabId: number };
}

export interface Outcome {
  state: AlertState;
  alerts: Alert[];
  /** False when nothing changed, so the caller can skip a storage write on the hot path. */
  changed: boolean;
}

/**
 * A kind is throttled on its own. A recovery that closes a problem alert the user saw is never
 * throttled (each shown problem gets its "working again"); other recoveries are.
 */
function allowed(kind: AlertKind, rules: AlertRules, state: AlertState, now: number, closes?: 'failures' | 'incident'): boolean {
  if (!rules[SWITCH[kind]]) return false;
  if (closes && state.owed.includes(closes)) return true;
  const last = state.lastSent[kind];
  return last === undefined || now - last >= rules.alertThrottleMinutes * 60_000 || now < last;
}

function emit(state: AlertState, alert: Alert, rules: AlertRules, now: number, alerts: Alert[], closes?: 'failures' | 'incident'): AlertState {
  if (!allowed(alert.kind, rules, state, now, closes)) return closes ? { ...state, owed: state.owed.filter((k) => k !== closes) } : state;
  alerts.push(alert);
  const owed = closes
    ? state.owed.filter((k) => k !== closes)
    : alert.kind === 'recovery' || state.owed.includes(alert.kind)
      ? state.owed
      : [...state.owed, alert.kind];
  return { ...state, lastSent: { ...state.lastSent, [alert.kind]: now }, owed };
}

/** A ChatGPT request failed in a tab. */
export function onFailure(state: AlertState, rules: AlertRules, now: number, tabId: number): Outcome {
  const n = Math.max(1, Math.floor(rules.failureThreshold));
  const streak = [...state.streak, now].slice(-n);
  let next: AlertState = { ...state, streak };
  const alerts: Alert[] = [];
  const reached = streak.length >= n && now - streak[0]! <= rules.failureWindowMinutes * 60_000;
  if (reached && !state.failing) {
    next = { ...next, failing: true };
    next = emit(
      next,
      {
        kind: 'failures',
        titleKey: 'monitor_alert_failures_title',
        messageKey: pluralKey('monitor_alert_failures_message', n),
        subs: [String(n), String(rules.failureWindowMinutes)],
        target: tabId >= 0 ? { page: 'panel', tabId } : { page: 'troubleshooter' },
      },
      rules,
      now,
      alerts,
    );
  }
  // While an outage is on, more failures change nothing worth a storage write (bursts are common).
  return { state: next, alerts, changed: !state.failing };
}

/** A ChatGPT request succeeded in a tab: ends a run of failures. */
export function onSuccess(state: AlertState, rules: AlertRules, now: number): Outcome {
  if (!state.failing && state.streak.length === 0) return { state, alerts: [], changed: false };
  let next: AlertState = { ...state, streak: [], failing: false };
  const alerts: Alert[] = [];
  if (state.failing) {
    next = emit(
      next,
      {
        kind: 'recovery',
        titleKey: 'monitor_alert_recovery_title',
        messageKey: 'monitor_alert_recovery_requests',
        subs: [],
        target: { page: 'troubleshooter' },
      },
      rules,
      now,
      alerts,
      'failures',
    );
  }
  return { state: next, alerts, changed: true };
}

/** A fresh status snapshot. "Unknown" changes nothing: it is neither an incident nor a recovery. */
export function onSnapshot(state: AlertState, rules: AlertRules, now: number, snapshot: StatusSnapshot): Outcome {
  if (snapshot.state !== 'known') return { state, alerts: [], changed: false };
  const impact = chatgptAffected(snapshot);
  const active = impact.level === 'minor' || impact.level === 'major';
  const ids = impact.incidents.map((i) => i.id);
  const alerts: Alert[] = [];
  let next: AlertState = { ...state, incidentIds: ids, incidentActive: active };
  const fresh = impact.incidents.filter((i) => !state.incidentIds.includes(i.id));
  if (active && (!state.incidentActive || fresh.length > 0)) {
    const first = fresh[0] ?? impact.incidents[0];
    const name = first?.name ?? impact.components.map((c) => c.name).join(', ');
    next = emit(
      next,
      {
        kind: 'incident',
        titleKey: 'monitor_alert_incident_title',
        messageKey: 'monitor_alert_incident_message',
        subs: [name, snapshot.description],
        target: { page: 'troubleshooter' },
      },
      rules,
      now,
      alerts,
    );
  } else if (!active && state.incidentActive) {
    next = emit(
      next,
      {
        kind: 'recovery',
        titleKey: 'monitor_alert_recovery_title',
        messageKey: 'monitor_alert_recovery_incident',
        subs: [],
        target: { page: 'troubleshooter' },
      },
      rules,
      now,
      alerts,
      'incident',
    );
  }
  const changed = alerts.length > 0 || active !== state.incidentActive || ids.join() !== state.incidentIds.join();
  return { state: next, alerts, changed };
}
