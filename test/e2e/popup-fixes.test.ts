import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, browserFixture, waitFor, type ExtensionPage } from '../support/driver';
import { routeCookieSites, setCookieSites } from '../support/cookie-sites';
import { majorIncidentStatus } from '../support/fake-status';
import { sendFrom, storedRecords } from '../support/recorder-checks';

/**
 * The popup's fixes, each run for real in each browser against the fake world on loopback. Where
 * the browsers differ the product does too: Firefox clears site data by `hostnames` and the cache
 * only as a whole, by explicit choice; it cannot disable other extensions, so their page (or the
 * Add-ons Manager hint) is offered instead of Disable.
 */
const BLOCKED = { chromium: 'net::ERR_BLOCKED_BY_CLIENT', firefox: 'NS_ERROR_ABORT' };
const PRIVATE_WINDOW_KEYS = { chromium: 'Ctrl+Shift+N', firefox: 'Ctrl+Shift+P' };

describe.each(BROWSERS)('popup fixes in %s', (name) => {
  const t = browserFixture(name, {
    extraExtensions: [resolve('test/fixtures/extensions/blocker'), resolve('test/fixtures/extensions/harmless')],
    prepare: routeCookieSites,
    chat: true,
  });
  const driver = () => t.driver();
  const chat = () => t.chat();
  const meLoads = () => t.world().requests.filter((r) => r.host === 'chatgpt.com' && r.path === '/backend-api/me').length;

  /** Every cookie in the profile, through the protocol: the extension itself may only see ChatGPT's. */
  async function allCookies(): Promise<string[]> {
    return (await driver().browser.cookies()).map((c) => `${c.name}@${c.domain}`);
  }

  async function popup(): Promise<ExtensionPage> {
    const page = await driver().open(`src/popup/index.html?tabId=${t.tabId()}`);
    await page.waitForSelector('main.popup', { timeout: 10_000 });
    await page.waitForSelector('#clear-site-data-start', { timeout: 10_000 }); // the fixes show without opening anything
    return page;
  }

  /** Opens the clear-site-data confirmation (by keyboard: Enter on the button) and returns the page. */
  async function confirmation(): Promise<ExtensionPage> {
    const page = await popup();
    await page.focus('#clear-site-data-start');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.confirm', { timeout: 10_000 });
    return page;
  }

  it('clears ChatGPT’s cookies and storage only, says who gets signed out, verifies and reloads ChatGPT', async () => {
    await setCookieSites(driver().browser, chat());
    const before = await allCookies();
    for (const cookie of [
      '__Secure-next-auth.session-token@chatgpt.com',
      'oai-did@chatgpt.com',
      'control@control-site.test',
      'platform@platform.openai.com',
      'chatold@chat.openai.com',
      'shared@.openai.com',
    ]) {
      expect(before).toContain(cookie);
    }
    // Leave ChatGPT on a page that sets no cookie, so the reload afterwards proves itself.
    await chat().goto('https://chatgpt.com/backend-api/me');
    const loadsBefore = meLoads();

    const page = await confirmation();
    // Focus lands on the question to answer.
    await waitFor(() => page.evaluate(() => document.activeElement?.id === 'clear-confirm-title'), { what: 'focus on the confirmation' });
    expect(await page.$$eval('.signed-out li', (li) => li.map((l) => l.textContent))).toEqual(['chatgpt.com', 'chat.openai.com']);
    const confirm = await page.$eval('.confirm', (e) => e.textContent ?? '');
    expect(confirm).toContain('platform.openai.com');
    if (name === 'firefox') {
      // No per-site cache in Firefox; the whole cache is a separate, unchecked choice.
      expect(confirm).toContain('Firefox cannot clear the cache of one site only');
      expect(confirm).toContain('Also clear the whole browser cache (all sites)');
      expect(await page.$eval('.confirm label:not(:has(#clear-reload)) input[type="checkbox"]', (e) => (e as HTMLInputElement).checked)).toBe(false);
    }
    expect(await allCookies()).toContain('oai-did@chatgpt.com'); // nothing removed before confirming
    expect(await page.$eval('#clear-reload', (e) => (e as HTMLInputElement).checked)).toBe(true);
    await page.click('#clear-site-data-confirm');
    await page.waitForSelector('.clear-report', { timeout: 20_000 });
    const report = await page.$eval('.clear-report', (e) => ({ verified: e.getAttribute('data-verified'), text: e.textContent ?? '' }));
    expect(report.verified).toBe('true');
    expect(report.text).toContain('no ChatGPT cookies are left');
    if (name === 'firefox') expect(report.text).toContain('The cache was not cleared');

    const after = await allCookies();
    expect(after.filter((c) => /chatgpt\.com$|^chatold@/.test(c))).toEqual([]);
    expect(after).toEqual(expect.arrayContaining(['control@control-site.test', 'platform@platform.openai.com', 'shared@.openai.com']));
    await waitFor(() => meLoads() > loadsBefore, { what: 'ChatGPT tab reload' });
    await chat().goto('https://chatgpt.com/oai-did');
    expect(await chat().evaluate(() => localStorage.getItem('edr-test'))).toBeNull();
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  // Firefox only: Chrome clears ChatGPT's own cache with its site data (browsingData `origins`), so
  // it has no whole-cache choice to offer.
  it.skipIf(name === 'chromium')('clears the whole cache when the user ticks it, and says so', async () => {
    const page = await confirmation();
    const wholeCache = '.confirm label:not(:has(#clear-reload)) input[type="checkbox"]';
    await page.click(wholeCache);
    await page.click('#clear-reload'); // no reload this time
    // Both choices must be in place before confirming (the confirm button reads them).
    await page.waitForFunction(
      (sel) => (document.querySelector(sel) as HTMLInputElement).checked && !(document.querySelector('#clear-reload') as HTMLInputElement).checked,
      { timeout: 5_000 },
      wholeCache,
    );
    await page.click('#clear-site-data-confirm');
    await page.waitForSelector('.clear-report', { timeout: 20_000 });
    expect(await page.$eval('.clear-report', (e) => e.textContent ?? '')).toContain('The whole browser cache was cleared.');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  it('lists the blocking extension first with its reason, the harmless one below, and offers what the browser allows', async () => {
    await chat().goto('https://chatgpt.com/');
    expect(await sendFrom(chat(), '/backend-api/blocked-by-test', 'GET')).toBe('error');
    await waitFor(async () => (await storedRecords(driver())).some((r) => r.error === BLOCKED[name]), { what: 'the blocked record' });

    const page = await popup();
    await page.click('#review-extensions');
    await page.waitForSelector('.conflict', { timeout: 10_000 });
    const entries = await page.$$eval('.conflict', (els) =>
      els.map((e) => ({
        name: e.querySelector('.conflict-name')!.textContent,
        reasons: e.querySelector('.reasons')!.textContent,
        text: e.textContent ?? '',
        buttons: [...e.querySelectorAll('button')].map((b) => b.textContent),
      })),
    );
    expect(entries.map((e) => e.name)).toEqual(['Test Ad Blocker', 'Test Notes']);
    expect(entries[0]!.reasons).toContain('ChatGPT requests were blocked by an extension 1 time,');
    expect(entries[0]!.reasons).toContain('Looks like an ad or content blocker.');
    expect(entries[0]!.reasons).toContain('Can block or rewrite requests (declarativeNetRequest).');
    expect(entries[1]!.reasons).toContain('No access to ChatGPT');
    expect(await page.$eval('.private-tip', (e) => e.textContent)).toContain(PRIVATE_WINDOW_KEYS[name]);

    if (name === 'chromium') {
      // "Open its page" goes to the extension's own entry in chrome://extensions.
      const open = await page.waitForSelector('.conflict:first-child button::-p-text(Open its page)');
      await open!.click();
      const manage = await driver().browser.waitForTarget((target) => target.url().startsWith('chrome://extensions/?id='), { timeout: 10_000 });
      await (await manage.page())?.close();

      const disable = await page.waitForSelector('.conflict:first-child button::-p-text(Disable)');
      await disable!.click();
      await page.waitForSelector('.conflict:first-child.is-disabled', { timeout: 10_000 });
      expect(await sendFrom(chat(), '/backend-api/blocked-by-test', 'GET')).toBe(200);
      const enable = await page.waitForSelector('.conflict:first-child button::-p-text(Re-enable)');
      await enable!.click();
      await page.waitForSelector('.conflict:first-child:not(.is-disabled)', { timeout: 10_000 });
      await waitFor(async () => (await sendFrom(chat(), '/backend-api/blocked-by-test', 'GET')) === 'error', { what: 'the blocker active again' });
    } else {
      // Firefox forbids management.setEnabled on other extensions: no Disable, the Add-ons Manager instead.
      expect(entries[0]!.buttons.join(' ')).not.toMatch(/Disable/);
      expect(entries[0]!.text).toContain('Add-ons Manager');
      expect(entries[0]!.text).toContain('Ctrl+Shift+A');
      // Where an extension has a page (here its homepage), "Open its page" opens it, hint kept.
      expect(entries[1]!.buttons).toContain('Open its page');
      expect(entries[1]!.text).toContain('Add-ons Manager');
      const opened = () => t.world().requests.filter((r) => r.host === 'control-site.test' && r.path === '/test-notes').length;
      const open = await page.waitForSelector('.conflict:nth-child(2) button::-p-text(Open its page)');
      await open!.click();
      await waitFor(() => opened() > 0, { what: 'the extension’s homepage opened in a tab' });
    }
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  it('reloads the ChatGPT tab and opens the report and the DevTools panel for it', async () => {
    await chat().goto('https://chatgpt.com/backend-api/me');
    const before = meLoads();
    const page = await popup();
    await page.click('#reload-chatgpt');
    // Past "Working…": the reload runs in the popup, its code loaded on the click.
    await page.waitForSelector(':is(.action-done, .action-failed) > #reload-chatgpt', { timeout: 10_000 });
    expect(await page.$eval('#reload-chatgpt + .action-status', (e) => e.textContent)).toBe('Reloaded 1 tab');
    await waitFor(() => meLoads() > before, { what: 'reload' });
    for (const [button, path] of [
      ['#open-report', 'src/pages/report.html'],
      ['#open-panel', 'src/devtools/panel.html'],
    ] as const) {
      await page.click(button);
      await (await driver().waitForPage(`${path}?tabId=${t.tabId()}`)).close();
    }
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  it('shows a major incident from the status page, and "unknown" with a reason for a malformed answer', async () => {
    t.world().setStatus(majorIncidentStatus());
    const page = await popup();
    // Forget the blocked requests of the earlier test: with them the verdict rightly blames the blocker.
    expect(await driver().call('log/clear')).toMatchObject({ ok: true });
    // The cleared log changes the verdict's card, which moves the status section: a click aimed
    // before that lands elsewhere. It did in Firefox (3 of 17 runs on 2026-12-04: the page was
    // never asked again), so the click waits for the popup to show the cleared log.
    await page.waitForSelector('.verdict.side-none', { timeout: 10_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.click('#status-check');
    // On a timeout, say what the popup showed, what was stored and what the status page was asked.
    await page.waitForSelector('.status-indicator[data-indicator="major"]', { timeout: 20_000 }).catch(async (error: Error) => {
      const shown = await page.$eval('#fix-status', (el) => el.textContent ?? '').catch(() => '(no #fix-status)');
      const storedStatus = JSON.stringify((await driver().storage(['status'])).status).slice(0, 300);
      const asked = t
        .world()
        .requests.filter((r) => r.host === 'status.openai.com')
        .map((r) => `${r.path}@${r.time}:${r.status}`);
      throw new Error(`${error.message}; the popup showed ${JSON.stringify(shown)}; stored ${storedStatus}; status page asked ${asked.join(' ')}`);
    });
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

    t.world().setStatus({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"page":{"id":"x"},"status":{"indicator":' });
    await page.waitForSelector('#status-check + .action-status:not(:empty)');
    await page.click('#status-check');
    await page.waitForSelector('.status-indicator[data-indicator="unknown"]', { timeout: 20_000 });
    const unknown = await page.$eval('.status-summary', (e) => e.textContent ?? '');
    expect(unknown).toContain('Status unknown:');
    expect(unknown).toMatch(/could not be read|unexpected shape/);
    expect(unknown).not.toContain('Major outage');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
