import type { Category } from './categories';
import type { ErrorRecord } from './error-record';
import { primaryRequestId } from './headers';
import { isSignInHost } from './hosts';
import { maskIds } from './redact';
import { featureOf } from './status-features';
import { MAX_CHECKS, MAX_ENDPOINTS } from './tally-caps';

/** Failures older than this say little about what is wrong now. */
export const DIAGNOSIS_WINDOW_MS = 15 * 60_000;

/**
 * What the diagnosis reads of the failures in its window, counted: it never looks at one record
 * on its own. Counted per record by the diagnosis itself, and per tab and minute by the log
 * store for the popup's first frame (src/contract/log-summary.ts), so a full log never has to be
 * read to give a verdict.
 */
export interface WindowTally {
  /** Non-telemetry failures. */
  total: number;
  telemetry: number;
  byCategory: Partial<Record<Category, number>>;
  tls: number;
  /** Failing endpoints (host + path with ids masked), the first MAX_ENDPOINTS; how many differ matters, not how often each failed. */
  endpoints: string[];
  /** From the newest failure with a parsable `retry-after`: its time, and when it said to retry (ms). */
  retry: { from: number; until: number } | null;
  /** Times of Cloudflare checks (`cf-mitigated: challenge`), oldest first, the newest MAX_CHECKS. */
  checks: number[];
  /** The newest check's request id (its cf-ray), for the verdict to name. */
  checkRay: string | null;
  /** The page itself (a main_frame, not a sign-in page) answered 5xx or a Cloudflare page: how often, and the newest status. */
  pages: number;
  pageStatus: number | null;
  /** Server-side failures on the sign-in hosts. */
  signIn: number;
  /** Failures per status-page component id whose feature the request belongs to (status-features.ts). */
  features: Record<string, number>;
}

export function emptyTally(): WindowTally {
  return {
    total: 0,
    telemetry: 0,
    byCategory: {},
    tls: 0,
    endpoints: [],
    retry: null,
    checks: [],
    checkRay: null,
    pages: 0,
    pageStatus: null,
    signIn: 0,
    features: {},
  };
}

function addEndpoint(tally: WindowTally, endpoint: string): void {
  if (tally.endpoints.length < MAX_ENDPOINTS && !tally.endpoints.includes(endpoint)) tally.endpoints.push(endpoint);
}

function takeRetry(tally: WindowTally, retry: WindowTally['retry']): void {
  if (retry && (!tally.retry || retry.from >= tally.retry.from)) tally.retry = retry;
}

/**
 * What a tally reads of each record beyond its fields, worked out once per record: the log store
 * tallies the window again with every write (up to 1,000 records, many writes a second in a
 * storm), and masking ids, the sign-in host test and the feature regexes were most of a tally's
 * cost. The load test lost failures at worker stops once that cost was paid on every write
 * (test/e2e/load.test.ts). Records are never changed once made.
 */
interface RecordFacts {
  endpoint: string;
  signIn: boolean;
  feature: string | undefined;
}
const facts = new WeakMap<ErrorRecord, RecordFacts>();
function factsOf(r: ErrorRecord): RecordFacts {
  let f = facts.get(r);
  if (f === undefined) {
    f = { endpoint: `${r.host}${maskIds(r.path)}`, signIn: isSignInHost(r.host), feature: featureOf(r.host, r.path) };
    facts.set(r, f);
  }
  return f;
}

export function tallyRecord(tally: WindowTally, r: ErrorRecord): void {
  if (r.telemetry) {
    tally.telemetry++;
    return;
  }
  tally.total++;
  tally.byCategory[r.category] = (tally.byCategory[r.category] ?? 0) + 1;
  if (r.meaning === 'meaning_tls') tally.tls++;
  const { endpoint, signIn, feature } = factsOf(r);
  addEndpoint(tally, endpoint);
  if (r.retryAfterSec !== null) takeRetry(tally, { from: r.time, until: r.time + r.retryAfterSec * 1000 });
  if (r.meaning === 'meaning_cf_challenge') {
    addChecks(tally, [r.time]);
    tally.checkRay = primaryRequestId(r.ids) ?? tally.checkRay;
  } else if (r.type === 'main_frame' && !signIn && r.status !== null && (r.status >= 500 || r.category === 'cloudflare')) {
    tally.pages++;
    tally.pageStatus = r.status;
  }
  if (signIn && r.status !== null && r.status >= 500) tally.signIn++;
  if (feature) tally.features[feature] = (tally.features[feature] ?? 0) + 1;
}

function addChecks(tally: WindowTally, times: readonly number[]): void {
  tally.checks = [...tally.checks, ...times].sort((a, b) => a - b).slice(-MAX_CHECKS);
}

export function mergeTally(into: WindowTally, from: WindowTally): void {
  into.total += from.total;
  into.telemetry += from.telemetry;
  into.tls += from.tls;
  for (const [category, n] of Object.entries(from.byCategory) as Array<[Category, number]>) into.byCategory[category] = (into.byCategory[category] ?? 0) + n;
  for (const endpoint of from.endpoints) addEndpoint(into, endpoint);
  takeRetry(into, from.retry);
  addChecks(into, from.checks);
  into.checkRay = from.checkRay ?? into.checkRay;
  into.pages += from.pages;
  into.pageStatus = from.pageStatus ?? into.pageStatus;
  into.signIn += from.signIn;
  for (const [id, n] of Object.entries(from.features)) into.features[id] = (into.features[id] ?? 0) + n;
}

/** The failures of the window ending at `now`, of one tab when `tabId` is a number. */
export function tallyRecords(records: readonly ErrorRecord[], now: number, tabId?: number | null): WindowTally {
  const since = now - DIAGNOSIS_WINDOW_MS;
  const tally = emptyTally();
  for (const r of records) {
    // Records from the future (clock changes) still count as recent rather than vanish.
    if (r.time < since) continue;
    if (typeof tabId === 'number' && r.tabId !== tabId) continue;
    tallyRecord(tally, r);
  }
  return tally;
}

/** One tab's failures in one minute (`minute` is ms since the epoch / 60,000, floored). */
export interface MinuteTally extends WindowTally {
  tab: number;
  minute: number;
}

/**
 * The log's window counted per tab and minute: what the log store keeps beside the log, with
 * every write. `records` are in time order, as the log keeps them, so only the window is read.
 */
export function tallyMinutes(records: readonly ErrorRecord[], now: number): MinuteTally[] {
  const since = now - DIAGNOSIS_WINDOW_MS;
  const byKey = new Map<string, MinuteTally>();
  let start = records.length;
  while (start > 0 && records[start - 1]!.time >= since) start--;
  for (let i = start; i < records.length; i++) {
    const r = records[i]!;
    const minute = Math.floor(r.time / 60_000);
    const key = `${r.tabId} ${minute}`;
    let tally = byKey.get(key);
    if (!tally) byKey.set(key, (tally = { tab: r.tabId, minute, ...emptyTally() }));
    tallyRecord(tally, r);
  }
  return [...byKey.values()];
}

/**
 * The window ending at `now`, from per-minute tallies: every minute that overlaps it counts, so
 * up to a minute of older failures may count too (the popup's first frame; the full log follows).
 */
export function tallyFromMinutes(minutes: readonly MinuteTally[], now: number, tabId?: number | null): WindowTally {
  const since = now - DIAGNOSIS_WINDOW_MS;
  const tally = emptyTally();
  for (const m of minutes) {
    if ((m.minute + 1) * 60_000 <= since) continue;
    if (typeof tabId === 'number' && m.tab !== tabId) continue;
    mergeTally(tally, m);
  }
  return tally;
}
