import type { ConflictEntry } from './conflict-entry';
import type { StatusSnapshot } from './status';
import type { TroubleshooterState } from './troubleshooter-state';
import { diagnose, type Cause } from './diagnosis';
import type { ErrorRecord } from './error-record';
import { utcTime } from './format';
import { reportRedact, reportRequestId, type ReportRedactOptions } from './report-redact';
import type { ReportCause, ReportEnvironment, ReportFailure, ReportJson, Translate } from './report-json';
import { renderReportMarkdown } from './report-markdown';
import { triedSteps } from './troubleshooter';

export interface ReportInput {
  now: number;
  /** The whole log; the report takes the window it covers. */
  records: readonly ErrorRecord[];
  tabId: number | null;
  status: StatusSnapshot | null;
  conflicts: readonly ConflictEntry[] | null;
  troubleshooter: TroubleshooterState | null;
  environment: ReportEnvironment;
  keepConversationIds: boolean;
  t: Translate;
}

export const REPORT_WINDOW_MS = 60 * 60_000;
/** When nothing failed in the last hour, look back a day before saying "no failures". */
const FALLBACK_WINDOW_MS = 24 * 60 * 60_000;
export const REPORT_MAX_FAILURES = 100;

export interface SupportReport {
  json: ReportJson;
  markdown: string;
}

function causeOut(c: Cause, t: Translate, r: (s: string) => string): ReportCause {
  return {
    id: c.id,
    confidence: c.confidence,
    side: c.side,
    title: r(t(c.titleKey)),
    fix: r(t(c.fixKey)),
    evidence: c.evidence.map((e) => r(t(e.key, e.subs))),
  };
}

function statusOut(status: StatusSnapshot | null, r: (s: string) => string): ReportJson['statusPage'] {
  if (!status) return null;
  if (status.state === 'unknown') return { state: 'unknown', checkedAt: utcTime(status.checkedAt), reason: r(`${status.reason}: ${status.detail}`) };
  return {
    state: 'known',
    checkedAt: utcTime(status.checkedAt),
    indicator: status.indicator,
    description: r(status.description),
    incidents: status.incidents.map((i) => r(`${i.name} (${i.status}, ${i.impact})`)),
    components: status.components.filter((c) => c.status !== 'operational').map((c) => r(`${c.name}: ${c.status}`)),
  };
}

function failureOut(rec: ErrorRecord, t: Translate, r: (s: string) => string): ReportFailure {
  const id = (value: string | null) => (value === null ? null : reportRequestId(value));
  return {
    time: utcTime(rec.time),
    status: rec.status,
    error: rec.error === null ? null : r(rec.error),
    method: r(rec.method),
    host: r(rec.host),
    path: r(rec.path),
    meaning: r(t(rec.meaning)),
    telemetry: rec.telemetry,
    requestIds: { cfRay: id(rec.ids.cfRay), xRequestId: id(rec.ids.xRequestId), oaiRequestId: id(rec.ids.oaiRequestId) },
    retryAfterSec: rec.retryAfterSec,
  };
}

function pickWindow(input: ReportInput): { from: number; records: ErrorRecord[] } {
  const mine = input.records.filter((rec) => input.tabId === null || rec.tabId === input.tabId);
  for (const span of [REPORT_WINDOW_MS, FALLBACK_WINDOW_MS]) {
    const from = input.now - span;
    const inWindow = mine.filter((rec) => rec.time >= from);
    if (inWindow.length || span === FALLBACK_WINDOW_MS) return { from, records: inWindow };
  }
  return { from: input.now - REPORT_WINDOW_MS, records: [] };
}

/**
 * Builds the support report as JSON (for attaching) and Markdown (for pasting). Every string
 * from outside passes through `reportRedact`; request ids are kept because support needs them.
 */
export function buildReport(input: ReportInput): SupportReport {
  const options: ReportRedactOptions = { keepConversationIds: input.keepConversationIds };
  const r = (s: string) => reportRedact(s, options);
  const { from, records } = pickWindow(input);
  const diagnosis = diagnose({ records: input.records, now: input.now, status: input.status, conflicts: input.conflicts, tabId: input.tabId });
  const newest = records.slice(-REPORT_MAX_FAILURES).reverse();
  const env = input.environment;
  const json: ReportJson = {
    schema: 'error-doctor-report/1',
    generatedAt: utcTime(input.now),
    window: { from: utcTime(from), to: utcTime(input.now) },
    environment: { browser: r(env.browser), browserVersion: r(env.browserVersion), os: r(env.os), extensionVersion: r(env.extensionVersion) },
    diagnosis: {
      verdict: causeOut(diagnosis.verdict, input.t, r),
      others: diagnosis.causes.slice(1).map((c) => causeOut(c, input.t, r)),
    },
    statusPage: statusOut(input.status, r),
    failures: newest.map((rec) => failureOut(rec, input.t, r)),
    failuresOmitted: records.length - newest.length,
    // Score 0: nothing about the extension points at ChatGPT, so naming it would only be noise.
    conflicts: (input.conflicts ?? []).filter((c) => c.score > 0).map((c) => ({ name: r(c.name), version: r(c.version), kind: c.kind, enabled: c.enabled })),
    steps: triedSteps(input.troubleshooter).map((s) => ({
      step: r(input.t(s.titleKey)),
      outcome: s.outcome,
      check: s.check ? r(input.t(s.check.key, s.check.subs)) : null,
    })),
    masking: { conversationIds: input.keepConversationIds ? 'kept' : 'masked' },
  };
  return { json, markdown: renderReportMarkdown(json, input.t) };
}
