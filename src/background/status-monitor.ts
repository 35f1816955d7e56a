import type { Settings } from '../contract/settings';
import type { StatusSnapshot } from '../core/status';
import { MONITOR } from '../contract/monitor';
import { FAST_POLL_MS, nextCheck, type MonitorState } from '../core/monitor-schedule';
import { serialQueue } from '../core/serial-queue';
import { chatgptAffected } from '../core/status-impact';
import { alarmTime, clearAlarm, scheduleAlarm } from '../platform/alarms';
import { readKey, writeKey } from '../platform/storage';
import { showIncident } from './global-indicator';
import type { StatusCheck } from './status-check';

export const MONITOR_ALARM = 'status-monitor';
/** How often "a ChatGPT tab is alive" is written at most; it only matters at the hour scale. */
const SEEN_WRITE_MS = 60_000;
const OVERDUE_GRACE_MS = 60_000;

export interface StatusMonitorDeps {
  now: () => number;
  random: () => number;
  settings: () => Settings;
  statusCheck: StatusCheck;
  /** How many ChatGPT tabs are open. */
  countAppTabs: () => Promise<number>;
}

/**
 * Polls the status page on a one-shot alarm that it re-arms after each check: every `pollMinutes`,
 * every minute while failures are recorded, backing off with full jitter while the page cannot be
 * read, and not at all once no ChatGPT tab was seen for an hour (the next ChatGPT request wakes
 * it). Its state is in storage; the worker may stop between any two ticks.
 */
export function createStatusMonitor({ now, random, settings, statusCheck, countAppTabs }: StatusMonitorDeps) {
  let state: MonitorState | null = null;
  const queue = serialQueue();
  let indicator: string | null = null;

  const load = async (): Promise<MonitorState> => (state ??= await readKey(MONITOR));
  const save = async (next: MonitorState) => {
    state = next;
    await writeKey(MONITOR, next);
  };

  /** When the next check is due; never while monitoring is off. */
  const decide = (current: MonitorState, time: number) =>
    settings().monitorEnabled ? nextCheck({ state: current, now: time, pollMinutes: settings().pollMinutes, random }) : { at: null, mode: 'paused' as const };

  /** Sets the alarm for the next check and stores the state with it. */
  async function arm(current: MonitorState, time: number): Promise<MonitorState> {
    const decision = decide(current, time);
    if (decision.at === null) await clearAlarm(MONITOR_ALARM);
    else await scheduleAlarm(MONITOR_ALARM, decision.at);
    const next = { ...current, nextAt: decision.at, mode: decision.mode };
    await save(next);
    return next;
  }

  async function tickNow(): Promise<{ state: MonitorState; snapshot: StatusSnapshot | null }> {
    const time = now();
    let current = await load();
    const tabs = await countAppTabs().catch(() => 0);
    if (tabs > 0) current = { ...current, appSeenAt: time };
    let snapshot: StatusSnapshot | null = null;
    if (decide(current, time).at !== null) {
      snapshot = await statusCheck.check({ force: true });
      current = { ...current, lastCheckAt: time, errors: snapshot.state === 'unknown' ? current.errors + 1 : 0 };
    }
    return { state: await arm(current, time), snapshot };
  }

  return {
    /** One check now (alarm or request), then the next one scheduled. */
    tick: () => queue.run(tickNow),

    /**
     * A ChatGPT request finished in a tab. Keeps "a tab is alive" current, switches to fast polling
     * when failures start, and wakes a paused monitor. Cheap on the hot path: memory first.
     */
    noteApp(failed: boolean): Promise<unknown> {
      const time = now();
      const fresh = (at: number | null) => at !== null && time - at < SEEN_WRITE_MS;
      // Nothing to write when the tab was seen lately and, for a failure, a check is due within a
      // minute anyway: a burst of failures costs one write, not one per failure.
      const needless = (s: MonitorState) =>
        s.mode !== 'paused' && fresh(s.appSeenAt) && (!failed || (fresh(s.failureAt) && (s.nextAt ?? Infinity) <= now() + FAST_POLL_MS));
      if (state && needless(state)) return queue.idle();
      return queue.run(async () => {
        let current = await load();
        if (needless(current)) return undefined;
        const wasPaused = current.mode === 'paused';
        current = { ...current, appSeenAt: time, ...(failed ? { failureAt: time } : {}) };
        if (wasPaused && settings().monitorEnabled) {
          state = current;
          return tickNow();
        }
        // Failures start: the next check moves up to within a minute.
        await (failed && current.mode === 'normal' && (current.nextAt ?? Infinity) > time + FAST_POLL_MS ? arm(current, time) : save(current));
        return undefined;
      });
    },

    /**
     * The worker started (`settingsChanged` false) or the settings changed (true): re-arm from the
     * stored state without fetching. On a plain start an armed alarm is left alone, so waking the
     * worker many times does not re-roll the backoff's jitter each time.
     */
    reschedule(settingsChanged = false): Promise<MonitorState> {
      return queue.run(async () => {
        const current = await load();
        const time = now();
        // A check long overdue (the alarm was lost with the browser) happens at once; a just-due
        // one is left to its alarm, which is what woke the worker.
        const overdue = current.mode !== 'paused' && (current.nextAt === null || current.nextAt < time - OVERDUE_GRACE_MS);
        if (overdue && settings().monitorEnabled && current.appSeenAt !== null) return (await tickNow()).state;
        if (!settingsChanged && current.nextAt !== null && (await alarmTime(MONITOR_ALARM)) !== null) return current;
        return arm(current, current.lastCheckAt ?? time);
      });
    },

    /** Shows an ongoing ChatGPT incident on the toolbar icon; "unknown" leaves it as it was. */
    async observe(snapshot: StatusSnapshot): Promise<void> {
      if (snapshot.state === 'unknown') return;
      const impact = chatgptAffected(snapshot);
      const name = impact.incidents[0]?.name ?? impact.components.map((c) => c.name).join(', ');
      const key = impact.level === 'minor' || impact.level === 'major' ? name : '';
      if (key === indicator) return;
      indicator = key;
      await showIncident(key);
    },
  };
}
