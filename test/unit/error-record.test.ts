import { describe, expect, it } from 'vitest';
import { buildRecord, type RequestEvent } from '../../src/core/error-record';
import { primaryRequestId } from '../../src/core/headers';

const T = Date.UTC(2026, 10, 25, 10, 0, 0);

function event(overrides: Partial<RequestEvent> = {}): RequestEvent {
  return {
    requestId: '42',
    url: 'https://chatgpt.com/backend-api/f/conversation',
    method: 'POST',
    tabId: 7,
    type: 'xmlhttprequest',
    timeStamp: T,
    statusCode: 500,
    statusLine: 'HTTP/1.1 500 Internal Server Error',
    responseHeaders: [
      { name: 'CF-RAY', value: '8f1e2d3c4b5a6978-SJC' },
      { name: 'x-request-id', value: '0b7f4c52-7a8e-4a43-9a55-0e3c5c1b2f00' },
      { name: 'content-type', value: 'application/json' },
      { name: 'server', value: 'cloudflare' },
    ],
    ...overrides,
  };
}

describe('buildRecord', () => {
  it('records a 500 on the conversation endpoint with its evidence', () => {
    const r = buildRecord(event(), T - 1234)!;
    expect(r).toMatchObject({
      id: '42@' + T,
      tabId: 7,
      method: 'POST',
      host: 'chatgpt.com',
      path: '/backend-api/f/conversation',
      status: 500,
      statusLine: 'HTTP/1.1 500 Internal Server Error',
      error: null,
      category: 'server',
      meaning: 'meaning_500',
      telemetry: false,
      durationMs: 1234,
      ids: { cfRay: '8f1e2d3c4b5a6978-SJC', xRequestId: '0b7f4c52-7a8e-4a43-9a55-0e3c5c1b2f00', oaiRequestId: null },
      server: 'cloudflare',
      contentType: 'application/json',
      htmlOnApi: false,
    });
    expect(primaryRequestId(r.ids)).toBe('8f1e2d3c4b5a6978-SJC');
  });

  it('ignores successes, cancellations, other sites and third-party telemetry', () => {
    expect(buildRecord(event({ statusCode: 200 }))).toBeNull();
    expect(buildRecord(event({ statusCode: 404 }))).toBeNull();
    expect(buildRecord(event({ statusCode: undefined, error: 'net::ERR_ABORTED' }))).toBeNull();
    expect(buildRecord(event({ url: 'https://control-site.test/fail500' }))).toBeNull();
    expect(buildRecord(event({ url: 'https://browser-intake-datadoghq.com/api/v2/rum' }))).toBeNull();
    expect(buildRecord(event({ url: 'https://notchatgpt.com/x' }))).toBeNull();
    expect(buildRecord(event({ url: 'https://chatgpt.com.evil.example/x' }))).toBeNull();
  });

  it("ignores the extension's own requests (the probe keeps its own history)", () => {
    expect(buildRecord(event({ tabId: -1, fromExtension: true, statusCode: 502 }))).toBeNull();
    expect(buildRecord(event({ tabId: -1, fromExtension: false, statusCode: 502 }))?.tabId).toBe(-1);
  });

  it('marks ChatGPT telemetry as telemetry, still recorded', () => {
    const r = buildRecord(event({ url: 'https://chatgpt.com/ces/v1/t', statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' }))!;
    expect(r.category).toBe('blocked');
    expect(r.telemetry).toBe(true);
    expect(r.status).toBeNull();
    expect(r.error).toBe('net::ERR_BLOCKED_BY_CLIENT');
  });

  it.each([
    { headers: { 'Content-Type': 'text/html; charset=UTF-8', 'cf-ray': 'abc-LHR' }, category: 'cloudflare', htmlOnApi: true },
    // HTML with the app's own request id is the app's page (a sign-in wall), not Cloudflare's.
    { headers: { 'content-type': 'text/html', 'x-oai-request-id': 'req_1' }, category: 'session', htmlOnApi: false },
  ])('a 403 HTML page on an API path with $headers is $category', ({ headers, category, htmlOnApi }) => {
    const r = buildRecord(event({ statusCode: 403, responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })) }))!;
    expect({ category: r.category, htmlOnApi: r.htmlOnApi }).toEqual({ category, htmlOnApi });
  });

  it('drops the query string and masks emails and tokens in the path', () => {
    const r = buildRecord(
      event({ url: 'https://chatgpt.com/backend-api/user/jane.doe@example.com/sk-proj-ABCDEFGH12345678?token=eyJhbGciOi.eyJzdWIi.sig&email=a@b.co' }),
    )!;
    expect(r.path).toBe('/backend-api/user/[email]/[key]');
    expect(JSON.stringify(r)).not.toMatch(/jane|example\.com|sk-proj|eyJ|token=|a@b/);
  });

  it.each([
    ['missing headers', { responseHeaders: undefined }],
    ['headers that are not an array', { responseHeaders: 'oops' as unknown as RequestEvent['responseHeaders'] }],
    ['headers without values', { responseHeaders: [{ name: 'cf-ray' }, { name: 'retry-after' }] }],
    [
      'headers with odd names',
      {
        responseHeaders: [
          { name: 42 as unknown as string, value: 'x' },
          { name: '', value: 'y' },
        ],
      },
    ],
  ])('survives %s', (_, overrides) => {
    const r = buildRecord(event(overrides))!;
    expect(r.ids).toEqual({ cfRay: null, xRequestId: null, oaiRequestId: null });
    expect(r.retryAfterSec).toBeNull();
  });

  it('takes the first non-empty value of duplicate headers and strips control characters', () => {
    const r = buildRecord(
      event({
        responseHeaders: [
          { name: 'cf-ray', value: '' },
          { name: 'cf-ray', value: 'first\u0000-ray\n' },
          { name: 'cf-ray', value: 'second' },
        ],
      }),
    )!;
    expect(r.ids.cfRay).toBe('first-ray');
  });

  it.each([
    ['120', 120],
    ['0', 0],
    ['-5', null],
    ['soon', null],
    ['1.5', null],
    ['Wed, 25 Nov 2026 10:01:00 GMT', 60],
    ['Wed, 25 Nov 2026 09:00:00 GMT', null],
    ['9'.repeat(400), null],
  ])('parses retry-after %j as %s seconds', (value, seconds) => {
    const r = buildRecord(event({ statusCode: 503, responseHeaders: [{ name: 'Retry-After', value }] }))!;
    expect(r.retryAfterSec).toBe(seconds);
    expect(r.retryAfter?.length ?? 0).toBeLessThanOrEqual(160);
  });

  it('bounds an 8 KB URL', () => {
    const r = buildRecord(event({ url: `https://chatgpt.com/backend-api/${'a/'.repeat(4096)}?q=${'x'.repeat(100)}` }))!;
    expect(r.path.length).toBeLessThanOrEqual(512);
    expect(r.path.endsWith('…')).toBe(true);
  });

  it('handles punycode and rejects IPv6 literals and invalid URLs', () => {
    expect(buildRecord(event({ url: 'https://xn--chatgt-9za.com/backend-api/x' }))).toBeNull();
    expect(buildRecord(event({ url: 'https://CHATGPT.COM./backend-api/x' }))?.host).toBe('chatgpt.com.');
    expect(buildRecord(event({ url: 'https://[::1]/backend-api/x' }))).toBeNull();
    expect(buildRecord(event({ url: 'not a url' }))).toBeNull();
    expect(buildRecord(event({ url: '' }))).toBeNull();
    expect(buildRecord(event({ url: 42 as unknown as string }))).toBeNull();
  });

  it('counts subdomains and the CDN hosts as ChatGPT', () => {
    expect(buildRecord(event({ url: 'https://ws.chatgpt.com/x', statusCode: 502 }))?.category).toBe('gateway');
    expect(buildRecord(event({ url: 'https://cdn.oaistatic.com/assets/app.js', statusCode: 503, method: 'get' }))?.method).toBe('GET');
    expect(buildRecord(event({ url: 'https://files.oaiusercontent.com/file-1', statusCode: 504 }))?.category).toBe('gateway');
    expect(buildRecord(event({ url: 'https://chat.openai.com/backend-api/x', statusCode: 429 }))?.category).toBe('rate-limit');
  });

  it('leaves the duration unknown without a start time, or with a start after the end', () => {
    expect(buildRecord(event())!.durationMs).toBeNull();
    expect(buildRecord(event(), T + 5)!.durationMs).toBeNull();
  });

  it('survives a request id that cannot be turned into a string (found by the fuzzer)', () => {
    const id = { toString: 1, valueOf: 1 } as unknown as string;
    expect(buildRecord(event({ requestId: id }))!.id).toBe(`?@${T}`);
  });

  it('survives a non-finite time and an odd tab id', () => {
    const r = buildRecord(event({ timeStamp: NaN, tabId: 1.5 }))!;
    expect(r.time).toBe(0);
    expect(r.tabId).toBe(-1);
  });
});
