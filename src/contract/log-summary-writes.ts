import type { FailureLog } from '../core/failure-log';
import { tallyMinutes } from '../core/window-tally';
import { chunkWrites, type LogPosition } from './log-chunks';
import { SUMMARY_KEY, SUMMARY_NEWEST, SUMMARY_VERSION, type LogSummary } from './log-summary';

/*
 * The log summary as the log store writes it (log-summary.ts has its shape and how pages read
 * it): apart, so a page that reads the summary does not load the window tally's code with it.
 */

export function summarize(log: FailureLog, now: number): LogSummary {
  const places = new Map<string, number>();
  const place = (endpoint: string) => places.get(endpoint) ?? places.set(endpoint, places.size).size - 1;
  const minutes = tallyMinutes(log.records, now).map((m) => ({ ...m, endpoints: m.endpoints.map(place) }));
  return {
    v: SUMMARY_VERSION,
    endpoints: [...places.keys()],
    minutes,
    newest: log.records.slice(-SUMMARY_NEWEST),
    count: log.records.length,
    dropped: log.dropped,
    notice: log.notice,
  };
}

/**
 * The one `set` that brings storage from `before` to `log` (chunkWrites in log-chunks.ts), with
 * the summary of the log it leaves: the summary is never written apart from the log.
 */
export function logWrites(before: LogPosition, log: FailureLog, first: number, firstChanged: number, now: number): Record<string, unknown> {
  return { ...chunkWrites(before, log, first, firstChanged), [SUMMARY_KEY]: summarize(log, now) };
}
