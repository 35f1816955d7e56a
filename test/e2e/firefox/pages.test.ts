import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, waitFor, type FirefoxSession } from '../../support/firefox';
import { openChatTab, sendFrom, storedRecords } from '../../support/recorder-checks';

/**
 * Every extension page renders in Firefox ESR without a script error, from a log with a failure
 * in it: the pages Chromium's tests drive feature by feature, checked here for Firefox's engine
 * (module scripts in moz-extension://, the polyfill stepping aside for the native `browser`).
 * Opened through the TEST-ONLY hook of dist/firefox-test/, not part of the shipped build.
 */
const PAGES = [
  'src/popup/index.html',
  'src/pages/options.html',
  'src/devtools/panel.html',
  'src/pages/troubleshooter.html',
  'src/pages/report.html',
];

describe('extension pages in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let tabId: number;

  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchFirefox(world);
    const opened = await openChatTab(session);
    tabId = opened.tabId;
    expect(await sendFrom(opened.chat, '/backend-api/status/502', 'GET')).toBe(502);
    await waitFor(async () => (await storedRecords(session)).length > 0, { what: 'a record to show' });
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('sees a script error in an extension page (the check below can fail)', async () => {
    const page = await session.openExtensionPage('src/pages/options.html');
    await page.evaluate(() => void setTimeout(() => {
      throw new Error('planted error');
    }));
    await waitFor(async () => (await page.errors()).some((e) => e.includes('planted error')), { what: 'the planted error' });
    await page.close();
  });

  it.each(PAGES)('%s renders without script errors', async (path) => {
    const page = await session.openExtensionPage(`${path}?tabId=${tabId}`);
    const text = await waitFor(() => page.evaluate(() => (document.body.innerText.trim().length > 20 ? document.body.innerText : '')), {
      timeoutMs: 10_000,
      what: `${path} to render`,
    });
    expect(text).not.toMatch(/undefined|\[object Object\]|__MSG_/);
    // Scripts that failed to load or threw leave no trace in innerText; the page says so itself.
    expect(await page.evaluate(() => document.querySelectorAll('script[type="module"]').length)).toBeGreaterThan(0);
    // Let late work (storage reads, requests to the background) finish before asking.
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
