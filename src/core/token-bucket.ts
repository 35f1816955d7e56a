/**
 * At most `perSecond` on average, `burst` at once: how often something from outside may be
 * passed on. Time is passed in, so it stays pure.
 */
export function createTokenBucket(perSecond: number, burst: number) {
  let tokens = burst;
  let last = -Infinity;
  return {
    take(now: number): boolean {
      if (Number.isFinite(last) && now > last) tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      if (!Number.isFinite(last)) tokens = burst;
      last = Number.isFinite(last) ? Math.max(last, now) : now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
