import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitFor, type ChromiumSession } from '../support/chromium';
import { failure, startFakeWorld, type FakeWorld } from '../support/fake-world';

/** The recorder in real Chromium, on the real host names mapped to a fake ChatGPT on loopback. */
interface StoredRecord {
  path: string;
  status: number | null;
  error: string | null;
  category: string;
  host: string;
  method: string;
  ids: { cfRay: string | null; xRequestId: string | null };
}

describe('recorder in Chromium', () => {
  let world: FakeWorld;
  let session: ChromiumSession;
  let chat: Page;
  let tabId: number;

  const records = async () => (((await session.storage(['log'])).log as { records: StoredRecord[] } | undefined)?.records ?? []);
  const send = (page: Page, path: string, method = 'POST') =>
    page.evaluate((p, m) => (window as unknown as { send(p: string, i: object): Promise<unknown> }).send(p, { method: m }), path, method);

  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchChromium(world, { extraExtensions: [resolve('test/fixtures/extensions/blocker')] });
    chat = await session.browser.newPage();
    await chat.goto('https://chatgpt.com/');
    tabId = await session.tabIdOf('https://chatgpt.com/*');
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('records a 500 on POST /backend-api/f/conversation and shows it in the popup with its request id', async () => {
    world.route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    expect(await send(chat, '/backend-api/f/conversation?model=secret-model')).toBe(500);
    const seen = world.requests.findLast((r) => r.path === '/backend-api/f/conversation')!;
    const record = await waitFor(async () => (await records()).find((r) => r.path === '/backend-api/f/conversation'), { what: 'the 500 record' });
    expect(record).toMatchObject({ status: 500, method: 'POST', host: 'chatgpt.com', category: 'server', ids: { cfRay: seen.cfRay, xRequestId: seen.requestId } });
    expect(JSON.stringify(await records())).not.toContain('secret-model');

    const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.failure', { timeout: 10_000 });
    const text = await popup.$eval('.failures', (el) => el.textContent ?? '');
    expect(text).toContain('500');
    expect(text).toContain('/backend-api/f/conversation');
    expect(text).toContain(seen.cfRay!);
    expect(text).toContain('Internal server error');
    await popup.close();
  });

  it('does not record a 200, nor another site’s 500', async () => {
    const before = (await records()).length;
    world.clearRoutes();
    expect(await send(chat, '/backend-api/ok', 'GET')).toBe(200);
    const control = await session.browser.newPage();
    await control.goto('https://control-site.test/');
    expect(await control.evaluate(() => (window as unknown as { send(p: string): Promise<unknown> }).send('/fail500'))).toBe(500);
    // A later ChatGPT failure proves the earlier events were processed, not just slow.
    expect(await send(chat, '/backend-api/status/502', 'GET')).toBe(502);
    await waitFor(async () => (await records()).some((r) => r.path === '/backend-api/status/502'), { what: 'the 502 record' });
    const all = await records();
    expect(all.length).toBe(before + 1);
    expect(all.some((r) => r.host === 'control-site.test' || r.path === '/backend-api/ok')).toBe(false);
    await control.close();
  });

  it('records a request blocked by another extension as blocked', async () => {
    expect(await send(chat, '/backend-api/blocked-by-test', 'GET')).toBe('error');
    const record = await waitFor(async () => (await records()).find((r) => r.path === '/backend-api/blocked-by-test'), { what: 'the blocked record' });
    expect(record).toMatchObject({ status: null, error: 'net::ERR_BLOCKED_BY_CLIENT', category: 'blocked' });
  });

  it('badges the tab with its failures of the last 10 minutes', async () => {
    const text = await waitFor(
      () => session.inExtension((id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId),
      { what: 'badge text' },
    );
    expect(text).toBe(String((await records()).length));
  });

  it('keeps every record when the service worker is stopped, and records again after', async () => {
    const before = await records();
    await session.stopWorkers();
    expect(await send(chat, '/backend-api/status/503', 'GET')).toBe(503);
    await waitFor(async () => (await records()).some((r) => r.path === '/backend-api/status/503'), { what: 'a record after the stop' });
    await session.stopWorkers();
    const after = await records();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });
});
