import { describe, expect, it } from 'vitest';
import { bodyGist, MAX_GIST_BYTES } from '../../src/core/body-gist';
import { fetchSnippet } from '../../src/core/fetch-snippet';
import { buildHar } from '../../src/core/har';
import { isFailedEntry, matchExtras, networkExtra, type NetworkExtra } from '../../src/core/network-extra';
import { generateRecords } from '../fixtures/records';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijk';

function harEntry(
  over: { url?: string; status?: number; started?: number; time?: number; method?: string; headers?: Array<{ name: string; value: string }> } = {},
) {
  return {
    startedDateTime: new Date(over.started ?? Date.UTC(2026, 10, 25, 11, 0, 0)).toISOString(),
    time: over.time ?? 850,
    request: {
      method: over.method ?? 'POST',
      url: over.url ?? 'https://chatgpt.com/backend-api/f/conversation?token=abc&model=gpt',
      headers: over.headers ?? [
        { name: 'Cookie', value: '__Secure-next-auth.session-token=SECRET' },
        { name: 'Authorization', value: `Bearer ${JWT}` },
        { name: 'Content-Type', value: 'application/json' },
      ],
    },
    response: { status: over.status ?? 500, content: { mimeType: 'application/json' } },
    timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 840, receive: 8.5 },
  };
}

describe('bodyGist', () => {
  it('reads a JSON detail, redacted', () => {
    const gist = bodyGist(JSON.stringify({ detail: `Token ${JWT} rejected for a@b.com` }), 'application/json')!;
    expect(gist.detail).toBe('Token [jwt] rejected for [email]');
    expect(gist.excerpt).not.toContain('eyJ');
    expect(gist.title).toBeNull();
  });

  it('reads nested error messages and ignores malformed JSON', () => {
    expect(bodyGist('{"error":{"message":"Too many requests","code":"rate_limit"}}')!.detail).toBe('Too many requests');
    const broken = bodyGist('{"detail": "unterminated', 'application/json')!;
    expect(broken.detail).toBeNull();
    expect(broken.excerpt).toBe('{"detail": "unterminated');
    expect(bodyGist('[1,2]')!.detail).toBeNull();
  });

  it('reads a Cloudflare page title and ray id', () => {
    const page =
      '<!DOCTYPE html><html><head><title>chatgpt.com | 524: A timeout occurred</title></head><body>Cloudflare Ray ID: <strong class="font-semibold">8f1c2d3e4a5b6c7d</strong></body></html>';
    const gist = bodyGist(page, 'text/html')!;
    expect(gist.title).toBe('chatgpt.com | 524: A timeout occurred');
    expect(gist.rayId).toBe('8f1c2d3e4a5b6c7d');
    expect(gist.detail).toBeNull();
    expect(bodyGist('<html><title>Just a moment...</title></html>')!.title).toBe('Just a moment...');
  });

  it('cuts huge bodies to 2 KB without splitting characters, and rejects non-strings', () => {
    const huge = `{"detail":"${'é'.repeat(1_000_000)}"}`;
    const gist = bodyGist(huge)!;
    expect(new TextEncoder().encode(gist.excerpt).length).toBeLessThanOrEqual(MAX_GIST_BYTES);
    expect(gist.excerpt).not.toContain('\ufffd');
    expect(gist.truncated).toBe(true);
    expect(bodyGist(null)).toBeNull();
    expect(bodyGist('')).toBeNull();
    expect(bodyGist(42)).toBeNull();
  });
});

