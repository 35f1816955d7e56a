import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALERT_STATE } from '../../src/contract/alerts';
import { EMPTY_ALERT_STATE, onFailure, onSnapshot, onSuccess, type AlertRules, type AlertState } from '../../src/core/alert-rules';
import { parseStatusPage } from '../../src/core/status-page';
import type { StatusSnapshot } from '../../src/core/status';
import { DEFAULT_SETTINGS } from '../../src/contract/settings';

/** The rules as a new user has them: three failures in two minutes, one alert per 30 minutes. */
const RULES: AlertRules = DEFAULT_SETTINGS;
const MIN = 60_000;
const snap = (name: string): StatusSnapshot =>
  parseStatusPage({ kind: 'answer', status: 200, contentType: 'application/json', body: readFileSync(`test/fixtures/status/${name}.json`, 'utf8') }, null, 1);

function failures(times: number[], rules = RULES, start: AlertState = EMPTY_ALERT_STATE) {
  let state = start;
  const kinds: string[] = [];
  for (const t of times) {
    const o = onFailure(state, rules, t, 7);
    state = o.state;
    kinds.push(...o.alerts.map((a) => a.kind));
  }
  return { state, kinds };
}

describe('failure alert: N consecutive failures within M minutes', () => {
  it('fires on the third failure within two minutes, pointing at the tab panel', () => {
    let state = EMPTY_ALERT_STATE;
    state = onFailure(state, RULES, 0, 7).state;
    const second = onFailure(state, RULES, 30_000, 7);
    expect(second.alerts).toEqual([]);
    const third = onFailure(second.state, RULES, 60_000, 7);
    expect(third.alerts).toEqual([
      {
        kind: 'failures',
        titleKey: 'monitor_alert_failures_title',
        messageKey: 'monitor_alert_failures_message_other',
        subs: ['3', '2'],
        target: { page: 'panel', tabId: 7 },
      },
    ]);
    expect(third.state.failing).toBe(true);
  });

  it('does not fire when the failures are spread wider than the window', () => {
    expect(failures([0, 1.5 * MIN, 3 * MIN]).kinds).toEqual([]);
    // ... but a later run that fits the window does.
    expect(failures([0, 1.5 * MIN, 3 * MIN, 3.2 * MIN]).kinds).toEqual(['failures']);
  });

  it('a success in between breaks the run', () => {
    let state = failures([0, 1000]).state;
    state = onSuccess(state, RULES, 2000).state;
    expect(failures([3000, 4000], RULES, state).kinds).toEqual([]);
  });

  it('fires once per outage, not per failure', () => {
    expect(failures([0, 1, 2, 3, 4, 5, 6, 7]).kinds).toEqual(['failures']);
  });

  it('throttled: a second outage within the throttle is silent, after it alerts again', () => {
    let { state } = failures([0, 1, 2]);
    state = onSuccess(state, { ...RULES, alertRecovery: false }, 10).state;
    expect(failures([5 * MIN, 5 * MIN + 1, 5 * MIN + 2], RULES, state).kinds).toEqual([]);
    expect(failures([31 * MIN, 31 * MIN + 1, 31 * MIN + 2], RULES, state).kinds).toEqual(['failures']);
  });

  it('switched off: no alert, but the state still tracks the outage (for recovery)', () => {
    const { state, kinds } = failures([0, 1, 2], { ...RULES, alertFailures: false });
    expect(kinds).toEqual([]);
    expect(state.failing).toBe(true);
  });

  it('other thresholds', () => {
    expect(failures([0, 1, 2, 3, 4], { ...RULES, failureThreshold: 5 }).kinds).toEqual(['failures']);
    expect(failures([0, 1, 2, 3], { ...RULES, failureThreshold: 5 }).kinds).toEqual([]);
  });

  it('a failure without a tab points at the troubleshooter', () => {
    let state = EMPTY_ALERT_STATE;
    let last;
    for (const t of [0, 1, 2]) ({ state, ...last } = onFailure(state, RULES, t, -1));
    expect(last!.alerts[0]!.target).toEqual({ page: 'troubleshooter' });
  });
});

