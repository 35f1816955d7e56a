import { CATEGORIES } from '../core/categories';
import { array, integer, literal, maxLength, minValue, nullable, number, object, picklist, pipe, record, string } from 'valibot';
import type { ErrorRecord } from '../core/error-record';
import type { FailureLog, LogNotice } from '../core/failure-log';
import { MAX_ENDPOINTS, tallyMinutes, type MinuteTally } from '../core/window-tally';
import { chunkWrites, type LogPosition } from './log-chunks';
import { NoticeShape } from './stored-log';
import { ErrorRecordShape } from './record-schema';
import { storedKey } from './stored-key';

/**
 * A few KB kept beside the failure log, written by the log store in the same `set` as the log
 * (src/background/log-store.ts), so the two never disagree. The popup's first frame reads only
 * this key: the verdict's inputs for the diagnosis window, counted per tab and minute, and the
 * newest failures. The log itself (index and chunks, log-chunks.ts) loads after the first paint.
 * Measured: reading the index and the newest 250 records took the popup most of its time to ready.
 */
export const SUMMARY_KEY = 'logSummary';
export const SUMMARY_VERSION = 1;
/** The newest failures the first frame lists: more than a 600 px popup shows before scrolling. */
export const SUMMARY_NEWEST = 10;
/** Tabs × minutes of a 15-minute window; more only when many tabs fail at once. */
const MAX_MINUTES = 1000;

export interface LogSummary {
  v: typeof SUMMARY_VERSION;
  /** The log's window counted per tab and minute (core/window-tally.ts). */
  minutes: MinuteTally[];
  /** The newest records of the log, oldest first (as in the log). */
  newest: ErrorRecord[];
  /** Records in the log, and dropped from it, as the log's index says. */
  count: number;
  dropped: number;
  notice: LogNotice | null;
}

/** What an empty log summarizes to; also what a page shows when nothing valid is stored. */
export const SUMMARY_DEFAULT: LogSummary = { v: SUMMARY_VERSION, minutes: [], newest: [], count: 0, dropped: 0, notice: null };

export function summarize(log: FailureLog, now: number): LogSummary {
  const minutes = tallyMinutes(log.records, now);
  return { v: SUMMARY_VERSION, minutes: minutes.slice(-MAX_MINUTES), newest: log.records.slice(-SUMMARY_NEWEST), count: log.records.length, dropped: log.dropped, notice: log.notice };
}

const count = pipe(number(), integer(), minValue(0));

const MinuteShape = object({
  tab: number(),
  minute: pipe(number(), integer()),
  total: count,
  telemetry: count,
  byCategory: record(picklist(CATEGORIES), count),
  tls: count,
  endpoints: pipe(array(string()), maxLength(MAX_ENDPOINTS)),
  retry: nullable(object({ from: number(), until: number() })),
});

const SummaryShape = object({
  v: literal(SUMMARY_VERSION),
  minutes: pipe(array(MinuteShape), maxLength(MAX_MINUTES)),
  newest: pipe(array(ErrorRecordShape), maxLength(SUMMARY_NEWEST)),
  count,
  dropped: pipe(number(), minValue(0)),
  notice: NoticeShape,
});

/** The stored summary as pages read it; null when missing or not valid (a page then reads the log itself). */
export const LOG_SUMMARY = storedKey<LogSummary, null>(SUMMARY_KEY, SummaryShape, null);

/**
 * Whether a summary of this version is stored: all the worker asks on waking (it writes the
 * summary itself, so it need not check one; pages do, with LOG_SUMMARY).
 */
export function hasSummary(raw: unknown): boolean {
  return (raw as Partial<LogSummary> | null | undefined)?.v === SUMMARY_VERSION;
}

/**
 * The one `set` that brings storage from `before` to `log` (chunkWrites in log-chunks.ts), with
 * the summary of the log it leaves: the summary is never written apart from the log.
 */
export function logWrites(before: LogPosition, log: FailureLog, first: number, firstChanged: number, now: number): Record<string, unknown> {
  return { ...chunkWrites(before, log, first, firstChanged), [SUMMARY_KEY]: summarize(log, now) };
}
