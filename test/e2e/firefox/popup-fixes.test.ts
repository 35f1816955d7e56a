import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, waitFor, type FirefoxSession } from '../../support/firefox';

/**
 * The popup's fixes in real Firefox ESR, where they differ from Chrome: `hostnames` instead of
 * `origins`, no per-site cache clear (offered as a separate whole-cache choice), and other
 * extensions cannot be disabled from here.
 */
describe('popup fixes in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let chat: Page;
  let tabId: number;
  // One popup page for both tests: opening a second extension page through the hook is slow.
  let page: Page;

  /** ChatGPT's cookies as the extension sees them (it has host permissions for them). */
  const chatgptCookies = () =>
    session.inExtension(async () => {
      const b = (globalThis as unknown as { browser: { cookies: { getAll(q: object): Promise<Array<{ name: string; domain: string }>> } } }).browser;
      const lists = await Promise.all(['chatgpt.com', 'chat.openai.com'].map((domain) => b.cookies.getAll({ domain })));
      return lists.flat().map((c) => `${c.name}@${c.domain}`);
    }, null);
  const pageCookies = async (url: string) => {
    const page = await session.browser.newPage();
    await page.goto(url);
    const cookies = await page.evaluate(() => document.cookie);
    await page.close();
    return cookies;
  };

  beforeAll(async () => {
    world = await startFakeWorld();
    world.route('platform.openai.com', '/', { status: 200, headers: { 'content-type': 'text/html', 'set-cookie': 'platform=keep-me; Path=/; Secure; SameSite=Lax; Max-Age=3600' }, body: '<p>platform</p>' });
    world.route('platform.openai.com', '/read', { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>read</p>' });
    world.route('chat.openai.com', '/set-cookies', () => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<script>document.cookie="chatold=1; Path=/; Secure; Max-Age=3600";document.cookie="shared=keep-me; Domain=openai.com; Path=/; Secure; Max-Age=3600"</script>',
    }));
    session = await launchFirefox(world, { extraExtensions: [resolve('test/fixtures/extensions/blocker'), resolve('test/fixtures/extensions/harmless')] });
    chat = await session.browser.newPage();
    await chat.goto('https://chatgpt.com/oai-did');
    await chat.goto('https://chatgpt.com/');
    tabId = await session.tabIdOf('https://chatgpt.com/*');
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('clears ChatGPT cookies by hostname and host by host, keeps other sites, says the cache cannot be cleared per site', async () => {
    const other = await session.browser.newPage();
    await other.goto('https://control-site.test/');
    await other.goto('https://platform.openai.com/');
    await other.goto('https://chat.openai.com/set-cookies');
    await other.close();
    await waitFor(async () => (await chatgptCookies()).length >= 3, { what: 'ChatGPT cookies set' });
    expect(await chatgptCookies()).toEqual(expect.arrayContaining(['__Secure-next-auth.session-token@chatgpt.com', 'oai-did@chatgpt.com', 'chatold@chat.openai.com']));

    page = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    await page.waitForSelector('main.popup');
    await page.click('#fix-clear summary');
    await page.click('#clear-site-data-start');
    await page.waitForSelector('.confirm', { timeout: 10_000 });
    const confirm = await page.$eval('.confirm', (e) => e.textContent ?? '');
    expect(confirm).toContain('Firefox cannot clear the cache of one site only');
    expect(confirm).toContain('Also clear the whole browser cache (all sites)');
    expect(await page.$$eval('.signed-out li', (li) => li.map((l) => l.textContent))).toEqual(['chatgpt.com', 'chat.openai.com']);
    await page.click('#clear-reload'); // keep the test's tab as it is
    await new Promise((r) => setTimeout(r, 100));
    await page.click('#clear-site-data-confirm');
    await page.waitForSelector('.clear-report', { timeout: 20_000 });
    const report = await page.$eval('.clear-report', (e) => ({ verified: e.getAttribute('data-verified'), text: e.textContent ?? '' }));
    expect(report.text).toContain('no ChatGPT cookies are left');
    expect(report.text).toContain('The cache was not cleared');
    expect(report.verified).toBe('true');
    expect(await chatgptCookies()).toEqual([]);
    expect(await pageCookies('https://control-site.test/fail404')).toContain('control=keep-me');
    const platform = await pageCookies('https://platform.openai.com/read');
    expect(platform).toContain('platform=keep-me');
    expect(platform).toContain('shared=keep-me');
  });

  it('clears the whole cache only when the user explicitly asks for it', async () => {
    await page.click('.clear-site-data button::-p-text(Close)');
    await page.click('#clear-site-data-start');
    await page.waitForSelector('.confirm', { timeout: 10_000 });
    const whole = await page.waitForSelector('.confirm label::-p-text(whole browser cache) input');
    expect(await whole!.evaluate((e) => (e as HTMLInputElement).checked)).toBe(false);
    await whole!.click();
    await new Promise((r) => setTimeout(r, 100));
    await page.click('#clear-site-data-confirm');
    await page.waitForSelector('.clear-report', { timeout: 20_000 });
    expect(await page.$eval('.clear-report', (e) => e.textContent)).toContain('The whole browser cache was cleared.');
  });

  it('lists the blocker first and, as Firefox cannot disable it, says how to manage it', async () => {
    await page.click('#fix-conflicts summary');
    await page.waitForSelector('.conflict', { timeout: 10_000 });
    const entries = await page.$$eval('.conflict', (els) => els.map((e) => ({ name: e.querySelector('.conflict-name')!.textContent, text: e.textContent ?? '', buttons: [...e.querySelectorAll('button')].map((b) => b.textContent) })));
    expect(entries.map((e) => e.name)).toEqual(['Test Ad Blocker', 'Test Notes']);
    expect(entries[0]!.text).toContain('Can block or rewrite requests (declarativeNetRequest).');
    expect(entries[0]!.buttons).not.toContain('Disable');
    expect(entries[0]!.text).toContain('Ctrl+Shift+A');
    expect(await page.$eval('.private-tip', (e) => e.textContent)).toContain('Ctrl+Shift+P');
    await page.close();
  });
});
