import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { waitFor, type ExtensionGlobal } from '../support/chromium';
import { chromiumFixture } from '../support/chromium-fixture';
import { routeCookieSites, setCookieSites } from '../support/cookie-sites';
import { majorIncidentStatus } from '../support/fake-status';
import { sendFrom } from '../support/recorder-checks';
import { readStoredLog } from '../support/stored-log';

/** The popup's fixes, each run for real in Chromium against the fake world on loopback. */
interface Cookie {
  name: string;
  domain: string;
}

describe('popup fixes in Chromium', () => {
  const { world, session, chat, tabId } = chromiumFixture(
    { extraExtensions: [resolve('test/fixtures/extensions/blocker'), resolve('test/fixtures/extensions/harmless')] },
    { prepare: routeCookieSites, chat: true },
  );

  const send = (page: Page, path: string, method = 'GET') => sendFrom(page, path, method);

  /** Every cookie in the profile, through CDP: the extension itself may only see ChatGPT's. */
  async function allCookies(): Promise<Cookie[]> {
    const page = (await session().browser.pages())[0]!;
    const cdp = await page.createCDPSession();
    const { cookies } = (await cdp.send('Storage.getCookies')) as { cookies: Cookie[] };
    await cdp.detach();
    return cookies;
  }

  async function popup(): Promise<Page> {
    const page = await session().openExtensionPage(`src/popup/index.html?tabId=${tabId()}`);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    (page as unknown as { errors: string[] }).errors = errors;
    await page.waitForSelector('main.popup', { timeout: 10_000 });
    await page.waitForSelector('#clear-site-data-start', { timeout: 10_000 }); // the fixes show without opening anything
    return page;
  }


  it('clears ChatGPT cookies and storage only, says who gets signed out, verifies and reloads ChatGPT', async () => {
    await setCookieSites(session().browser, chat());
    const before = await allCookies();
    for (const name of ['__Secure-next-auth.session-token', 'oai-did', 'control', 'platform', 'chatold', 'shared']) expect(before.map((c) => c.name)).toContain(name);
    // Leave ChatGPT on a page that sets no cookie, so the reload afterwards proves itself.
    await chat().goto('https://chatgpt.com/backend-api/me');
    const loadsBefore = world().requests.filter((r) => r.host === 'chatgpt.com' && r.path === '/backend-api/me').length;

    const page = await popup();
    // The section's code loads when it is first opened.
    await page.waitForSelector('#clear-site-data-start', { timeout: 10_000 });
    // By keyboard: Enter on the button, then focus lands on the question to answer.
    await page.focus('#clear-site-data-start');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.confirm', { timeout: 10_000 });
    await waitFor(() => page.evaluate(() => document.activeElement?.id === 'clear-confirm-title'), { what: 'focus on the confirmation' });
    expect(await page.$$eval('.signed-out li', (li) => li.map((l) => l.textContent))).toEqual(['chatgpt.com', 'chat.openai.com']);
    expect(await page.$eval('.confirm', (e) => e.textContent)).toContain('platform.openai.com');
    expect((await allCookies()).some((c) => c.name === 'oai-did')).toBe(true); // nothing removed before confirming
    expect(await page.$eval('#clear-reload', (e) => (e as HTMLInputElement).checked)).toBe(true);
    await page.click('#clear-site-data-confirm');
    await page.waitForSelector('.clear-report', { timeout: 20_000 });
    const report = await page.$eval('.clear-report', (e) => ({ verified: e.getAttribute('data-verified'), text: e.textContent }));
    expect(report.verified).toBe('true');
    expect(report.text).toContain('no ChatGPT cookies are left');

    const after = (await allCookies()).map((c) => `${c.name}@${c.domain}`);
    expect(after.some((c) => /chatgpt\.com$/.test(c))).toBe(false);
    expect(after.some((c) => c.startsWith('chatold@'))).toBe(false);
    expect(after).toContain('control@control-site.test');
    expect(after).toContain('platform@platform.openai.com');
    expect(after).toContain('shared@.openai.com');
    await waitFor(() => world().requests.filter((r) => r.host === 'chatgpt.com' && r.path === '/backend-api/me').length > loadsBefore, { what: 'ChatGPT tab reload' });
    await chat().goto('https://chatgpt.com/oai-did');
    expect(await chat().evaluate(() => localStorage.getItem('edr-test'))).toBeNull();
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('lists the blocking extension first with its reason, the harmless one below, and disabling it really unblocks ChatGPT', async () => {
    await chat().goto('https://chatgpt.com/');
    expect(await send(chat(), '/backend-api/blocked-by-test')).toBe('error');
    await waitFor(async () => JSON.stringify((await readStoredLog(session())).records).includes('ERR_BLOCKED_BY_CLIENT'), { what: 'the blocked record' });

    const page = await popup();
    await page.click('#review-extensions');
    await page.waitForSelector('.conflict', { timeout: 10_000 });
    const entries = await page.$$eval('.conflict', (els) => els.map((e) => ({ name: e.querySelector('.conflict-name')!.textContent, reasons: e.querySelector('.reasons')!.textContent })));
    expect(entries.map((e) => e.name)).toEqual(['Test Ad Blocker', 'Test Notes']);
    expect(entries[0]!.reasons).toContain('ChatGPT requests were blocked by an extension 1 time,');
    expect(entries[0]!.reasons).toContain('Looks like an ad or content blocker.');
    expect(entries[0]!.reasons).toContain('Can block or rewrite requests (declarativeNetRequest).');
    expect(entries[1]!.reasons).toContain('No access to ChatGPT');
    expect(await page.$eval('.private-tip', (e) => e.textContent)).toContain('Ctrl+Shift+N');

    // "Open its page" goes to the extension's own entry in chrome://extensions.
    const open = await page.waitForSelector('.conflict:first-child button::-p-text(Open its page)');
    await open!.click();
    const manage = await session().browser.waitForTarget((t) => t.url().startsWith('chrome://extensions/?id='), { timeout: 10_000 });
    await (await manage.page())?.close();

    const disable = await page.waitForSelector('.conflict:first-child button::-p-text(Disable)');
    await disable!.click();
    await page.waitForSelector('.conflict:first-child.is-disabled', { timeout: 10_000 });
    expect(await send(chat(), '/backend-api/blocked-by-test')).toBe(200);
    const enable = await page.waitForSelector('.conflict:first-child button::-p-text(Re-enable)');
    await enable!.click();
    await page.waitForSelector('.conflict:first-child:not(.is-disabled)', { timeout: 10_000 });
    await waitFor(async () => (await send(chat(), '/backend-api/blocked-by-test')) === 'error', { what: 'the blocker active again' });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('reloads the ChatGPT tab and opens the report and the DevTools panel for it', async () => {
    await chat().goto('https://chatgpt.com/backend-api/me');
    const loads = () => world().requests.filter((r) => r.host === 'chatgpt.com' && r.path === '/backend-api/me').length;
    const before = loads();
    const page = await popup();
    await page.click('#reload-chatgpt');
    // Past "Working…": the reload runs in the popup, its code loaded on the click.
    await page.waitForSelector(':is(.action-done, .action-failed) > #reload-chatgpt', { timeout: 10_000 });
    expect(await page.$eval('#reload-chatgpt + .action-status', (e) => e.textContent)).toBe('Reloaded 1 tab');
    await waitFor(() => loads() > before, { what: 'reload' });
    for (const [button, path] of [['#open-report', 'src/pages/report.html'], ['#open-panel', 'src/devtools/panel.html']] as const) {
      await page.click(button);
      const target = await session().browser.waitForTarget((t) => t.url().includes(`${path}?tabId=${tabId()}`), { timeout: 10_000 });
      await (await target.page())?.close();
    }
    await page.close();
  });

  it('shows a major incident from the status page, and "unknown" with a reason for a malformed answer', async () => {
    world().setStatus(majorIncidentStatus());
    const page = await popup();
    // Forget the blocked requests of the earlier test: with them the verdict rightly blames the blocker.
    await page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ edr: 1, type: 'log/clear', params: {} }));
    await page.click('#status-check');
    await page.waitForSelector('.status-indicator[data-indicator="major"]', { timeout: 20_000 });
    const text = await page.$eval('.status-summary', (e) => e.textContent ?? '');
    expect(text).toContain('Major outage');
    expect(text).toContain('Elevated error rates in ChatGPT');
    expect(text).toContain('We have identified the cause');
    expect(text).toContain('Conversations: major outage');
    // The verdict says it is OpenAI's side, and other assistants are offered under it.
    await page.waitForSelector('.verdict.side-openai', { timeout: 10_000 });
    // Their code loads once the verdict says outage.
    await page.waitForSelector('.alternatives li a', { timeout: 10_000 });
    expect(await page.$$eval('.alternatives li a', (a) => a.length)).toBeGreaterThan(0);

    world().setStatus({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"page":{"id":"x"},"status":{"indicator":' });
    await page.waitForSelector('#status-check + .action-status:not(:empty)');
    await page.click('#status-check');
    await page.waitForSelector('.status-indicator[data-indicator="unknown"]', { timeout: 20_000 });
    const unknown = await page.$eval('.status-summary', (e) => e.textContent ?? '');
    expect(unknown).toContain('Status unknown:');
    expect(unknown).toMatch(/could not be read|unexpected shape/);
    expect(unknown).not.toContain('Major outage');
    await page.close();
  });
});
