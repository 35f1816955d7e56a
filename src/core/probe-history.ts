import { boolean, fallback, maxLength, nullable, object, pipe, string, type InferOutput } from 'valibot';
import { finiteNumber, finiteOrNull } from './schema-parts';
import { validItems } from './valid-items';

/** One reachability probe of chatgpt.com: whether it answered, with what, and how fast. */
export const ProbeEntrySchema = object({
  time: finiteNumber,
  /** Answered with a status below 500 (a 403 challenge still proves the site is reachable). */
  ok: fallback(boolean(), false),
  status: finiteOrNull,
  latencyMs: finiteOrNull,
  /** Why there was no answer (timeout, network error), short and safe to show. */
  error: fallback(nullable(pipe(string(), maxLength(120))), null),
});
export type ProbeEntry = InferOutput<typeof ProbeEntrySchema>;

/** A day of probes at the default 5-minute interval. */
export const MAX_PROBES = 288;

/** The stored history (the contract's PROBE key): malformed entries are dropped, the rest kept. */
export const ProbeHistorySchema = validItems(ProbeEntrySchema, MAX_PROBES);

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
  const latencies = ok
    .map((e) => e.latencyMs)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b);
  return {
    count: recent.length,
    okCount: ok.length,
    uptime: recent.length ? ok.length / recent.length : null,
    medianMs: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
  };
}