describe('recovery alert', () => {
  it('a success after the failure alert: recovery, once', () => {
    const { state } = failures([0, 1, 2]);
    const first = onSuccess(state, RULES, 60_000);
    expect(first.alerts.map((a) => [a.kind, a.messageKey])).toEqual([['recovery', 'monitor_alert_recovery_requests']]);
    const again = onSuccess(first.state, RULES, 61_000);
    expect(again).toEqual({ state: first.state, alerts: [], changed: false });
  });

  it('a success after fewer than N failures is not a recovery', () => {
    const o = onSuccess(failures([0, 1]).state, RULES, 5);
    expect(o.alerts).toEqual([]);
    expect(o.changed).toBe(true);
  });

  it('a success with nothing failing changes nothing (the hot path)', () => {
    expect(onSuccess(EMPTY_ALERT_STATE, RULES, 5)).toEqual({ state: EMPTY_ALERT_STATE, alerts: [], changed: false });
  });

  it('a recovery that closes a problem alert the user saw is never throttled', () => {
    // The incident resolves (recovery sent), then requests fail (alert sent), then work again.
    const state = onSnapshot(EMPTY_ALERT_STATE, RULES, 0, snap('major')).state;
    const resolved = onSnapshot(state, RULES, 1000, snap('operational'));
    expect(resolved.alerts.map((a) => a.kind)).toEqual(['recovery']);
    const failed = failures([2000, 2001, 2002], RULES, resolved.state);
    expect(failed.kinds).toEqual(['failures']);
    expect(failed.state.owed).toEqual(['failures']);
    const back = onSuccess(failed.state, RULES, 3000);
    expect(back.alerts.map((a) => a.messageKey)).toEqual(['monitor_alert_recovery_requests']);
    expect(back.state.owed).toEqual([]);
  });

  it('flapping recovery is throttled', () => {
    let { state } = failures([0, 1, 2]);
    state = onSuccess(state, RULES, 10).state;
    state = failures([20, 21, 22], RULES, state).state;
    expect(onSuccess(state, RULES, 30).alerts).toEqual([]);
  });
});

describe('incident alert', () => {
  it('operational → major: incident alert with the incident name; major again: silent', () => {
    const first = onSnapshot(EMPTY_ALERT_STATE, RULES, 0, snap('operational'));
    expect(first.alerts).toEqual([]);
    expect(first.changed).toBe(false);
    const major = onSnapshot(first.state, RULES, 1000, snap('major'));
    expect(major.alerts).toEqual([
      {
        kind: 'incident',
        titleKey: 'monitor_alert_incident_title',
        messageKey: 'monitor_alert_incident_message',
        subs: ['Elevated error rates in ChatGPT', 'Partial System Outage'],
        target: { page: 'troubleshooter' },
      },
    ]);
    expect(major.state).toMatchObject({ incidentActive: true, incidentIds: ['inc1'] });
    expect(onSnapshot(major.state, RULES, 2000, snap('major')).alerts).toEqual([]);
  });

  it('major → operational: recovery (incident resolved)', () => {
    const major = onSnapshot(EMPTY_ALERT_STATE, RULES, 0, snap('major'));
    const back = onSnapshot(major.state, RULES, 60_000, snap('operational'));
    expect(back.alerts.map((a) => [a.kind, a.messageKey])).toEqual([['recovery', 'monitor_alert_recovery_incident']]);
    expect(back.state.incidentActive).toBe(false);
  });

  it('unknown is neither an incident nor a recovery', () => {
    const major = onSnapshot(EMPTY_ALERT_STATE, RULES, 0, snap('major'));
    const u = onSnapshot(major.state, RULES, 1, { state: 'unknown', checkedAt: 1, reason: 'timeout', detail: 'x' });
    expect(u).toEqual({ state: major.state, alerts: [], changed: false });
  });

  it('an API-only incident or a maintenance does not alert', () => {
    expect(onSnapshot(EMPTY_ALERT_STATE, RULES, 0, snap('minor')).alerts).toEqual([]);
    expect(onSnapshot(EMPTY_ALERT_STATE, RULES, 0, snap('maintenance')).alerts).toEqual([]);
  });

  it('a new incident during the throttle window is silent; after it, it alerts', () => {
    const major = onSnapshot(EMPTY_ALERT_STATE, RULES, 0, snap('major'));
    const s = snap('major');
    if (s.state !== 'known') throw new Error('fixture');
    const other: StatusSnapshot = { ...s, incidents: [{ ...s.incidents[0]!, id: 'inc2', name: 'Login failures' }] };
    expect(onSnapshot(major.state, RULES, 10 * MIN, other).alerts).toEqual([]);
    expect(onSnapshot(major.state, RULES, 31 * MIN, other).alerts[0]!.subs[0]).toBe('Login failures');
  });

  it('switches: incident off, recovery off', () => {
    const off = { ...RULES, alertIncident: false, alertRecovery: false };
    const major = onSnapshot(EMPTY_ALERT_STATE, off, 0, snap('major'));
    expect(major.alerts).toEqual([]);
    expect(onSnapshot(major.state, off, 1, snap('operational')).alerts).toEqual([]);
  });
});

describe('stored alert state', () => {
  it('garbage falls back safely', () => {
    expect(ALERT_STATE.read('x')).toEqual(EMPTY_ALERT_STATE);
    expect(ALERT_STATE.read({ streak: [1, 'a', 2], failing: 'yes', incidentIds: [1, 'a'], lastSent: { failures: 5, bogus: 1, incident: 'x' } })).toEqual({
      streak: [1, 2],
      failing: false,
      incidentIds: ['a'],
      incidentActive: false,
      lastSent: { failures: 5 },
      owed: [],
    });
    expect(ALERT_STATE.read({ owed: ['failures', 'bogus', 'incident'] }).owed).toEqual(['failures', 'incident']);
  });
});

describe('hot path', () => {
  it('failures during an outage already alerted do not ask for a storage write', () => {
    const { state } = failures([0, 1, 2]);
    const more = onFailure(state, RULES, 3, 7);
    expect(more.changed).toBe(false);
    expect(more.alerts).toEqual([]);
  });
});
