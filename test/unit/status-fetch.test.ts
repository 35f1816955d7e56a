import { describe, expect, it } from 'vitest';
import { fetchStatusUrl } from '../../src/platform/status-fetch';

const URL_ = 'https://status.openai.com/api/v2/summary.json';

function fakeFetch(make: (init: RequestInit) => Response | Promise<Response>) {
  const calls: RequestInit[] = [];
  const impl = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    return make(init);
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('fetchStatusUrl', () => {
  it('reads an answer, omits credentials, bypasses the cache, keeps validators', async () => {
    const { impl, calls } = fakeFetch(
      () => new Response('{"a":1}', { headers: { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Wed, 25 Nov 2026 10:00:00 GMT' } }),
    );
    const r = await fetchStatusUrl(URL_, { fetchImpl: impl });
    expect(r.answer).toEqual({ kind: 'answer', status: 200, contentType: 'application/json', body: '{"a":1}' });
    expect(r.validators).toEqual({ etag: '"v1"', lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT' });
    expect(calls[0]).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('sends conditional headers and reports 304 as not-modified', async () => {
    const { impl, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    const r = await fetchStatusUrl(URL_, { fetchImpl: impl, validators: { etag: '"v1"', lastModified: 'X' } });
    expect(r.answer).toEqual({ kind: 'not-modified' });
    expect(r.validators).toEqual({ etag: '"v1"', lastModified: 'X' });
    expect(calls[0]!.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'X' });
  });

  it('a 5 MB streamed answer stops at the cap: too-large', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 5_000_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const { impl } = fakeFetch(() => new Response(stream, { headers: { 'content-type': 'application/json' } }));
    const r = await fetchStatusUrl(URL_, { fetchImpl: impl, maxBytes: 1_000_000 });
    expect(r.answer).toMatchObject({ kind: 'failed', reason: 'too-large' });
    expect(pulled).toBeLessThan(1_300_000);
  });

  it('a declared content-length over the cap is refused before reading', async () => {
    const { impl } = fakeFetch(() => new Response('{}', { headers: { 'content-type': 'application/json', 'content-length': '5000000' } }));
    const r = await fetchStatusUrl(URL_, { fetchImpl: impl });
    expect(r.answer).toMatchObject({ kind: 'failed', reason: 'too-large', detail: '5000000 bytes, limit 1000000' });
  });

  it('times out through the abort signal', async () => {
    const { impl } = fakeFetch(
      (init) =>
        new Promise<Response>((_, reject) => {
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const r = await fetchStatusUrl(URL_, { fetchImpl: impl, timeoutMs: 20 });
    expect(r.answer).toEqual({ kind: 'failed', reason: 'timeout', detail: 'no answer within 0 s' });
  });

  it('a network error is a failed answer, not a throw', async () => {
    const { impl } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const r = await fetchStatusUrl(URL_, { fetchImpl: impl });
    expect(r.answer).toEqual({ kind: 'failed', reason: 'network', detail: 'Failed to fetch' });
  });

  it('HTTP errors are answers (the parser decides)', async () => {
    const { impl } = fakeFetch(() => new Response('oops', { status: 503, headers: { 'content-type': 'text/plain' } }));
    const r = await fetchStatusUrl(URL_, { fetchImpl: impl });
    expect(r.answer).toMatchObject({ kind: 'answer', status: 503, body: 'oops' });
  });
});
