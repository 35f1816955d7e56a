import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { majorIncidentStatus } from '../../support/fake-status';
import { routeCookieSites, setCookieSites } from '../../support/cookie-sites';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, waitFor, type ExtensionPage, type FirefoxSession } from '../../support/firefox';
import { openChatTab, sendFrom } from '../../support/recorder-checks';
import { readStoredLog } from '../../support/stored-log';

/**
 * The popup's fixes in real Firefox ESR, where they differ from Chromium: site data is cleared by
 * `hostnames` and the cache only as a whole, by explicit choice; other extensions cannot be
 * disabled, so their page (or the Add-ons Manager hint) is offered instead. Driven through
 * dist/firefox-test/, whose TEST-ONLY hook opens extension pages (BiDi cannot navigate to
 * moz-extension://); the hook is not in the shipped build.
 */
describe('popup fixes in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let chat: Page;
  let tabId: number;

  /** Every cookie in the profile, through BiDi storage.getCookies: the extension only sees ChatGPT's. */
  async function allCookies(): Promise<string[]> {
    return (await session.browser.cookies()).map((c) => `${c.name}@${c.domain}`);
  }

  async function popup(): Promise<ExtensionPage> {
    const page = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    await page.waitForSelector('main.popup', { timeout: 10_000 });
    return page;
  }

  beforeAll(async () => {
    world = await startFakeWorld();
    routeCookieSites(world);
    session = await launchFirefox(world, { extraExtensions: [resolve('test/fixtures/extensions/blocker'), resolve('test/fixtures/extensions/harmless')] });
    ({ chat, tabId } = await openChatTab(session));
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('clears ChatGPT’s cookies and storage by hostname, keeps the control site’s and openai.com’s, offers the whole cache only as a choice', async () => {
    await setCookieSites(session.browser, chat);
    const before = await allCookies();
    for (const cookie of ['__Secure-next-auth.session-token@chatgpt.com', 'oai-did@chatgpt.com', 'control@control-site.test', 'platform@platform.openai.com', 'chatold@chat.openai.com', 'shared@.openai.com']) {
      expect(before).toContain(cookie);
    }
    await chat.goto('https://chatgpt.com/backend-api/me');
    const loads = () => world.requests.filter((r) => r.host === 'chatgpt.com' && r.path === '/backend-api/me').length;
    const loadsBefore = loads();

    const page = await popup();
    // The section's code loads when it is first opened.
    await page.waitForSelector('#clear-site-data-start', { timeout: 10_000 });
    await page.click('#clear-site-data-start');
    await page.waitForSelector('.confirm', { timeout: 10_000 });
    expect(await page.$$eval('.signed-out li', (li) => li.map((l) => l.textContent))).toEqual(['chatgpt.com', 'chat.openai.com']);
    const confirm = await page.$eval('.confirm', (e) => e.textContent ?? '');
    // Firefox: no per-site cache; the whole cache is a separate, unchecked choice.
    expect(confirm).toContain('Firefox cannot clear the cache of one site only');
    expect(confirm).toContain('Also clear the whole browser cache (all sites)');
    const wholeCache = await page.$('.confirm label:not(:has(#clear-reload)) input[type="checkbox"]');
    expect(await wholeCache!.evaluate((e) => (e as HTMLInputElement).checked)).toBe(false);
    expect(await allCookies()).toContain('oai-did@chatgpt.com'); // nothing removed before confirming
    await page.click('#clear-site-data-confirm');
    await page.waitForSelector('.clear-report', { timeout: 20_000 });
    const report = await page.$eval('.clear-report', (e) => ({ verified: e.getAttribute('data-verified'), text: e.textContent ?? '' }));
    expect(report.verified).toBe('true');
    expect(report.text).toContain('no ChatGPT cookies are left');
    expect(report.text).toContain('The cache was not cleared');

    const after = await allCookies();
    expect(after.filter((c) => /chatgpt\.com$|^chatold@/.test(c))).toEqual([]);
    expect(after).toEqual(expect.arrayContaining(['control@control-site.test', 'platform@platform.openai.com', 'shared@.openai.com']));
    await waitFor(() => loads() > loadsBefore, { what: 'ChatGPT tab reload' });
    await chat.goto('https://chatgpt.com/oai-did');
    expect(await chat.evaluate(() => localStorage.getItem('edr-test'))).toBeNull();
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  it('clears the whole cache when the user ticks it, and says so', async () => {
    const page = await popup();
    // The section's code loads when it is first opened.
    await page.waitForSelector('#clear-site-data-start', { timeout: 10_000 });
    await page.click('#clear-site-data-start');
    await page.waitForSelector('.confirm', { timeout: 10_000 });
    const wholeCache = '.confirm label:not(:has(#clear-reload)) input[type="checkbox"]';
    await page.click(wholeCache);
    await page.click('#clear-reload'); // no reload this time
    // Both choices must be in place before confirming (the confirm button reads them).
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement).checked && !(document.querySelector('#clear-reload') as HTMLInputElement).checked, { timeout: 5_000 }, wholeCache);
    await page.click('#clear-site-data-confirm');
    await page.waitForSelector('.clear-report', { timeout: 20_000 });
    const text = await page.$eval('.clear-report', (e) => e.textContent ?? '');
    expect(text).toContain('The whole browser cache was cleared.');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  it('lists the blocking extension first with its reason, offers no Disable (Firefox forbids it) but its page and the Add-ons Manager', async () => {
    await chat.goto('https://chatgpt.com/');
    expect(await sendFrom(chat, '/backend-api/blocked-by-test', 'GET')).toBe('error');
    await waitFor(async () => JSON.stringify((await readStoredLog(session)).records).includes('NS_ERROR_ABORT'), { what: 'the blocked record' });

    const page = await popup();
    await page.click('#review-extensions');
    await page.waitForSelector('.conflict', { timeout: 10_000 });
    const entries = await page.$$eval('.conflict', (els) =>
      els.map((e) => ({ name: e.querySelector('.conflict-name')!.textContent, reasons: e.querySelector('.reasons')!.textContent, text: e.textContent ?? '', buttons: [...e.querySelectorAll('button')].map((b) => b.textContent) })),
    );
    expect(entries.map((e) => e.name)).toEqual(['Test Ad Blocker', 'Test Notes']);
    expect(entries[0]!.reasons).toContain('ChatGPT requests were blocked by an extension 1 time,');
    expect(entries[0]!.reasons).toContain('Looks like an ad or content blocker.');
    expect(entries[0]!.reasons).toContain('Can block or rewrite requests (declarativeNetRequest).');
    expect(entries[1]!.reasons).toContain('No access to ChatGPT');
    expect(entries[0]!.buttons.join(' ')).not.toMatch(/Disable/);
    expect(entries[0]!.text).toContain('Add-ons Manager');
    expect(entries[0]!.text).toContain('Ctrl+Shift+A');
    expect(await page.$eval('.private-tip', (e) => e.textContent)).toContain('Ctrl+Shift+P');
    // Where an extension has a page (here its homepage), "Open its page" opens it, hint kept.
    expect(entries[1]!.buttons).toContain('Open its page');
    expect(entries[1]!.text).toContain('Add-ons Manager');
    const opened = () => world.requests.filter((r) => r.host === 'control-site.test' && r.path === '/test-notes').length;
    const open = await page.waitForSelector('.conflict:nth-child(2) button::-p-text(Open its page)');
    await open!.click();
    await waitFor(() => opened() > 0, { what: 'the extension’s homepage opened in a tab' });
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  it('shows a major incident from the status page', async () => {
    world.setStatus(majorIncidentStatus());
    const page = await popup();
    await page.click('#status-check');
    await page.waitForSelector('.status-indicator[data-indicator="major"]', { timeout: 20_000 });
    const text = await page.$eval('.status-summary', (e) => e.textContent ?? '');
    expect(text).toContain('Major outage');
    expect(text).toContain('Elevated error rates in ChatGPT');
    expect(text).toContain('Conversations: major outage');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
