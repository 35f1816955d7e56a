import { describe, expect, it } from 'vitest';
import { routeCookieSites, setCookieSites } from '../support/cookie-sites';
import { BROWSERS, browserFixture, waitFor } from '../support/driver';
import { sendFrom, storedRecords } from '../support/recorder-checks';
import { LONG_PATH, PANEL_SIZES, firstScreen, fontSizes, headerHeights, pathCells, seedLog, storm, tabsToClear } from '../support/ui-checks';

/** Issue 14 as a user meets it, in both browsers: the popup from any tab, fixes in the first screen, type, the panel at DevTools sizes. */
describe.each(BROWSERS)('popup and panel at first sight in %s', (name) => {
  const t = browserFixture(name, { prepare: routeCookieSites, chat: true });
  const driver = () => t.driver();

  it("over another tab: every ChatGPT tab's failures, said so, no 'This tab'; 13 px body text; the headline the largest", async () => {
    for (let i = 0; i < 8; i++) expect(await sendFrom(t.chat(), `/backend-api/status/500?n=${i}`, 'GET')).toBe(500);
    await waitFor(async () => (await storedRecords(driver())).length >= 8, { what: 'eight failures' });
    // Without ?tabId= the popup is about the active tab: here its own, which is not ChatGPT's.
    const popup = await driver().open('src/popup/index.html');
    await popup.setViewport({ width: 400, height: 600 });
    const note = await popup.waitForSelector('.scope-note', { timeout: 15_000 });
    expect(await note!.evaluate((e) => e.textContent)).toBe('Your ChatGPT tab has 8 failures.');
    expect(await popup.$('.tabs-switch')).toBeNull();
    await popup.waitForSelector('.verdict[data-cause]');
    expect(await popup.$eval('.verdict', (e) => e.getAttribute('data-cause'))).not.toBe('all-clear');
    const sizes = await fontSizes(popup);
    expect(sizes.body).toBe('13px');
    expect(sizes.text).toBe('13px');
    expect(parseFloat(sizes.headline)).toBeGreaterThan(parseFloat(sizes.h2));
    expect(await popup.errors()).toEqual([]);
    await popup.close();
  });

  it('with 1,000 failures stored: the three fixes in the first 400x600 screen; the clear at most 5 Tab presses away; cookies cleared in 2 clicks', async () => {
    await seedLog(driver(), storm(t.tabId(), Date.now()));
    await setCookieSites(driver().browser, t.chat());
    const popup = await driver().open(`src/popup/index.html?tabId=${t.tabId()}`);
    await popup.setViewport({ width: 400, height: 600 });
    await popup.waitForSelector('#fix-status .status-indicator', { timeout: 15_000 });
    expect(await firstScreen(popup)).toEqual({ clear: true, extensions: true, status: true });
    const presses = await tabsToClear(popup);
    console.log(`Tab presses from opening to the clear button (${name}): ${presses}`);
    expect(presses).toBeLessThanOrEqual(5);
    // By mouse: click 1 the button, click 2 the confirmation; the result shows in place.
    await popup.click('#clear-site-data-start');
    await popup.waitForSelector('#clear-site-data-confirm', { timeout: 10_000 });
    await popup.click('#clear-site-data-confirm');
    await popup.waitForSelector('.clear-report', { timeout: 20_000 });
    await popup.close();
  });

  it.each(PANEL_SIZES)("the panel at $width x $height: every visible row shows its path's last segment, headers on one line", async (size) => {
    await seedLog(driver(), storm(t.tabId(), Date.now()));
    const panel = await driver().open(`src/devtools/panel.html?tabId=${t.tabId()}`);
    await panel.setViewport({ ...size, deviceScaleFactor: 1 });
    await panel.waitForSelector('tr.failure-row', { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 300));
    const cells = await pathCells(panel);
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).toMatchObject({ shown: expect.stringContaining(cell.last), whole: true });
    const row = await panel.$eval('tr.failure-row', (r) => Math.round(r.getBoundingClientRect().height));
    for (const h of await headerHeights(panel)) expect(h).toBeLessThanOrEqual(row + 1);
    // The details pane appears only once a row is selected; the chart folds away on short panels.
    expect(await panel.$('.details')).toBeNull();
    expect(await panel.$eval('.rate-chart', (e) => getComputedStyle(e).display !== 'none').catch(() => false)).toBe(size.height >= 560);
    // The long path, shortened in the middle: its last segment still whole.
    await panel.type('.text-filter', 'textdocs');
    await panel.waitForFunction(() => [...document.querySelectorAll('tr.failure-row .path-text')].every((p) => p.getAttribute('title')?.includes('textdocs')), {
      timeout: 5000,
    });
    const long = await pathCells(panel);
    expect(long.length).toBeGreaterThan(0);
    for (const cell of long) expect(cell, JSON.stringify(cell)).toMatchObject({ last: 'latest', shown: 'latest', whole: true });
    expect(LONG_PATH.endsWith(long[0]!.last)).toBe(true);
    await panel.click('tr.failure-row');
    await panel.waitForSelector('.details[data-record-id]', { timeout: 10_000 });
    await panel.close();
  });
});
