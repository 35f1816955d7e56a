import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCookieSites, setCookieSites } from '../../support/cookie-sites';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, waitFor, type FirefoxSession } from '../../support/firefox';
import { openChatTab, sendFrom, storedRecords } from '../../support/recorder-checks';
import { PANEL_SIZES, firstScreen, fontSizes, headerHeights, pathCells, seedLog, storm, tabsToClear } from '../../support/ui-checks';

/** Issue 14 in Firefox ESR: the same checks as test/e2e/ui-first-screen.test.ts (support/ui-checks.ts). */
describe('popup and panel as a user meets them, in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let chat: Page;
  let tabId: number;

  beforeAll(async () => {
    world = await startFakeWorld();
    routeCookieSites(world);
    session = await launchFirefox(world);
    ({ chat, tabId } = await openChatTab(session));
  });
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it("over another tab: every ChatGPT tab's failures, said so, no 'This tab'; 13 px body text", async () => {
    for (let i = 0; i < 8; i++) expect(await sendFrom(chat, `/backend-api/status/500?n=${i}`, 'GET')).toBe(500);
    await waitFor(async () => (await storedRecords(session)).length >= 8, { what: 'eight failures' });
    // Without ?tabId= the popup is about the active tab: its own, not ChatGPT's.
    const popup = await session.openExtensionPage('src/popup/index.html');
    await popup.setViewport({ width: 400, height: 600 });
    const note = await popup.waitForSelector('.scope-note', { timeout: 15_000 });
    expect(await note!.evaluate((e) => e.textContent)).toBe('Your ChatGPT tab has 8 failures.');
    expect(await popup.$('.tabs-switch')).toBeNull();
    await popup.waitForSelector('.verdict[data-cause]');
    const sizes = await fontSizes(popup);
    expect(sizes.body).toBe('13px');
    expect(sizes.text).toBe('13px');
    expect(parseFloat(sizes.headline)).toBeGreaterThan(parseFloat(sizes.h2));
    expect(await popup.errors()).toEqual([]);
    await popup.close();
  });

  it('with 1,000 failures stored: the three fixes in the first screen; the clear at most 5 Tab presses away; cookies cleared in 2 clicks', async () => {
    await seedLog(session, storm(tabId, Date.now()));
    await setCookieSites(session.browser, chat);
    const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    await popup.setViewport({ width: 400, height: 600 });
    await popup.waitForSelector('#fix-status .status-indicator', { timeout: 15_000 });
    expect(await firstScreen(popup)).toEqual({ clear: true, extensions: true, status: true });
    const presses = await tabsToClear(popup);
    console.log(`Tab presses from opening to the clear button (Firefox): ${presses}`);
    expect(presses).toBeLessThanOrEqual(5);
    await popup.click('#clear-site-data-start');
    await popup.waitForSelector('#clear-site-data-confirm', { timeout: 10_000 });
    await popup.click('#clear-site-data-confirm');
    await popup.waitForSelector('.clear-report', { timeout: 20_000 });
    await popup.close();
  });

  it.each(PANEL_SIZES)("the panel at $width x $height: every visible row shows its path's last segment, headers on one line", async (size) => {
    await seedLog(session, storm(tabId, Date.now()));
    const panel = await session.openExtensionPage(`src/devtools/panel.html?tabId=${tabId}`);
    await panel.setViewport({ ...size, deviceScaleFactor: 1 });
    await panel.waitForSelector('tr.failure-row', { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 300));
    const cells = await pathCells(panel);
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).toMatchObject({ shown: expect.stringContaining(cell.last), whole: true });
    const row = await panel.$eval('tr.failure-row', (r) => Math.round(r.getBoundingClientRect().height));
    for (const h of await headerHeights(panel)) expect(h).toBeLessThanOrEqual(row + 1);
    expect(await panel.$('.details')).toBeNull();
    await panel.close();
  });
});
