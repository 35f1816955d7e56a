import type { Category } from '../../src/core/categories';
import type { ErrorRecord } from '../../src/core/error-record';

const SHAPES: ReadonlyArray<{ status: number | null; error: string | null; category: Category; meaning: string; path: string; method: string }> = [
  { status: 500, error: null, category: 'server', meaning: 'meaning_500', path: '/backend-api/f/conversation', method: 'POST' },
  { status: 502, error: null, category: 'gateway', meaning: 'meaning_502', path: '/backend-api/conversations', method: 'GET' },
  { status: 503, error: null, category: 'overload', meaning: 'meaning_503', path: '/backend-api/f/conversation', method: 'POST' },
  { status: 429, error: null, category: 'rate-limit', meaning: 'meaning_429', path: '/backend-api/sentinel/chat-requirements', method: 'POST' },
  { status: 401, error: null, category: 'session', meaning: 'meaning_401', path: '/api/auth/session', method: 'GET' },
  { status: null, error: 'net::ERR_BLOCKED_BY_CLIENT', category: 'blocked', meaning: 'meaning_blocked', path: '/ces/v1/t', method: 'POST' },
  {
    status: null,
    error: 'net::ERR_CONNECTION_RESET',
    category: 'connection',
    meaning: 'meaning_reset',
    path: '/backend-api/f/conversation/resume',
    method: 'POST',
  },
];

/** A realistic record; `i` varies the shape, ids and time deterministically. */
export function makeRecord(i: number, overrides: Partial<ErrorRecord> = {}): ErrorRecord {
  const shape = SHAPES[i % SHAPES.length]!;
  const time = overrides.time ?? Date.UTC(2026, 10, 25, 10, 0, 0) + i * 1000;
  return {
    id: `${1000 + i}@${time}`,
    time,
    tabId: 7,
    type: 'xmlhttprequest',
    method: shape.method,
    host: 'chatgpt.com',
    path: shape.path,
    status: shape.status,
    statusLine: shape.status ? `HTTP/1.1 ${shape.status}` : null,
    error: shape.error,
    category: shape.category,
    meaning: shape.meaning,
    telemetry: shape.path.startsWith('/ces/'),
    durationMs: 100 + (i % 900),
    ids: {
      cfRay: shape.status ? `${(0x8f1e2d3c4b5a0000 + i).toString(16).slice(-16)}-SJC` : null,
      xRequestId: shape.status ? `0b7f4c52-7a8e-4a43-9a55-${String(i).padStart(12, '0')}` : null,
      oaiRequestId: null,
    },
    retryAfter: shape.status === 429 ? '30' : null,
    retryAfterSec: shape.status === 429 ? 30 : null,
    server: shape.status ? 'cloudflare' : null,
    contentType: shape.status ? 'application/json' : null,
    htmlOnApi: false,
    ...overrides,
  };
}

export function makeRecords(count: number, start = 0, overrides: Partial<ErrorRecord> = {}): ErrorRecord[] {
  return Array.from({ length: count }, (_, k) => makeRecord(start + k, overrides));
}
