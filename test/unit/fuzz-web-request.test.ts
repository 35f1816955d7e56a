import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorRecordShape } from '../../src/contract/record-schema';
import { createRecorder } from '../../src/background/recorder';
import { checked as check } from '../../src/contract/stored-key';
import { buildRecord, type ErrorRecord, type RequestEvent } from '../../src/core/error-record';

/**
 * Fuzzing the recorder's input: webRequest details exactly as odd as a browser (or a bug in
 * one) could hand them over. No exception escapes, every record built is storable (it validates
 * after a JSON round trip, as storage does it), and nothing secret planted in the input reaches a
 * record. Run counts are stated so the closing note can cite them.
 */
export const RUNS = { details: 3000, secrets: 2000, recorder: 500 } as const;
const TIMEOUT = 120_000;

const SECRET = 'ZqSECRET';
const hosts = fc.constantFrom(
  'chatgpt.com',
  'ab.chatgpt.com',
  'ws.chatgpt.com',
  'chat.openai.com',
  'cdn.oaistatic.com',
  'files.oaiusercontent.com',
  'CHATGPT.COM',
  'chatgpt.com.',
  'xn--chatgpt-9za.com',
  '[::1]',
  '127.0.0.1',
  'evil-chatgpt.com',
  'chatgpt.com.evil.test',
  'browser-intake-datadoghq.com',
  'status.openai.com',
  'example.com',
);
const paths = fc.oneof(
  fc.constantFrom(
    '/backend-api/f/conversation',
    '/backend-api/conversations',
    '/api/auth/session',
    '/ces/v1/t',
    '/',
    '/c/6745-abcd',
    '/backend-api/files/file-Zq8fK2mN9pQ',
    `/backend-api/user/${SECRET}@example.com`,
    `/backend-api/sk-proj-${SECRET}abcdefgh12345678`,
  ),
  fc.webPath(),
  fc.string({ maxLength: 200 }).map((s) => `/${encodeURIComponent(s)}`),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constant(`?token=${SECRET}&email=${SECRET}%40x.com`),
  fc.webQueryParameters().map((q) => `?${q}`),
);
const url = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'wss://', 'HTTPS://'),
      hosts,
      fc.constantFrom('', ':443', ':8443'),
      paths,
      query,
      fc.constantFrom('', '#frag'),
    )
    .map((parts) => parts.join('')),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 300 }),
  fc.constant(`https://chatgpt.com/backend-api/${'a'.repeat(8200)}`),
  fc.anything(),
);
const headerName = fc.oneof(
  fc.constantFrom(
    'cf-ray',
    'CF-RAY',
    'x-request-id',
    'x-oai-request-id',
    'retry-after',
    'Retry-After',
    'server',
    'content-type',
    'set-cookie',
    'cookie',
    'authorization',
    'x-unknown',
  ),
  fc.string({ maxLength: 40 }),
  fc.anything(),
);
const headerValue = fc.oneof(
  fc.constantFrom(
    'text/html; charset=utf-8',
    'application/json',
    '30',
    '-5',
    '1e9',
    'Wed, 21 Oct 2015 07:28:00 GMT',
    'soon',
    '',
    ' ',
    '\u0000\u001f',
    `session=${SECRET}`,
    `Bearer ${SECRET}`,
  ),
  fc.string({ maxLength: 400 }),
  fc.anything(),
);
const headers = fc.oneof(
  fc.array(fc.record({ name: headerName, value: headerValue }, { requiredKeys: [] }), { maxLength: 30 }),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.anything(),
);
const status = fc.oneof(
  fc.integer({ min: 100, max: 599 }),
  fc.constantFrom(0, -1, 200, 204, 304, 401, 403, 429, 500, 502, 503, 504, 520, 530, 999, Number.NaN, Infinity, 1.5),
  fc.anything(),
);
const netError = fc.oneof(
  fc.constantFrom(
    'net::ERR_BLOCKED_BY_CLIENT',
    'net::ERR_ABORTED',
    'net::ERR_PROXY_CONNECTION_FAILED',
    'net::ERR_TUNNEL_CONNECTION_FAILED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_INTERNET_DISCONNECTED',
    'net::ERR_CONNECTION_RESET',
    'net::ERR_TIMED_OUT',
    'NS_ERROR_NET_RESET',
    'NS_ERROR_ABORT',
    '',
  ),
  fc.string({ maxLength: 100 }),
);

/** Details as loose as `unknown`: the listener must survive any of them. */
const details = fc.record(
  {
    requestId: fc.oneof(fc.stringMatching(/^\d{1,9}$/), fc.string({ maxLength: 100 }), fc.anything()),
    url,
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'get', 'OPTIONS', ''), fc.string({ maxLength: 200 }), fc.anything()),
    tabId: fc.oneof(fc.integer({ min: -1, max: 2 ** 31 }), fc.constantFrom(Number.NaN, 1.5), fc.anything()),
    type: fc.oneof(fc.constantFrom('xmlhttprequest', 'main_frame', 'websocket', 'other', 'ping'), fc.string({ maxLength: 200 }), fc.anything()),
    timeStamp: fc.oneof(fc.double(), fc.integer({ min: 0, max: 2 ** 53 }), fc.anything()),
    statusCode: status,
    statusLine: fc.oneof(fc.constantFrom('HTTP/1.1 500 Internal Server Error', 'HTTP/2 503', ''), fc.string({ maxLength: 300 }), fc.anything()),
    error: fc.oneof(netError, fc.anything()),
    responseHeaders: headers,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RequestEvent>;

