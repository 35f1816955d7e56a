import { CATEGORIES } from '../core/categories';
import { array, check, integer, maxLength, maxValue, minValue, nullable, number, object, picklist, pipe, record, string } from 'valibot';
import type { ErrorRecord } from '../core/error-record';
import type { LogNotice } from '../core/failure-log';
import { MAX_CHECKS, MAX_ENDPOINTS } from '../core/tally-caps';
import type { MinuteTally } from '../core/window-tally';
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
/** 2: minutes carry the Cloudflare checks, page and sign-in failures and status features too. */
export const SUMMARY_VERSION = 2;
/** The newest failures the first frame lists: what the popup shows above the fold. */
export const SUMMARY_NEWEST = 5;
/** Tabs × minutes of a 15-minute window. More (hundreds of tabs failing at once) is no summary: the popup then reads the log. */
const MAX_MINUTES = 1000;

/** A minute as stored: its endpoints are places in the summary's one list (each named once). */
type StoredMinute = Omit<MinuteTally, 'endpoints'> & { endpoints: number[] };

export interface LogSummary {
  v: typeof SUMMARY_VERSION;
  /** Every failing endpoint the minutes name, once. */
  endpoints: string[];
  /** The log's window counted per tab and minute (core/window-tally.ts). */
  minutes: StoredMinute[];
  /** The newest records of the log, oldest first (as in the log). */
  newest: ErrorRecord[];
  /** Records in the log, and dropped from it, as the log's index says. */
  count: number;
  dropped: number;
  notice: LogNotice | null;
}

/** What an empty log summarizes to (log-summary-writes.ts; test/unit/log-chunks.test.ts). */
export const SUMMARY_DEFAULT: LogSummary = { v: SUMMARY_VERSION, endpoints: [], minutes: [], newest: [], count: 0, dropped: 0, notice: null };

/** The minutes with their endpoints named again, as the diagnosis takes them. */
export function summaryMinutes(summary: LogSummary): MinuteTally[] {
  return summary.minutes.map((m) => ({ ...m, endpoints: m.endpoints.map((i) => summary.endpoints[i]!) }));
}

const count = pipe(number(), integer(), minValue(0));

const MinuteShape = object({
  tab: number(),
  minute: pipe(number(), integer()),
  total: count,
  telemetry: count,
  byCategory: record(picklist(CATEGORIES), count),
  tls: count,
  endpoints: pipe(array(count), maxLength(MAX_ENDPOINTS)),
  retry: nullable(object({ from: number(), until: number() })),
  checks: pipe(array(number()), maxLength(MAX_CHECKS)),
  checkRay: nullable(pipe(string(), maxLength(160))),
  pages: count,
  pageStatus: nullable(pipe(number(), integer(), minValue(0), maxValue(999))),
  signIn: count,
  features: record(pipe(string(), maxLength(40)), count),
});

const SummaryShape = pipe(
  object({
    v: picklist([SUMMARY_VERSION]),
    endpoints: pipe(array(string()), maxLength(MAX_ENDPOINTS * MAX_MINUTES)),
    minutes: pipe(array(MinuteShape), maxLength(MAX_MINUTES)),
    newest: pipe(array(ErrorRecordShape), maxLength(SUMMARY_NEWEST)),
    count,
    dropped: pipe(number(), minValue(0)),
    notice: NoticeShape,
  }),
  // Every endpoint a minute names must be in the list.
  check((s) => s.minutes.every((m) => m.endpoints.every((i) => i < s.endpoints.length))),
);

/** The stored summary as pages read it; null when missing or not valid (a page then reads the log itself). */
export const LOG_SUMMARY = storedKey<LogSummary, null>(SUMMARY_KEY, SummaryShape, null);

/**
 * Whether a summary of this version is stored: all the worker asks on waking (it writes the
 * summary itself, so it need not check one; pages do, with LOG_SUMMARY).
 */
export function hasSummary(raw: unknown): boolean {
  return (raw as Partial<LogSummary> | null | undefined)?.v === SUMMARY_VERSION;
}
