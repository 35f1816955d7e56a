import type { ErrorRecord } from '../../src/core/error-record';
import { SHAPES as ALL_SHAPES, type Shape } from '../fixtures/records';

/** The fixed set, in this order (tests count on `i % 7`): from the generator's one list of shapes. */
const SHAPES: readonly Shape[] = (
  [
    ['meaning_500', '/backend-api/f/conversation'],
    ['meaning_502', '/backend-api/conversations'],
    ['meaning_503', '/backend-api/f/conversation'],
    ['meaning_429', '/backend-api/sentinel/chat-requirements'],
    ['meaning_401', '/api/auth/session'],
    ['meaning_blocked', '/ces/v1/t'],
    ['meaning_reset', '/backend-api/f/conversation/resume'],
  ] as const
).map(([meaning, path]) => ALL_SHAPES.find((s) => s.meaning === meaning && s.path === path)!);

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
