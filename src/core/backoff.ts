/**
 * Exponential backoff with full jitter: the wait after the n-th consecutive error is uniform in
 * [0, min(cap, base * 2^(n-1))). Full jitter spreads many browsers that failed together over the
 * whole window, so they do not all come back at once
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). The randomness
 * is passed in, so tests pin it.
 *
 * Why not a library (checked 2026-12-04): exponential-backoff 3.1.3 and p-retry 9.0.0 run the
 * retries themselves, waiting in a timer, and neither exports the delay alone; the status monitor
 * waits up to 30 minutes on an alarm, since the worker is stopped between checks. Imported, they
 * add 1,955 B and 1,603 B gzip to the worker (20,878 B, budget 20,992); this file is 125 B.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Waits shorter than this are raised to it (Chrome alarms fire at most every 30 s). */
  floorMs: number;
}

export const STATUS_BACKOFF: BackoffPolicy = { baseMs: 60_000, capMs: 30 * 60_000, floorMs: 30_000 };

/** The ceiling of the jitter window after `errors` consecutive errors (0 errors: no wait). */
export function backoffCeiling(errors: number, policy: BackoffPolicy): number {
  if (!(errors > 0)) return 0;
  // 2^40 is already far past any cap; stopping there keeps the number finite.
  const exponent = Math.min(Math.floor(errors) - 1, 40);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** The wait before the next try; `random` returns [0, 1) like Math.random. */
export function backoffDelay(errors: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = backoffCeiling(errors, policy);
  if (ceiling === 0) return 0;
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5;
  return Math.max(policy.floorMs, Math.floor(unit * ceiling));
}
