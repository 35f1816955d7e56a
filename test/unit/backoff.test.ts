import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, STATUS_BACKOFF, type BackoffPolicy } from '../../src/core/backoff';
import { MONITOR } from '../../src/contract/monitor';
import { EMPTY_MONITOR_STATE, FAST_POLL_MS, nextCheck, PAUSE_AFTER_MS, type MonitorState } from '../../src/core/monitor-schedule';

const P: BackoffPolicy = { baseMs: 1000, capMs: 60_000, floorMs: 100 };

describe('backoff with full jitter', () => {
  it('the window doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCeiling(n, P))).toEqual([0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(backoffCeiling(10_000, P)).toBe(60_000);
    expect(backoffCeiling(Number.NaN, P)).toBe(0);
  });

  it('random 0 gives the floor, random just under 1 the top of the window', () => {
    expect(backoffDelay(3, P, () => 0)).toBe(100);
    expect(backoffDelay(3, P, () => 0.999999)).toBe(3999);
    expect(backoffDelay(3, P, () => 0.5)).toBe(2000);
  });

  it('no errors, no wait (reset)', () => {
    expect(backoffDelay(0, P, () => 0.7)).toBe(0);
  });

  it('a broken random source stays in bounds', () => {
    expect(backoffDelay(2, P, () => 7)).toBe(2000);
    expect(backoffDelay(2, P, () => -1)).toBe(100);
    expect(backoffDelay(2, P, () => Number.NaN)).toBe(1000);
  });

  it('always within [floor, min(cap, base * 2^(n-1))]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const d = backoffDelay(n, STATUS_BACKOFF, () => r);
        expect(d).toBeGreaterThanOrEqual(STATUS_BACKOFF.floorMs);
        expect(d).toBeLessThanOrEqual(Math.max(STATUS_BACKOFF.floorMs, Math.min(STATUS_BACKOFF.capMs, STATUS_BACKOFF.baseMs * 2 ** (n - 1))));
      }),
    );
  });

  it('the status policy never polls faster than Chrome alarms allow, nor waits past 30 minutes', () => {
    expect(backoffDelay(1, STATUS_BACKOFF, () => 0)).toBe(30_000);
    expect(backoffDelay(99, STATUS_BACKOFF, () => 0.9999999)).toBeLessThan(30 * 60_000);
  });
});

describe('monitor schedule', () => {
  const now = 10_000_000;
  const seen: MonitorState = { ...EMPTY_MONITOR_STATE, appSeenAt: now - 1000 };
  const input = (state = seen) => ({ state, now, pollMinutes: 5, random: () => 0.5 });

  it('every pollMinutes while a ChatGPT tab is around and nothing fails', () => {
    expect(nextCheck(input())).toEqual({ at: now + 5 * 60_000, mode: 'normal' });
  });

  it('every minute while failures are being recorded', () => {
    expect(nextCheck(input({ ...seen, failureAt: now - 60_000 }))).toEqual({ at: now + FAST_POLL_MS, mode: 'fast' });
    expect(nextCheck(input({ ...seen, failureAt: now - 11 * 60_000 })).mode).toBe('normal');
  });

  it('backs off on errors, ahead of fast polling', () => {
    expect(nextCheck(input({ ...seen, errors: 3, failureAt: now }))).toEqual({ at: now + 120_000, mode: 'backoff' });
  });

  it('paused when no ChatGPT tab for an hour, or never seen', () => {
    expect(nextCheck(input({ ...seen, appSeenAt: now - PAUSE_AFTER_MS - 1 }))).toEqual({ at: null, mode: 'paused' });
    expect(nextCheck(input(EMPTY_MONITOR_STATE)).mode).toBe('paused');
    expect(nextCheck(input({ ...seen, appSeenAt: now - PAUSE_AFTER_MS + 1 })).mode).toBe('normal');
  });

  it('a stored state with garbage falls back field by field', () => {
    expect(MONITOR.read({ errors: -3, lastCheckAt: 'x', appSeenAt: 5, mode: 'warp' })).toEqual({ ...EMPTY_MONITOR_STATE, appSeenAt: 5 });
    expect(MONITOR.read(null)).toEqual(EMPTY_MONITOR_STATE);
    expect(MONITOR.read({ errors: 1e9 }).errors).toBe(1000);
  });
});
