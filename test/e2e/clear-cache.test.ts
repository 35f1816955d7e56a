import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { testCerts } from '../support/certs';
import { BROWSERS, browserFixture, waitFor, type Driver } from '../support/driver';
import type { FakeWorld } from '../support/fake-world';

/**
 * What "Clear cookies & cache for ChatGPT" really empties, in each browser, read from the pages
 * themselves (an HTTP cache entry and a Cache Storage entry of https://chatgpt.com, and another
 * site's HTTP cache entry), each seen before the click. The popup-fixes test checks the cookies
 * and localStorage.
 * - Chromium: ChatGPT's HTTP cache and Cache Storage go, the other site's cache stays.
 * - Firefox (`browsingData.remove` takes `hostnames`, which do not apply to the HTTP cache, and
 *   has no `cacheStorage` type): without the whole-cache tick both HTTP cache entries stay;
 *   with it, both go (the whole cache, every site). ChatGPT's Cache Storage stays either way.
 */
const CACHED = '/edr-cacheable.js';

/** A response the HTTP cache keeps for an hour (the fake world answers no-store otherwise). */
function routeCacheable(world: FakeWorld): void {
  for (const host of ['chatgpt.com', 'control-site.test']) {
    world.route(host, CACHED, () => ({
      status: 200,
      headers: { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=3600' },
      body: '// cached',
    }));
  }
}

/** Whether `page`'s origin has CACHED in the HTTP cache: `only-if-cached` answers from the cache alone, never the network. */
const inHttpCache = (page: Page) =>
  page.evaluate(
    (path: string) =>
      fetch(path, { cache: 'only-if-cached', mode: 'same-origin' }).then(
        (r) => r.ok,
        () => false,
      ),
    CACHED,
  );
const cacheStorageKeys = (page: Page) =>
  page.evaluate(async () =>
    (
      await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => `${name} ${new URL(r.url).pathname}`)))
    ).flat(),
  );

/**
 * A HOME whose NSS store (where Chromium on Linux looks) trusts the throwaway test CA: Chromium
 * keeps nothing in its HTTP cache from a site whose certificate had an error, even one ignored
 * with --ignore-certificate-errors (measured: the entry was never cached).
 */
function homeTrustingTestCa(): string {
  const home = mkdtempSync(join(tmpdir(), 'edr-home-'));
  const db = join(home, '.pki', 'nssdb');
  mkdirSync(db, { recursive: true });
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${db}`], { stdio: 'pipe' });
  execFileSync('certutil', ['-A', '-n', 'edr-test-ca', '-t', 'C,,', '-i', testCerts().caCertPath, '-d', `sql:${db}`], { stdio: 'pipe' });
  return home;
}

/** Fills the three entries and checks that each is there now, read without the network. */
async function fillCaches(world: FakeWorld, chat: Page, control: Page): Promise<void> {
  const served = () => world.requests.filter((r) => r.path === CACHED).length;
  await chat.evaluate((path: string) => fetch(path).then((r) => r.text()), CACHED);
  await chat.evaluate(async () => (await caches.open('edr-test')).put('/edr-cache-storage', new Response('stored')));
  await control.evaluate((path: string) => fetch(path).then((r) => r.text()), CACHED);
  const before = served();
  // The checks can fail: each entry is there now, read without the network.
  expect(await inHttpCache(chat)).toBe(true);
  expect(await inHttpCache(control)).toBe(true);
  expect(await cacheStorageKeys(chat)).toEqual(['edr-test /edr-cache-storage']);
  expect(served()).toBe(before);
}

/** Confirms the clear in the popup (ticking Firefox's whole-cache choice if asked), then waits for ChatGPT's reloaded tab. */
async function clearFromPopup(driver: Driver, chat: () => Page, tabId: number, wholeCache = false): Promise<void> {
  const popup = await driver.open(`src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('#clear-site-data-start', { timeout: 10_000 });
  await popup.click('#clear-site-data-start');
  await popup.waitForSelector('#clear-site-data-confirm', { timeout: 10_000 });
  if (wholeCache) {
    const tick = '.confirm label:not(:has(#clear-reload)) input[type="checkbox"]';
    await popup.click(tick);
    await popup.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement).checked, { timeout: 5_000 }, tick);
  }
  await popup.click('#clear-site-data-confirm');
  await popup.waitForSelector('.clear-report', { timeout: 20_000 });
  await popup.close();
  // The fix reloads ChatGPT's tab; read the caches from the reloaded page.
  await waitFor(
    () =>
      chat()
        .evaluate(() => document.readyState === 'complete')
        .catch(() => false),
    { what: 'the reloaded ChatGPT tab' },
  );
}

describe.each(BROWSERS)('clearing ChatGPT’s cache in %s', (name) => {
  const home = homeTrustingTestCa();
  const t = browserFixture(name, { chromium: { env: { HOME: home } }, prepare: routeCacheable, chat: true });
  const [world, chat, tabId, driver] = [t.world, t.chat, t.tabId, t.driver];
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it.skipIf(name === 'firefox')('empties the HTTP cache and Cache Storage of chatgpt.com, and leaves another site’s cache', async () => {
    const control = await driver().browser.newPage();
    await control.goto('https://control-site.test/');
    await fillCaches(world(), chat(), control);
    await clearFromPopup(driver(), chat, tabId());
    expect(await inHttpCache(chat())).toBe(false);
    expect(await cacheStorageKeys(chat())).toEqual([]);
    expect(await inHttpCache(control)).toBe(true);
    await control.close();
  });

  it.skipIf(name === 'chromium')('without the tick the HTTP cache stays; with it every site’s HTTP cache goes; Cache Storage stays', async () => {
    const control = await driver().browser.newPage();
    await control.goto('https://control-site.test/');
    await fillCaches(world(), chat(), control);

    await clearFromPopup(driver(), chat, tabId());
    // Firefox has no per-site cache clear: both HTTP cache entries stay, as the confirmation says.
    expect(await inHttpCache(chat())).toBe(true);
    expect(await inHttpCache(control)).toBe(true);
    // Cache Storage stays too, and no data type can empty it: Firefox rejects `cacheStorage`
    // ("Unexpected property"), and `indexedDB`, `localStorage`, `serviceWorkers`, `cookies`, `cache`
    // by `hostnames` (and `indexedDB` or `cache` for all sites) each left the entry (measured in
    // Firefox ESR 153). The confirmation does not list it for Firefox.
    expect(await cacheStorageKeys(chat())).toEqual(['edr-test /edr-cache-storage']);

    await clearFromPopup(driver(), chat, tabId(), true);
    // The whole cache: ChatGPT's entry goes, and so does the other site's.
    expect(await inHttpCache(chat())).toBe(false);
    expect(await inHttpCache(control)).toBe(false);
    expect(await cacheStorageKeys(chat())).toEqual(['edr-test /edr-cache-storage']);
    await control.close();
  });
});
