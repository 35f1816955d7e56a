import { describe, expect, it } from 'vitest';
import { PROBE } from '../../src/contract/probe';
import { appendProbe, MAX_PROBES, summarizeProbes, type ProbeEntry } from '../../src/core/probe-history';

const entry = (time: number, ok: boolean, latencyMs: number | null = ok ? 100 : null): ProbeEntry => ({
  time,
  ok,
  status: ok ? 200 : null,
  latencyMs,
  error: ok ? null : 'timeout',
});

describe('probe history', () => {
  it('keeps the newest MAX_PROBES', () => {
    let h: ProbeEntry[] = [];
    for (let i = 0; i < MAX_PROBES + 5; i++) h = appendProbe(h, entry(i, true));
    expect(h).toHaveLength(MAX_PROBES);
    expect(h[0]!.time).toBe(5);
  });

  it('uptime and latency over a window; failures have no latency', () => {
    const h = [entry(0, true, 999), entry(10, true, 100), entry(20, false), entry(30, true, 300), entry(40, true, 200)];
    expect(summarizeProbes(h, 5)).toEqual({ count: 4, okCount: 3, uptime: 0.75, medianMs: 200, p95Ms: 300 });
    expect(summarizeProbes([], 0)).toEqual({ count: 0, okCount: 0, uptime: null, medianMs: null, p95Ms: null });
  });

  it('stored garbage is dropped', () => {
    expect(PROBE.read('x')).toEqual([]);
    expect(PROBE.read([null, { time: 'x' }, { time: 5, ok: true, status: 200, latencyMs: 12, error: 7 }])).toEqual([
      { time: 5, ok: true, status: 200, latencyMs: 12, error: null },
    ]);
  });
});