describe('networkExtra and matchExtras', () => {
  it('keeps timings, safe headers and stripped query; drops cookies and authorization', () => {
    const x = networkExtra(harEntry(), '{"detail":"boom"}')!;
    expect(x).toMatchObject({ host: 'chatgpt.com', path: '/backend-api/f/conversation', search: '?token=&model=', method: 'POST', status: 500 });
    expect(x.timings.wait).toBe(840);
    expect(x.requestHeaders).toEqual([{ name: 'content-type', value: 'application/json' }]);
    expect(JSON.stringify(x)).not.toMatch(/SECRET|eyJ|abc|gpt"/);
    expect(x.gist!.detail).toBe('boom');
  });

  it('rejects entries without a usable URL or time, and tells failures from successes', () => {
    expect(networkExtra(null)).toBeNull();
    expect(networkExtra({ request: { url: 'not a url' }, startedDateTime: new Date().toISOString() })).toBeNull();
    expect(networkExtra({ request: { url: 'https://chatgpt.com/' }, startedDateTime: 'yesterday' })).toBeNull();
    expect(isFailedEntry(harEntry({ status: 200 }))).toBe(false);
    expect(isFailedEntry(harEntry({ status: 502 }))).toBe(true);
    expect(isFailedEntry(harEntry({ status: 0 }))).toBe(true);
    expect(isFailedEntry('garbage')).toBe(true);
  });

  it('pairs each entry with the record of the same request closest in time', () => {
    const start = Date.UTC(2026, 10, 25, 11, 0, 0);
    const [a, b, c] = generateRecords({ count: 3, now: start + 10_000, spanMs: 10_000 }).map((r, i) => ({
      ...r,
      method: 'POST',
      host: 'chatgpt.com',
      path: '/backend-api/f/conversation',
      status: 500,
      time: start + 850 + i * 3000,
    }));
    const first = networkExtra(harEntry({ started: start }))!;
    const second = networkExtra(harEntry({ started: start + 3000 }))!;
    const other = networkExtra(harEntry({ started: start + 6000, status: 502 }))!;
    const map = matchExtras([a!, b!, c!], [second, first, other]);
    expect(map.get(a!.id)).toBe(first);
    expect(map.get(b!.id)).toBe(second);
    expect(map.has(c!.id)).toBe(false);
  });
});

describe('buildHar', () => {
  it('is HAR 1.2 with no cookies, no authorization and no query values', () => {
    const records = generateRecords({ count: 30, seed: 9 });
    const extra: NetworkExtra = { ...networkExtra(harEntry(), `{"detail":"${JWT}"}`)!, host: records[0]!.host, path: records[0]!.path };
    const har = buildHar(records, new Map([[records[0]!.id, extra]]), '1.2.3');
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Error Doctor', version: '1.2.3' });
    expect(har.log.entries).toHaveLength(30);
    const text = JSON.stringify(har);
    expect(text).not.toMatch(/cookie"|authorization|SECRET|eyJ|token=abc/i);
    const first = har.log.entries[0]!;
    expect(first.request.url).toBe(`https://${records[0]!.host}${records[0]!.path}?token=&model=`);
    expect(first.request.queryString).toEqual([
      { name: 'token', value: '' },
      { name: 'model', value: '' },
    ]);
    expect(first.timings.wait).toBe(840);
    for (const e of har.log.entries) {
      expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
      expect(e.request.cookies).toEqual([]);
      expect(e.timings.send).toBeGreaterThanOrEqual(0);
      expect(e.timings.wait).toBeGreaterThanOrEqual(0);
      expect(e.timings.receive).toBeGreaterThanOrEqual(0);
    }
    const netErr = har.log.entries.find((e) => e.response._error)!;
    expect(netErr.response.status).toBe(0);
  });
});

describe('fetchSnippet', () => {
  it('keeps method, URL and safe headers only', () => {
    const [record] = generateRecords({ count: 1 });
    const snippet = fetchSnippet(record!, {
      url: 'https://chatgpt.com/backend-api/x?access_token=SECRET&q=hi',
      requestHeaders: [
        { name: 'Cookie', value: 'a=SECRET' },
        { name: 'authorization', value: 'Bearer SECRET' },
        { name: 'accept', value: 'text/event-stream' },
      ],
    });
    expect(snippet).toContain(`"https://${record!.host}${record!.path}?access_token=&q="`);
    expect(snippet).toContain('"accept": "text/event-stream"');
    expect(snippet).toContain(`"method": "${record!.method}"`);
    expect(snippet).not.toMatch(/SECRET|cookie|authorization|body/i);
    expect(fetchSnippet(record!, { url: '::bad::' })).toContain(`"https://${record!.host}${record!.path}"`);
  });
});
