import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConflictEntry } from '../../src/core/conflict-entry';
import type { StatusSnapshot } from '../../src/core/status';
import { CAUSE_IDS, diagnose, type CauseId, type CauseSide } from '../../src/core/diagnosis';
import type { ErrorRecord } from '../../src/core/error-record';
import { NOW, conflict, failure, knownStatus, many, unknownStatus } from '../support/diag-fixtures';

interface Scenario {
  name: string;
  records: ErrorRecord[];
  status?: StatusSnapshot | null;
  conflicts?: ConflictEntry[] | null;
  tabId?: number | null;
  verdict: CauseId;
  side?: CauseSide;
  /** Causes that must also be listed, below the verdict. */
  also?: CauseId[];
  /** Causes that must not be listed at all. */
  not?: CauseId[];
  retryAfterSec?: number | null;
}

const ok = knownStatus('none');
const major = knownStatus('major', { incident: 'Elevated errors on ChatGPT', components: [{ id: 'c1', name: 'Conversations', status: 'major_outage' }] });
const paths = ['/backend-api/f/conversation', '/backend-api/conversations', '/backend-api/models', '/api/auth/session', '/backend-api/me'];

const scenarios: Scenario[] = [
  { name: 'nothing failed, status operational', records: [], status: ok, verdict: 'all-clear', side: 'none', not: ['openai-incident'] },
  { name: 'nothing failed, status never checked', records: [], status: null, verdict: 'all-clear' },
  { name: 'nothing failed, status unknown', records: [], status: unknownStatus, verdict: 'all-clear' },
  { name: 'nothing failed here but a major outage is reported', records: [], status: major, verdict: 'openai-incident', also: ['all-clear'] },
  {
    name: 'nothing failed, minor incident reported',
    records: [],
    status: knownStatus('minor', { incident: 'Slow file uploads' }),
    verdict: 'all-clear',
    also: ['openai-incident'],
  },
  { name: 'old failures outside the 15-minute window are ignored', records: many(5, { agoSec: 20 * 60 }), status: ok, verdict: 'all-clear' },
  {
    name: 'only telemetry failed',
    records: many(4, { path: '/ces/v1/t', status: 503 }),
    status: ok,
    verdict: 'telemetry-only',
    side: 'none',
    not: ['overload'],
  },
  {
    name: 'telemetry blocked by a blocker is still harmless',
    records: many(3, { path: '/ces/v1/p', error: 'net::ERR_BLOCKED_BY_CLIENT' }),
    conflicts: [conflict('uBlock Origin', 'blocker')],
    status: ok,
    verdict: 'telemetry-only',
    not: ['blocked-by-extension'],
  },
  {
    name: 'major outage and 500s everywhere',
    records: many(6, (i) => ({ path: paths[i % 5], status: 500 })),
    status: major,
    verdict: 'openai-incident',
    side: 'openai',
  },
  {
    name: 'critical outage, 502s and 503s',
    records: [...many(2, { status: 502 }), ...many(2, { status: 503, path: '/backend-api/models' })],
    status: knownStatus('critical'),
    verdict: 'openai-incident',
  },
  {
    name: 'major outage reported, but the failures are ERR_BLOCKED_BY_CLIENT',
    records: many(5, (i) => ({ path: paths[i], error: 'net::ERR_BLOCKED_BY_CLIENT' })),
    status: major,
    conflicts: [conflict('uBlock Origin', 'blocker')],
    verdict: 'blocked-by-extension',
    side: 'user',
    also: ['openai-incident'],
  },
  {
    name: 'operational status, 500s on one endpoint only',
    records: many(4, { status: 500 }),
    status: ok,
    verdict: 'one-endpoint',
    also: ['local-only', 'openai-incident'],
  },
  {
    name: 'operational status, 500s on many endpoints: local',
    records: many(5, (i) => ({ path: paths[i], status: 500 })),
    status: ok,
    verdict: 'local-only',
    side: 'user',
    also: ['openai-incident'],
  },
  {
    name: 'unknown status, 500s on many endpoints: likely OpenAI',
    records: many(5, (i) => ({ path: paths[i], status: 500 })),
    status: unknownStatus,
    verdict: 'openai-incident',
    not: ['local-only'],
  },
  {
    name: 'stale operational status does not clear OpenAI',
    records: many(5, (i) => ({ path: paths[i], status: 500 })),
    status: knownStatus('none', { agoMin: 90 }),
    verdict: 'openai-incident',
    not: ['local-only'],
  },
  {
    name: 'stale major outage weighs less than fresh evidence of a blocker',
    records: many(3, { error: 'net::ERR_BLOCKED_BY_CLIENT' }),
    status: knownStatus('major', { agoMin: 120 }),
    verdict: 'blocked-by-extension',
  },
  {
    name: 'a major-outage component lifts an indicator of none',
    records: many(3, (i) => ({ path: paths[i], status: 500 })),
    status: knownStatus('none', { components: [{ id: 'c1', name: 'Conversations', status: 'major_outage' }] }),
    verdict: 'openai-incident',
  },
  {
    name: 'maintenance in progress with 503s: OpenAI side, not this browser',
    records: many(3, (i) => ({ path: paths[i], status: 503 })),
    status: {
      ...ok,
      maintenances: [
        {
          id: 'm',
          name: 'Database upgrade',
          status: 'in_progress',
          impact: 'maintenance',
          url: null,
          startedAt: NOW - 600_000,
          updatedAt: null,
          latestUpdate: null,
          componentIds: [],
        },
      ],
    } as StatusSnapshot,
    verdict: 'overload',
    side: 'openai',
    also: ['openai-incident'],
    not: ['local-only'],
  },
  {
    name: 'scheduled (future) maintenance changes nothing',
    records: [],
    status: {
      ...ok,
      maintenances: [
        {
          id: 'm',
          name: 'Later upgrade',
          status: 'scheduled',
          impact: 'maintenance',
          url: null,
          startedAt: NOW + 3600_000,
          updatedAt: null,
          latestUpdate: null,
          componentIds: [],
        },
      ],
    } as StatusSnapshot,
    verdict: 'all-clear',
    not: ['openai-incident'],
  },
  { name: '503 overload', records: many(3, { status: 503 }), status: ok, verdict: 'overload', side: 'openai' },
  {
    name: '429 with retry-after 120 s, 30 s ago: 90 s left',
    records: [failure({ status: 429, agoSec: 30, headers: [{ name: 'retry-after', value: '120' }] })],
    status: ok,
    verdict: 'overload',
    side: 'either',
    retryAfterSec: 90,
  },
  {
    name: 'retry-after already passed: try again now',
    records: [failure({ status: 429, agoSec: 300, headers: [{ name: 'retry-after', value: '60' }] })],
    status: ok,
    verdict: 'overload',
    retryAfterSec: 0,
  },
  { name: '429 without retry-after', records: many(2, { status: 429 }), status: ok, verdict: 'overload', retryAfterSec: null },
  { name: '502 gateway', records: many(3, { status: 502 }), status: ok, verdict: 'gateway', side: 'openai' },
  {
    name: '504 and 524 timeouts',
    records: [failure({ status: 504 }), failure({ status: 524, path: '/backend-api/models' })],
    status: unknownStatus,
    verdict: 'gateway',
  },
  {
    name: 'Cloudflare challenge page on an API path',
    records: many(2, {
      status: 403,
      headers: [
        { name: 'content-type', value: 'text/html' },
        { name: 'cf-ray', value: '8f1e2d3c4b5a6978-SJC' },
      ],
    }),
    status: ok,
    verdict: 'cloudflare-page',
    side: 'user',
  },
  { name: '401 session expired', records: many(2, { status: 401, path: '/api/auth/session' }), status: ok, verdict: 'session-expired', side: 'user' },
  { name: '403 JSON refusal on many endpoints', records: many(3, (i) => ({ path: paths[i], status: 403 })), status: ok, verdict: 'session-expired' },
  {
    name: 'blocked without a known blocker',
    records: many(2, { error: 'net::ERR_BLOCKED_BY_CLIENT' }),
    status: ok,
    conflicts: [],
    verdict: 'blocked-by-extension',
  },
  { name: 'Firefox content blocking', records: many(2, { error: 'NS_ERROR_CONTENT_BLOCKED' }), status: null, verdict: 'blocked-by-extension' },
  { name: 'proxy errors', records: many(2, { error: 'net::ERR_PROXY_CONNECTION_FAILED' }), status: ok, verdict: 'proxy-vpn', side: 'user' },
  {
    name: 'TLS errors point to interception',
    records: many(2, { error: 'net::ERR_CERT_AUTHORITY_INVALID' }),
    status: ok,
    verdict: 'proxy-vpn',
    not: ['offline-dns'],
  },
  {
    name: 'connection resets with a VPN extension installed',
    records: many(3, { error: 'net::ERR_CONNECTION_RESET' }),
    conflicts: [conflict('Hola VPN', 'vpn')],
    status: unknownStatus,
    verdict: 'proxy-vpn',
    also: ['offline-dns'],
  },
  {
    name: 'connection resets without a VPN',
    records: many(3, { error: 'net::ERR_CONNECTION_RESET' }),
    conflicts: [],
    status: unknownStatus,
    verdict: 'offline-dns',
    not: ['proxy-vpn'],
  },
  { name: 'DNS failure', records: many(2, { error: 'net::ERR_NAME_NOT_RESOLVED' }), status: unknownStatus, verdict: 'offline-dns', side: 'user' },
  {
    name: 'offline during a reported outage: still offline',
    records: many(4, (i) => ({ path: paths[i], error: 'net::ERR_INTERNET_DISCONNECTED' })),
    status: major,
    verdict: 'offline-dns',
    also: ['openai-incident'],
  },
  {
    name: 'an installed blocker is a weak lead when 500s happen',
    records: many(3, (i) => ({ path: paths[i], status: 500 })),
    conflicts: [conflict('AdGuard', 'blocker')],
    status: ok,
    verdict: 'local-only',
    also: ['blocked-by-extension'],
  },
  {
    name: 'a disabled blocker is no lead',
    records: many(3, (i) => ({ path: paths[i], status: 500 })),
    conflicts: [conflict('AdGuard', 'blocker', false)],
    status: ok,
    verdict: 'local-only',
    not: ['blocked-by-extension'],
  },
  {
    name: 'mixed: mostly 500s, one blocked request, outage reported',
    records: [...many(5, (i) => ({ path: paths[i], status: 500 })), failure({ error: 'net::ERR_BLOCKED_BY_CLIENT' })],
    status: major,
    verdict: 'openai-incident',
    also: ['blocked-by-extension'],
  },
  { name: 'a single 500 with no status: weak guess', records: [failure({ status: 500 })], status: null, verdict: 'openai-incident' },
  { name: 'only another tab failed: all clear for this tab', records: many(3, { status: 500, tabId: 99 }), status: ok, tabId: 7, verdict: 'all-clear' },
  {
    name: 'tab filter keeps this tab’s failures',
    records: [...many(3, { status: 401, tabId: 7 }), ...many(5, { status: 500, tabId: 99 })],
    status: ok,
    tabId: 7,
    verdict: 'session-expired',
  },
  {
    name: 'mixed evidence, close on opposite sides: could be either side',
    records: [...many(2, (i) => ({ path: paths[i], status: 503 })), ...many(3, (i) => ({ path: paths[i + 2], status: 500 }))],
    status: ok,
    verdict: 'mixed',
    side: 'either',
    also: ['overload', 'local-only'],
  },
  {
    name: 'no tab filter counts every tab',
    records: [...many(1, { status: 401, tabId: 7 }), ...many(5, (i) => ({ path: paths[i], status: 500, tabId: 99 }))],
    status: ok,
    tabId: null,
    verdict: 'local-only',
  },
];

