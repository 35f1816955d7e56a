import type { Browser, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { waitFor } from './chromium';
import { failure, type FakeWorld } from './fake-world';
import { readStoredLog } from './stored-log';

/**
 * The recorder's end-to-end checks, written once and run in each browser (test/e2e/recorder.test.ts
 * for Chromium, test/e2e/firefox/recorder.test.ts for Firefox). Only what differs between the
 * browsers stays in those files.
 */
export interface StoredRecord {
  path: string;
  status: number | null;
  error: string | null;
  category: string;
  host: string;
  method: string;
  tabId: number;
  ids: { cfRay: string | null; xRequestId: string | null };
}

/** What both ChromiumSession and FirefoxSession offer. */
export interface ExtensionSession {
  browser: Browser;
  storage(keys?: string[]): Promise<Record<string, unknown>>;
  openExtensionPage(path: string): Promise<Page>;
}

export interface RecorderContext {
  world: FakeWorld;
  session: ExtensionSession;
  /** A tab on https://chatgpt.com/ (the fake app page, with its `send`). */
  chat: Page;
  tabId: number;
}

/** A tab on the fake https://chatgpt.com/ and its browser tab id, as each browser's tests start. */
export async function openChatTab(session: ExtensionSession & { tabIdOf(pattern: string): Promise<number> }): Promise<{ chat: Page; tabId: number }> {
  const chat = await session.browser.newPage();
  await chat.goto('https://chatgpt.com/');
  return { chat, tabId: await session.tabIdOf('https://chatgpt.com/*') };
}

export async function storedRecords(session: ExtensionSession): Promise<StoredRecord[]> {
  return (await readStoredLog(session)).records as unknown as StoredRecord[];
}

/** Calls the fake page's `send(path, {method})`: the status, or 'error' for a network error. */
export function sendFrom(page: Page, path: string, method = 'POST'): Promise<unknown> {
  return page.evaluate((p, m) => (window as unknown as { send(p: string, i: object): Promise<unknown> }).send(p, { method: m }), path, method);
}

export async function expectServerErrorRecordedAndShown({ world, session, chat, tabId }: RecorderContext): Promise<void> {
  world.route('chatgpt.com', '/backend-api/f/conversation', failure(500));
  expect(await sendFrom(chat, '/backend-api/f/conversation?model=secret-model')).toBe(500);
  const seen = world.requests.findLast((r) => r.path === '/backend-api/f/conversation')!;
  const record = await waitFor(async () => (await storedRecords(session)).find((r) => r.path === '/backend-api/f/conversation'), { what: 'the 500 record' });
  expect(record).toMatchObject({ status: 500, method: 'POST', host: 'chatgpt.com', category: 'server', tabId, ids: { cfRay: seen.cfRay, xRequestId: seen.requestId } });
  expect(JSON.stringify(await storedRecords(session))).not.toContain('secret-model');

  const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('.failure', { timeout: 10_000 });
  const text = await popup.$eval('.failures', (el) => el.textContent ?? '');
  expect(text).toContain('500');
  expect(text).toContain('/backend-api/f/conversation');
  expect(text).toContain(seen.cfRay!);
  expect(text).toContain('Internal server error');
  await popup.close();
}

export async function expectOnlyChatGptFailuresRecorded({ world, session, chat }: RecorderContext): Promise<void> {
  const before = (await storedRecords(session)).length;
  world.clearRoutes();
  expect(await sendFrom(chat, '/backend-api/ok', 'GET')).toBe(200);
  const control = await session.browser.newPage();
  await control.goto('https://control-site.test/');
  expect(await control.evaluate(() => (window as unknown as { send(p: string): Promise<unknown> }).send('/fail500'))).toBe(500);
  // A later ChatGPT failure proves the earlier events were processed, not just slow.
  expect(await sendFrom(chat, '/backend-api/status/502', 'GET')).toBe(502);
  await waitFor(async () => (await storedRecords(session)).some((r) => r.path === '/backend-api/status/502'), { what: 'the 502 record' });
  const all = await storedRecords(session);
  expect(all.length).toBe(before + 1);
  expect(all.some((r) => r.host === 'control-site.test' || r.path === '/backend-api/ok')).toBe(false);
  await control.close();
}

/** Another extension's declarativeNetRequest block: `error` is each browser's own word for it. */
export async function expectBlockedRecorded({ session, chat }: RecorderContext, error: string): Promise<void> {
  expect(await sendFrom(chat, '/backend-api/blocked-by-test', 'GET')).toBe('error');
  const record = await waitFor(async () => (await storedRecords(session)).find((r) => r.path === '/backend-api/blocked-by-test'), { what: 'the blocked record' });
  expect(record).toMatchObject({ status: null, error, category: 'blocked' });
}
