import { backoffDelay, STATUS_BACKOFF } from './backoff';

/** The storage key of the monitor's state (the background writes it, the options page shows it). */
export const MONITOR_KEY_NAME = 'monitor';

/** What the status monitor keeps in storage between worker lifetimes. */
export interface MonitorState {
  /** Consecutive checks that ended "unknown"; drives the backoff. */
  errors: number;
  lastCheckAt: number | null;
  /** Last time a ChatGPT tab was open or made a request. */
  appSeenAt: number | null;
  /** Last ChatGPT failure in a tab; recent failures make the monitor poll every minute. */
  failureAt: number | null;
  nextAt: number | null;
  mode: MonitorMode;
}

export type MonitorMode = 'normal' | 'fast' | 'backoff' | 'paused';

export const EMPTY_MONITOR_STATE: MonitorState = { errors: 0, lastCheckAt: null, appSeenAt: null, failureAt: null, nextAt: null, mode: 'normal' };

/** Without a ChatGPT tab for this long, polling stops until one shows up again. */
export const PAUSE_AFTER_MS = 60 * 60_000;
/** Failures this recent count as "being recorded". */
export const FAST_WINDOW_MS = 10 * 60_000;
export const FAST_POLL_MS = 60_000;

export interface ScheduleInput {
  state: MonitorState;
  now: number;
  pollMinutes: number;
  random: () => number;
}

/** When to check next, and why. `null` means paused: the next ChatGPT request restarts it. */
export function nextCheck({ state, now, pollMinutes, random }: ScheduleInput): { at: number | null; mode: MonitorMode } {
  if (state.appSeenAt === null || now - state.appSeenAt > PAUSE_AFTER_MS) return { at: null, mode: 'paused' };
  if (state.errors > 0) return { at: now + backoffDelay(state.errors, STATUS_BACKOFF, random), mode: 'backoff' };
  if (state.failureAt !== null && now - state.failureAt < FAST_WINDOW_MS) return { at: now + FAST_POLL_MS, mode: 'fast' };
  return { at: now + pollMinutes * 60_000, mode: 'normal' };
}

/** Reads a stored state; anything odd falls back field by field. */
export function parseMonitorState(raw: unknown): MonitorState {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  // Number.isFinite never converts: '5' is not a finite number to it.
  const num = (v: unknown) => (Number.isFinite(v) ? (v as number) : null);
  const modes: MonitorMode[] = ['normal', 'fast', 'backoff', 'paused'];
  return {
    errors: Math.max(0, Math.min(1000, Math.floor(num(r.errors) ?? 0))),
    lastCheckAt: num(r.lastCheckAt),
    appSeenAt: num(r.appSeenAt),
    failureAt: num(r.failureAt),
    nextAt: num(r.nextAt),
    mode: modes.includes(r.mode as MonitorMode) ? (r.mode as MonitorMode) : 'normal',
  };
}
