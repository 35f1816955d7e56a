import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, waitFor, type FirefoxSession } from '../../support/firefox';
import {
  expectBlockedRecorded,
  expectOnlyChatGptFailuresRecorded,
  expectServerErrorRecordedAndShown,
  openChatTab,
  sendFrom,
  storedRecords,
  type RecorderContext,
} from '../../support/recorder-checks';

/**
 * The recorder in real Firefox ESR (WebDriver BiDi), on the real host names mapped to the fake
 * world on loopback, driving dist/firefox-test/: the shipped dist/firefox/ plus a TEST-ONLY
 * background hook that opens extension pages in a tab (BiDi cannot navigate to moz-extension://).
 * The hook is in neither dist/firefox/ nor the store zip (see store-package.test.ts).
 */

/** Short enough to see the event page suspended within a test; Firefox's default is 30 s. */
const IDLE_TIMEOUT_MS = 2_000;

describe('recorder in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let chat: Page;
  let tabId: number;
  const records = () => storedRecords(session);
  const ctx = (): RecorderContext => ({ world, session, chat, tabId });

  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchFirefox(world, {
      extraExtensions: [resolve('test/fixtures/extensions/blocker')],
      prefs: {
        'extensions.background.idle.timeout': IDLE_TIMEOUT_MS,
        // Grants a permissions.request() without the doorhanger a headless run cannot click.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    ({ chat, tabId } = await openChatTab(session));
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('has the host permissions of its manifest granted on install (MV3 in Firefox could withhold them)', async () => {
    const granted = await session.inExtension(
      () => (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins: string[] }> } } }).browser.permissions.getAll(),
      null,
    );
    expect(granted.origins).toEqual(expect.arrayContaining(['https://chatgpt.com/*', 'https://*.chatgpt.com/*', 'https://status.openai.com/*']));
  });

  it('records a 500 on POST /backend-api/f/conversation and shows it in the popup with its request id', () => expectServerErrorRecordedAndShown(ctx()));

  it('does not record a 200, nor another site’s 500', () => expectOnlyChatGptFailuresRecorded(ctx()));

  // Firefox's word for a request another extension cancelled (DNR block or webRequest cancel alike);
  // a page's own abort is NS_BINDING_ABORTED and stays unrecorded.
  it('records a request blocked by another extension’s declarativeNetRequest rule as blocked', () => expectBlockedRecorded(ctx(), 'NS_ERROR_ABORT'));

  it('badges the tab with its failures of the last 10 minutes', async () => {
    const text = await waitFor(
      () => session.inExtension((id) => (globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }).browser.action.getBadgeText({ tabId: id }), tabId),
      { what: 'badge text' },
    );
    expect(text).toBe(String((await records()).length));
  });

  it('loses nothing when the event page is suspended, and wakes for the next failure', async () => {
    // Firefox has no "stop the background" command over BiDi; the idle timeout (lowered by pref)
    // suspends the event page the way 30 s of quiet does for users.
    const before = await records();
    await waitFor(async () => !(await session.backgroundAlive()), { timeoutMs: IDLE_TIMEOUT_MS * 5, what: 'the event page to be suspended' });
    expect(await sendFrom(chat, '/backend-api/status/503', 'GET')).toBe(503);
    await waitFor(async () => (await records()).some((r) => r.path === '/backend-api/status/503'), { what: 'a record after the suspension' });
    await waitFor(async () => !(await session.backgroundAlive()), { timeoutMs: IDLE_TIMEOUT_MS * 5, what: 'a second suspension' });
    const after = await records();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ path: '/backend-api/status/503', status: 503, category: 'overload' });
  });

  it('when the user turns off access to chatgpt.com, records nothing, says so in the popup, and one click brings it back', async () => {
    type Permissions = { browser: { permissions: { remove(p: object): Promise<boolean>; contains(p: object): Promise<boolean> } } };
    // Opened first: the test hook that opens extension pages needs chatgpt.com access itself.
    const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    // What the Add-ons Manager's Permissions switches do. Both, because https://*.chatgpt.com/*
    // covers chatgpt.com itself (measured: with only the first one off, access stays).
    const chatgpt = ['https://chatgpt.com/*', 'https://*.chatgpt.com/*'];
    expect(await session.inExtension((o) => (globalThis as unknown as Permissions).browser.permissions.remove({ origins: o }), chatgpt)).toBe(true);
    const before = (await records()).length;
    expect(await sendFrom(chat, '/backend-api/status/500', 'GET')).toBe(500);

    await popup.evaluate(() => location.reload());
    const notice = await popup.waitForSelector('.host-access', { timeout: 10_000 });
    expect(await notice!.evaluate((e) => e.textContent)).toContain('cannot see requests to chatgpt.com, *.chatgpt.com:');
    expect((await records()).length).toBe(before); // the 500 above went unseen
    await popup.click('#host-access-allow');
    await popup.waitForSelector('.host-access', { hidden: true, timeout: 10_000 });
    expect(await session.inExtension((o) => (globalThis as unknown as Permissions).browser.permissions.contains({ origins: o }), chatgpt)).toBe(true);

    expect(await sendFrom(chat, '/backend-api/status/504', 'GET')).toBe(504);
    await waitFor(async () => (await records()).some((r) => r.path === '/backend-api/status/504'), { what: 'recording again after access was allowed' });
    await popup.close();
  });
});
