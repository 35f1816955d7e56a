/**
 * The support report's JSON form: what core/report.ts builds and core/report-markdown.ts renders,
 * in a file of its own so neither of the two imports the other's types.
 */
/** Turns an i18n key into text; the page passes the real `t`, tests a fake. Keeps this file pure. */
export type Translate = (key: string, subs?: readonly string[]) => string;

export interface ReportEnvironment {
  browser: string;
  browserVersion: string;
  os: string;
  extensionVersion: string;
}

export interface ReportFailure {
  time: string;
  status: number | null;
  error: string | null;
  method: string;
  host: string;
  path: string;
  meaning: string;
  telemetry: boolean;
  requestIds: { cfRay: string | null; xRequestId: string | null; oaiRequestId: string | null };
  retryAfterSec: number | null;
}

export interface ReportCause {
  id: string;
  confidence: number;
  side: string;
  title: string;
  fix: string;
  evidence: string[];
}

export interface ReportJson {
  schema: 'error-doctor-report/1';
  generatedAt: string;
  window: { from: string; to: string };
  environment: ReportEnvironment;
  diagnosis: { verdict: ReportCause; others: ReportCause[] };
  statusPage:
    | { state: 'known'; checkedAt: string; indicator: string; description: string; incidents: string[]; components: string[] }
    | { state: 'unknown'; checkedAt: string; reason: string }
    | null;
  failures: ReportFailure[];
  /** How many failures the window held beyond the ones listed. */
  failuresOmitted: number;
  conflicts: Array<{ name: string; version: string; kind: string; enabled: boolean }>;
  steps: Array<{ step: string; outcome: string; check: string | null }>;
  masking: { conversationIds: 'masked' | 'kept' };
}
