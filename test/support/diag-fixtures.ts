import type { ConflictEntry } from '../../src/core/conflict-entry';
import type { StatusComponent, StatusIncident, StatusSnapshot } from '../../src/core/status';
import { buildRecord, type ErrorRecord } from '../../src/core/error-record';

/** Fixed "now" for the diagnosis, troubleshooter and report tests. */
export const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);

let seq = 0;

export interface FailureSpec {
  path?: string;
  host?: string;
  status?: number;
  error?: string;
  agoSec?: number;
  tabId?: number;
  method?: string;
  /** webRequest's resource type; `main_frame` is the page itself. */
  type?: string;
  headers?: Array<{ name: string; value: string }>;
}

/** A record built the way the recorder builds it, so the diagnosis sees realistic data. */
export function failure(spec: FailureSpec = {}): ErrorRecord {
  seq++;
  const headers = spec.headers ?? [
    { name: 'cf-ray', value: `8f1e2d3c4b5a${String(6000 + seq).padStart(4, '0')}-SJC` },
    { name: 'x-request-id', value: `0b7f4c52-7a8e-4a43-9a55-${String(seq).padStart(12, '0')}` },
    { name: 'content-type', value: 'application/json' },
  ];
  const record = buildRecord({
    requestId: String(seq),
    url: `https://${spec.host ?? 'chatgpt.com'}${spec.path ?? '/backend-api/f/conversation'}`,
    method: spec.method ?? 'POST',
    tabId: spec.tabId ?? 7,
    type: spec.type ?? 'xmlhttprequest',
    timeStamp: NOW - (spec.agoSec ?? 30) * 1000,
    statusCode: spec.error ? undefined : (spec.status ?? 500),
    error: spec.error,
    responseHeaders: spec.error ? undefined : headers,
  });
  if (!record) throw new Error(`not a failure: ${JSON.stringify(spec)}`);
  return record;
}

export function many(n: number, spec: FailureSpec | ((i: number) => FailureSpec)): ErrorRecord[] {
  return Array.from({ length: n }, (_, i) => failure(typeof spec === 'function' ? spec(i) : spec));
}

export function knownStatus(
  indicator: 'none' | 'minor' | 'major' | 'critical',
  extra: { agoMin?: number; checkedAt?: number; components?: StatusComponent[]; incident?: string } = {},
): StatusSnapshot {
  return {
    state: 'known',
    checkedAt: extra.checkedAt ?? NOW - (extra.agoMin ?? 1) * 60_000,
    indicator,
    description: indicator === 'none' ? 'All Systems Operational' : indicator === 'minor' ? 'Partially Degraded Service' : 'Major Service Outage',
    components: extra.components ?? [{ id: 'c1', name: 'Conversations', status: 'operational' }],
    incidents: extra.incident ? [incident({ name: extra.incident, impact: indicator, startedAt: NOW - 600_000, updatedAt: NOW - 60_000 })] : [],
    maintenances: [],
    pageUrl: 'https://status.openai.com/',
  };
}

/** An incident as the status page lists it; `over` sets what a test is about. */
export function incident(over: Partial<StatusIncident> = {}): StatusIncident {
  return {
    id: 'i1',
    name: 'Elevated errors',
    status: 'investigating',
    impact: 'minor',
    url: null,
    startedAt: null,
    updatedAt: null,
    latestUpdate: null,
    componentIds: [],
    ...over,
  };
}

export const unknownStatus: StatusSnapshot = { state: 'unknown', checkedAt: NOW - 60_000, reason: 'timeout', detail: 'timed out after 10 s' };

export function conflict(name: string, kind: ConflictEntry['kind'], enabled = true): ConflictEntry {
  return { id: name.toLowerCase().replace(/\W+/g, ''), name, version: '1.0', score: 0.9, kind, reasons: [], enabled, canDisable: true, manageUrl: null };
}
