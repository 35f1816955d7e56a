import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeWebRequest } from '../support/fakes/web-request';
import { logFromStorage } from '../support/stored-log';

/**
 * The real background module, imported over fakeBrowser with a fake webRequest: events in,
 * records stored, badge set. Re-importing it over the same storage plays a worker restart.
 */
async function startBackground() {
  vi.resetModules();
  const fake = installFakeWebRequest();
  await import('../../src/background/index');
  return fake;
}

async function storedLog() {
  return logFromStorage(await fakeBrowser.storage.local.get(null)) as unknown as { records: Array<Record<string, unknown>>; dropped: number };
}

async function settle() {
  // The log store writes at once and batches what arrives meanwhile; a few turns let it finish.
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('background over fakeBrowser', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('records a 500 with its request ids and badges the tab', async () => {
    const fake = await startBackground();
    fake.request('https://chatgpt.com/backend-api/f/conversation?x=secret', {
      status: 500,
      method: 'POST',
      tabId: 3,
      headers: { 'cf-ray': '8f1e2d3c4b5a6978-SJC', 'x-request-id': 'req-1', 'set-cookie': 'a=SECRET' },
    });
    await settle();
    const log = await storedLog();
    expect(log?.records).toHaveLength(1);
    expect(log?.records[0]).toMatchObject({
      status: 500,
      method: 'POST',
      path: '/backend-api/f/conversation',
      tabId: 3,
      ids: { cfRay: '8f1e2d3c4b5a6978-SJC', xRequestId: 'req-1' },
    });
    expect(JSON.stringify(log)).not.toMatch(/SECRET|secret/);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
  });

  it('ignores successes and other sites (the URL filter keeps them out)', async () => {
    const fake = await startBackground();
    fake.request('https://chatgpt.com/backend-api/me', { status: 200 });
    fake.request('https://control-site.test/fail500', { status: 500 });
    fake.request('https://chatgpt.com/backend-api/f/conversation', { error: 'net::ERR_ABORTED' });
    await settle();
    expect((await storedLog())?.records ?? []).toHaveLength(0);
  });

  it("does not record the extension's own probe, but does record a service worker's request", async () => {
    const fake = await startBackground();
    fake.request('https://chatgpt.com/cdn-cgi/trace', { status: 502, tabId: -1, initiator: fakeBrowser.runtime.getURL('').replace(/\/$/, '') });
    fake.request('https://chatgpt.com/backend-api/sw', { status: 502, tabId: -1, initiator: 'https://chatgpt.com' });
    await settle();
    expect((await storedLog())?.records.map((r) => r.path)).toEqual(['/backend-api/sw']);
  });

  it('registers no blocking listener and filters by the watched hosts', async () => {
    const fake = await startBackground();
    for (const event of Object.values(fake.webRequest)) {
      for (const r of event.registrations) expect(r.extraInfoSpec).not.toContain('blocking');
    }
    expect(fake.webRequest.onCompleted.registrations[0]!.patterns.some((p) => p.test('https://chatgpt.com/x'))).toBe(true);
    expect(fake.webRequest.onCompleted.registrations[0]!.patterns.some((p) => p.test('https://example.com/x'))).toBe(false);
  });

  it('writes a burst of 1,000 failures in a handful of storage writes', async () => {
    const fake = await startBackground();
    await settle();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    for (let i = 0; i < 1000; i++) fake.request(`https://chatgpt.com/backend-api/f/conversation/${i}`, { status: 502, tabId: 5 });
    await settle();
    const writes = set.mock.calls.filter(([items]) => 'log' in (items as object)).length;
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(5);
    expect((await storedLog())?.records).toHaveLength(1000);
    // The badge has room for four characters.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('999+');
  });

  it('loses nothing across a restart of the background over the same storage', async () => {
    let fake = await startBackground();
    fake.request('https://chatgpt.com/backend-api/a', { status: 500, tabId: 2 });
    await settle();
    fake = await startBackground();
    fake.request('https://chatgpt.com/backend-api/b', { status: 503, tabId: 2 });
    await settle();
    const paths = (await storedLog())?.records.map((r) => r.path);
    expect(paths).toEqual(['/backend-api/a', '/backend-api/b']);
  });

  it('keeps the newest records at the cap and counts what it dropped', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, maxRecords: 50 } });
    const fake = await startBackground();
    await settle();
    for (let i = 0; i < 120; i++) fake.request(`https://chatgpt.com/backend-api/n/${i}`, { status: 500 });
    await settle();
    const log = await storedLog();
    expect(log?.records).toHaveLength(50);
    expect(log?.dropped).toBe(70);
    expect(log?.records[0]!.path).toBe('/backend-api/n/70');
  });

  it('recovers the readable records from corrupt storage and says so', async () => {
    await fakeBrowser.storage.local.set({ log: { v: 1, records: [{ nonsense: true }, 42, null], dropped: 'x' } });
    const fake = await startBackground();
    fake.request('https://chatgpt.com/backend-api/c', { status: 500 });
    await settle();
    const log = (await storedLog()) as unknown as { records: unknown[]; notice: { kind: string; lost: number } };
    expect(log.records).toHaveLength(1);
    expect(log.notice).toMatchObject({ kind: 'corrupt-recovered', lost: 3 });
  });

  it('keeps the newest half when storage is full, and never throws', async () => {
    const fake = await startBackground();
    await settle();
    for (let i = 0; i < 40; i++) fake.request(`https://chatgpt.com/backend-api/q/${i}`, { status: 500 });
    await settle();
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let failures = 1;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if ('log' in items && failures-- > 0) throw new Error('QUOTA_BYTES quota exceeded');
      return realSet(items);
    });
    fake.request('https://chatgpt.com/backend-api/q/40', { status: 500 });
    await settle();
    const log = (await storedLog()) as unknown as { records: Array<{ path: string }>; notice: { kind: string; lost: number } };
    expect(log.notice.kind).toBe('storage-full');
    expect(log.records.length).toBe(20);
    expect(log.records.at(-1)!.path).toBe('/backend-api/q/40');
  });

  it('clears the log on request', async () => {
    const fake = await startBackground();
    fake.request('https://chatgpt.com/backend-api/a', { status: 500 });
    await settle();
    const reply = await fakeBrowser.runtime.sendMessage({ edr: 1, type: 'log/clear', params: {} });
    expect(reply).toEqual({ ok: true, value: { removed: 1 } });
    expect((await storedLog())?.records).toEqual([]);
  });

  it('checks what a page sends before a handler sees it: bad requests get a clear refusal', async () => {
    const fake = await startBackground();
    fake.request('https://chatgpt.com/backend-api/a', { status: 500 });
    await settle();
    const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
    expect(await send({ edr: 1, type: 'log/drop-tables', params: {} })).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(await send({ edr: 1, type: '__proto__', params: {} })).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    const bad = await send({ edr: 1, type: 'status/check', params: { force: 'yes' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(bad.error!.message).toMatch(/^status\/check: force: /);
    expect(await send({ edr: 1, type: 'log/clear', params: 'x'.repeat(100_000) })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Nothing ran: the record is still there. Extra keys are dropped, missing params are none.
    expect((await storedLog())?.records).toHaveLength(1);
    expect(await send({ edr: 1, type: 'log/flush', params: { extra: { deep: [1] } } })).toEqual({ ok: true, value: { records: 1 } });
    expect(await send({ edr: 1, type: 'log/flush' })).toEqual({ ok: true, value: { records: 1 } });
  });
});
