import { fallback, integer, minValue, number, object, picklist, pipe, transform, type InferOutput } from 'valibot';
import { fallbacksOf, finiteOrNull as time } from './schema-parts';
import { backoffDelay, STATUS_BACKOFF } from './backoff';

export const MONITOR_MODES = ['normal', 'fast', 'backoff', 'paused'] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];

/**
 * What the status monitor keeps in storage between worker lifetimes (the contract's MONITOR key).
 * Each field falls back on its own, so one odd value does not reset the others.
 */
export const MonitorStateSchema = object({
  /** Consecutive checks that ended "unknown"; drives the backoff. Capped by a transform (toMaxValue is one more kind for the worker). */
  errors: fallback(
    pipe(
      number(),
      integer(),
      minValue(0),
      transform((n) => Math.min(n, 1000)),
    ),
    0,
  ),
  lastCheckAt: time,
  /** Last time a ChatGPT tab was open or made a request. */
  appSeenAt: time,
  /** Last ChatGPT failure in a tab; recent failures make the monitor poll every minute. */
  failureAt: time,
  nextAt: time,
  mode: fallback(picklist(MONITOR_MODES), 'normal'),
});
export type MonitorState = InferOutput<typeof MonitorStateSchema>;

export const EMPTY_MONITOR_STATE: MonitorState = fallbacksOf(MonitorStateSchema);

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