describe('diagnose', () => {
  it.each(scenarios)('$name → $verdict', (s) => {
    const d = diagnose({ records: s.records, now: NOW, status: s.status === undefined ? null : s.status, conflicts: s.conflicts ?? null, tabId: s.tabId });
    const ids = d.causes.map((c) => c.id);
    expect(d.verdict.id, JSON.stringify(d.causes.map((c) => [c.id, c.confidence]))).toBe(s.verdict);
    expect(d.causes[0]).toBe(d.verdict);
    if (s.side) expect(d.verdict.side).toBe(s.side);
    for (const id of s.also ?? []) expect(ids).toContain(id);
    for (const id of s.not ?? []) expect(ids).not.toContain(id);
    if (s.retryAfterSec !== undefined) expect(d.verdict.retryAfterSec).toBe(s.retryAfterSec);
    // Ranked best first, every confidence in range, every cause with evidence and keys.
    for (let i = 1; i < d.causes.length; i++) expect(d.causes[i - 1]!.confidence).toBeGreaterThanOrEqual(d.causes[i]!.confidence);
    for (const c of d.causes) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.evidence.length).toBeGreaterThan(0);
      expect(c.titleKey).toMatch(/^diag_\w+_title$/);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('cites the blocker by name and the status page in the evidence', () => {
    const d = diagnose({
      records: many(2, { error: 'net::ERR_BLOCKED_BY_CLIENT' }),
      now: NOW,
      status: major,
      conflicts: [conflict('uBlock Origin', 'blocker')],
    });
    expect(d.verdict.evidence).toContainEqual({ key: 'diag_ev_blocker_installed', subs: ['uBlock Origin'] });
    const incident = d.causes.find((c) => c.id === 'openai-incident')!;
    expect(incident.evidence).toContainEqual({ key: 'diag_ev_incident', subs: ['Elevated errors on ChatGPT'] });
    expect(incident.evidence).toContainEqual({ key: 'diag_ev_not_server_side' });
  });

  it('names the one failing endpoint with ids masked', () => {
    const records = many(3, (i) => ({ path: `/backend-api/conversation/0b7f4c52-7a8e-4a43-9a55-00000000000${i}`, status: 500 }));
    const d = diagnose({ records, now: NOW, status: ok, conflicts: null });
    expect(d.verdict.id).toBe('one-endpoint');
    expect(d.verdict.evidence[0]).toEqual({ key: 'diag_ev_one_endpoint_other', subs: ['chatgpt.com/backend-api/conversation/[id]', '3'] });
  });

  it('says "unknown" rather than guess when the evidence is thin', () => {
    // A lone 500 with operational status on a fresh check: every lead is weak.
    const d = diagnose({ records: [failure({ status: 500 })], now: NOW, status: ok, conflicts: null });
    expect(d.verdict).toMatchObject({ id: 'unknown', side: 'either', confidence: 0.35 });
    expect(d.causes.map((c) => c.id)).toEqual(['unknown', 'local-only', 'one-endpoint', 'openai-incident']);
  });

  it('never crashes on odd input: empty, huge, future times, odd statuses', () => {
    expect(diagnose({ records: [], now: NaN, status: null, conflicts: null }).verdict.id).toBe('all-clear');
    const future = many(2, { status: 500, agoSec: -3600 });
    // Clock changes: records "from the future" still count as recent rather than vanish.
    expect(diagnose({ records: future, now: NOW, status: null, conflicts: null }).verdict.id).toBe('one-endpoint');
    const huge = many(5000, (i) => ({ path: `/backend-api/x${i % 300}`, status: [500, 502, 429, 401][i % 4]! }));
    const started = performance.now();
    const d = diagnose({ records: huge, now: NOW, status: knownStatus('minor'), conflicts: [conflict('x', 'other')] });
    expect(performance.now() - started).toBeLessThan(500);
    expect(CAUSE_IDS).toContain(d.verdict.id);
  });
});

describe('diagnosis messages', () => {
  const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;

  it('every cause has a title, detail, fix and side sentence', () => {
    for (const id of CAUSE_IDS) {
      const stem = `diag_${id.replace(/-/g, '_')}`;
      for (const suffix of ['_title', '_detail', '_fix']) expect(messages, stem + suffix).toHaveProperty(stem + suffix);
    }
    for (const side of ['openai', 'user', 'either', 'none']) expect(messages).toHaveProperty(`diag_side_${side}`);
  });

  it('every evidence key the diagnosis can emit exists', () => {
    const source = readFileSync('src/core/diagnosis.ts', 'utf8');
    const keys = [...source.matchAll(/'(diag_ev_\w+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(key in messages || `${key}_other` in messages, key).toBe(true);
  });

  it('never names one side while a cause on the other side is about as likely', () => {
    for (const s of scenarios) {
      const d = diagnose({ records: s.records, now: NOW, status: s.status === undefined ? null : s.status, conflicts: s.conflicts ?? null, tabId: s.tabId });
      if (d.verdict.side !== 'openai' && d.verdict.side !== 'user') continue;
      const rival = d.causes.find((c) => c !== d.verdict && c.side !== d.verdict.side && (c.side === 'openai' || c.side === 'user') && c.confidence >= 0.35);
      expect(rival && d.verdict.confidence - rival.confidence <= 0.1, `${s.name}: ${d.verdict.id} vs ${rival?.id}`).toBeFalsy();
    }
  });

  it('says "outage" only when the status page reports one', () => {
    const serverErrors = many(5, (i) => ({ path: paths[i], status: 500 }));
    const unconfirmed = diagnose({ records: serverErrors, now: NOW, status: unknownStatus, conflicts: null });
    expect(unconfirmed.verdict.id).toBe('openai-incident');
    expect(unconfirmed.verdict.titleKey).toBe('diag_openai_failing_title');
    expect(unconfirmed.outageReported).toBe(false);
    const reported = diagnose({ records: serverErrors, now: NOW, status: major, conflicts: null });
    expect(reported.verdict.titleKey).toBe('diag_openai_incident_title');
    expect(reported.outageReported).toBe(true);
  });
});
