import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { testCerts } from '../support/certs';
import { browserFixture, waitFor } from '../support/driver';
import type { FakeWorld } from '../support/fake-world';

/**
 * "Clear cookies & cache for ChatGPT" really empties ChatGPT's caches in Chromium: an HTTP cache
 * entry and a Cache Storage entry of https://chatgpt.com, each seen there before the click and
 * gone after it, while another site's HTTP cache entry stays. (The popup-fixes test checks the
 * cookies and localStorage; Firefox cannot clear one site's cache, README "Firefox differences".)
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

describe('clearing ChatGPT’s cache in Chromium', () => {
  const home = homeTrustingTestCa();
  const t = browserFixture('chromium', { chromium: { env: { HOME: home } }, prepare: routeCacheable, chat: true });
  const [world, chat, tabId] = [t.world, t.chat, t.tabId];
  const driver = t.driver;
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('empties the HTTP cache and Cache Storage of chatgpt.com, and leaves another site’s cache', async () => {
    const served = () => world().requests.filter((r) => r.path === CACHED).length;
    await chat().evaluate((path: string) => fetch(path).then((r) => r.text()), CACHED);
    await chat().evaluate(async () => (await caches.open('edr-test')).put('/edr-cache-storage', new Response('stored')));
    const control = await driver().browser.newPage();
    await control.goto('https://control-site.test/');
    await control.evaluate((path: string) => fetch(path).then((r) => r.text()), CACHED);
    const before = served();
    // The checks can fail: each entry is there now, read without the network.
    expect(await inHttpCache(chat())).toBe(true);
    expect(await inHttpCache(control)).toBe(true);
    expect(await cacheStorageKeys(chat())).toEqual(['edr-test /edr-cache-storage']);
    expect(served()).toBe(before);

    const popup = await driver().open(`src/popup/index.html?tabId=${tabId()}`);
    await popup.waitForSelector('#clear-site-data-start', { timeout: 10_000 });
    await popup.click('#clear-site-data-start');
    await popup.waitForSelector('#clear-site-data-confirm', { timeout: 10_000 });
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
    expect(await inHttpCache(chat())).toBe(false);
    expect(await cacheStorageKeys(chat())).toEqual([]);
    expect(await inHttpCache(control)).toBe(true);
    await control.close();
  });
});
