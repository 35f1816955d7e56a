/**
 * Nanoseconds per call of `fn(i)`: warm-up first (so V8 has optimised it), then the median of
 * several rounds, so one GC pause or a neighbour on the shared CPU does not decide the figure.
 *
 * Why not tinybench (2.9.0, here through vitest; measured 2026-12-04): it reads the clock around
 * every call, so a no-op measures 40-50 ns where this loop measures 1-11 ns, a floor that would
 * sit in both sides of the recorder's ratio to an empty listener.
 */
export function nsPerCall(fn: (i: number) => void, { iterations = 50_000, rounds = 7, warmup = 20_000 } = {}): number {
  for (let i = 0; i < warmup; i++) fn(i);
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn(i);
    perRound.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  perRound.sort((a, b) => a - b);
  return perRound[perRound.length >> 1]!;
}
