/** One reachability probe of chatgpt.com: whether it answered, with what, and how fast. */
export interface ProbeEntry {
  time: number;
  /** Answered with a status below 500 (a 403 challenge still proves the site is reachable). */
  ok: boolean;
  status: number | null;
  latencyMs: number | null;
  /** Why there was no answer (timeout, network error), short and safe to show. */
  error: string | null;
}

export const PROBE_KEY = 'probe';
/** A day of probes at the default 5-minute interval. */
export const MAX_PROBES = 288;

export function appendProbe(history: readonly ProbeEntry[], entry: ProbeEntry, max = MAX_PROBES): ProbeEntry[] {
  return [...history, entry].slice(-max);
}

export interface ProbeSummary {
  count: number;
  okCount: number;
  /** Share of probes that answered, 0..1; null without probes. */
  uptime: number | null;
  medianMs: number | null;
  p95Ms: number | null;
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Uptime and latency over the probes since `since`. Latency counts answered probes only. */
export function summarizeProbes(history: readonly ProbeEntry[], since: number): ProbeSummary {
  const recent = history.filter((e) => e.time >= since);
  const ok = recent.filter((e) => e.ok);
  const latencies = ok.map((e) => e.latencyMs).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  return {
    count: recent.length,
    okCount: ok.length,
    uptime: recent.length ? ok.length / recent.length : null,
    medianMs: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
  };
}

/** Reads stored history, dropping anything malformed. */
export function parseProbeHistory(raw: unknown): ProbeEntry[] {
  if (!Array.isArray(raw)) return [];
  // Number.isFinite never converts: '5' is not a finite number to it.
  const num = (v: unknown) => (Number.isFinite(v) ? (v as number) : null);
  return raw
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object' && typeof (e as { time?: unknown }).time === 'number')
    .map((e) => ({ time: e.time as number, ok: e.ok === true, status: num(e.status), latencyMs: num(e.latencyMs), error: typeof e.error === 'string' ? e.error.slice(0, 120) : null }))
    .slice(-MAX_PROBES);
}