function storable(record: ErrorRecord): boolean {
  return check(ErrorRecordShape, JSON.parse(JSON.stringify(record))) !== undefined;
}

describe('fuzz: webRequest details into buildRecord', () => {
  it(
    'never throws; every record is storable and bounded',
    () => {
      fc.assert(
        fc.property(details, fc.option(fc.oneof(fc.double(), fc.anything())), (event, startedAt) => {
          const record = buildRecord(event, startedAt as number | undefined);
          if (!record) return;
          expect(storable(record)).toBe(true);
          expect(record.durationMs === null || record.durationMs >= 0).toBe(true);
          expect(JSON.stringify(record).length).toBeLessThan(12_000);
        }),
        { numRuns: RUNS.details },
      );
    },
    TIMEOUT,
  );

  it(
    'never stores a planted secret from the query, the path, cookies or authorization',
    () => {
      const watched = fc.tuple(fc.constantFrom('chatgpt.com', 'cdn.oaistatic.com', 'x.oaiusercontent.com'), paths, query);
      // Request-id and server headers are kept verbatim on purpose (support asks for them); the
      // secrets a browser hands over live in these.
      const secretHeaders = fc.array(
        fc.record({
          name: fc.constantFrom('set-cookie', 'Set-Cookie', 'cookie', 'authorization', 'Authorization', 'proxy-authorization'),
          value: fc.constantFrom(`session=${SECRET}`, `Bearer ${SECRET}`, `__Secure-next-auth.session-token=${SECRET}; Path=/`),
        }),
        { maxLength: 4 },
      );
      const failing = fc.record({ statusCode: fc.constantFrom(401, 403, 429, 500, 502, 503), error: fc.constantFrom(undefined, 'net::ERR_CONNECTION_RESET') });
      fc.assert(
        fc.property(watched, failing, secretHeaders, headers, ([host, path, q], f, secret, other) => {
          const harmless = Array.isArray(other) ? (other as unknown[]).filter((x) => !JSON.stringify(x ?? null)?.includes(SECRET)) : [];
          const h = [...secret, ...harmless];
          const event = {
            requestId: '1',
            url: `https://${host}${path}${q}`,
            method: 'POST',
            tabId: 3,
            type: 'xmlhttprequest',
            timeStamp: 1_764_000_000_000,
            ...f,
            responseHeaders: h,
          } as RequestEvent;
          const record = buildRecord(event);
          if (record) expect(JSON.stringify(record)).not.toContain(SECRET);
        }),
        { numRuns: RUNS.secrets },
      );
    },
    TIMEOUT,
  );

  it('gives a clear null, not a record, for what is not a ChatGPT failure', () => {
    const bad: RequestEvent[] = [
      { requestId: '1', url: 'not a url', method: 'GET', tabId: 1, type: 'other', timeStamp: 1, statusCode: 500 },
      { requestId: '1', url: 'https://example.com/x', method: 'GET', tabId: 1, type: 'other', timeStamp: 1, statusCode: 500 },
      { requestId: '1', url: 'https://chatgpt.com/x', method: 'GET', tabId: 1, type: 'other', timeStamp: 1, statusCode: 200 },
      { requestId: '1', url: 'https://chatgpt.com/x', method: 'GET', tabId: 1, type: 'other', timeStamp: 1, error: 'net::ERR_ABORTED' },
      { requestId: '1', url: 'https://browser-intake-datadoghq.com/x', method: 'GET', tabId: 1, type: 'other', timeStamp: 1, statusCode: 500 },
    ];
    for (const event of bad) expect(buildRecord(event)).toBeNull();
  });
});

describe('fuzz: event sequences into createRecorder', () => {
  it(
    'never throws; reports only storable failures, with a non-negative duration',
    () => {
      const op = fc.oneof(
        fc.record({
          kind: fc.constant('start' as const),
          requestId: fc.oneof(fc.stringMatching(/^\d{1,3}$/), fc.anything()),
          timeStamp: fc.oneof(fc.double(), fc.anything()),
        }),
        fc.record({ kind: fc.constant('finish' as const), event: details }),
      );
      fc.assert(
        fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
          const failures: ErrorRecord[] = [];
          const recorder = createRecorder({ onFailure: (r) => failures.push(r) });
          for (const o of ops) {
            if (o.kind === 'start') recorder.onStart(o.requestId as string, o.timeStamp as number);
            else recorder.onFinish(o.event);
          }
          for (const r of failures) {
            expect(storable(r)).toBe(true);
            expect(r.durationMs === null || r.durationMs >= 0).toBe(true);
          }
        }),
        { numRuns: RUNS.recorder },
      );
    },
    TIMEOUT,
  );

  it('keeps its memory of started requests bounded when finishes never come', () => {
    const recorder = createRecorder({ onFailure: () => undefined });
    for (let i = 0; i < 50_000; i++) recorder.onStart(String(i), i);
    // The oldest starts were forgotten: a finish for one of them has no duration, a recent one does.
    const got: ErrorRecord[] = [];
    const hooks = createRecorder({ onFailure: (r) => got.push(r) });
    for (let i = 0; i < 5000; i++) hooks.onStart(String(i), i);
    for (const requestId of ['0', '4999']) {
      hooks.onFinish({
        requestId,
        url: 'https://chatgpt.com/backend-api/x',
        method: 'GET',
        tabId: 1,
        type: 'xmlhttprequest',
        timeStamp: 10_000,
        statusCode: 500,
      });
    }
    expect(got.map((r) => r.durationMs)).toEqual([null, 10_000 - 4999]);
  });
});
