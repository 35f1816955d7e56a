/**
 * The checks issue 14 asks of the popup and the panel, as seen in a real browser: one piece of
 * code for Chromium and Firefox (test/e2e/ui-first-screen.test.ts)
 * and the storm of stored failures `npm run screenshots` also shows.
 */
import type { Frame, Page } from 'puppeteer-core';
import type { ErrorRecord } from '../../src/core/error-record';
import { makeRecord } from './records';
import type { Driver } from './driver';
import { storedLogItems } from './stored-log';

/** The long path a narrow panel must shorten in the middle, keeping its last segment. */
export const LONG_PATH = '/backend-api/conversation/6751f0c2-8a1e-8000-b2c4-5b0e1d7a9c3f/textdocs/67520a11/versions/latest';

/** 1,000 failures of the last ten minutes in one tab (every 50th on LONG_PATH). */
export function storm(tabId: number, now: number, count = 1000): ErrorRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    ...makeRecord(i, { time: now - (count - i) * 600 }),
    id: `s${i}`,
    tabId,
    ...(i % 50 === 49 ? { path: LONG_PATH } : {}),
  }));
}

/** Writes `records` as the stored log (through an extension page) and asks for a status check. */
export async function seedLog(driver: Pick<Driver, 'ext'>, records: readonly ErrorRecord[]): Promise<void> {
  await driver.ext(async (api, items: Record<string, unknown>) => {
    await api.storage.local.set(items);
    await api.runtime.sendMessage({ edr: 1, type: 'status/check', params: { force: true } }).catch(() => undefined);
  }, storedLogItems(records));
}

/** Tab presses from a freshly opened page (focus on the document) to the clear button. */
export async function tabsToClear(page: Page): Promise<number> {
  await page.waitForSelector('#clear-site-data-start', { timeout: 15_000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 1; presses <= 40; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === 'clear-site-data-start') return presses;
  }
  return Number.POSITIVE_INFINITY;
}

/** Computed font sizes: body, a paragraph of the verdict, and the verdict's headline. */
export function fontSizes(page: Page): Promise<{ body: string; text: string; headline: string; h2: string }> {
  return page.evaluate(() => {
    const size = (sel: string) => getComputedStyle(document.querySelector(sel) ?? document.body).fontSize;
    return { body: size('body'), text: size('.verdict-fix'), headline: size('.verdict-title'), h2: size('#fixes-title') };
  });
}

/** Whether the clear, the extensions and the status are in the first screen (no scrolling, nothing opened). */
export function firstScreen(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(() => {
    const inView = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    };
    return { clear: inView('#clear-site-data-start'), extensions: inView('#fix-conflicts .suspects'), status: inView('#fix-status .status-indicator') };
  });
}

/** The text of each row the panel's table shows (in a page, or in the panel's frame inside DevTools). */
export const rowTexts = (frame: Page | Frame) => frame.$$eval('tr.failure-row', (rows) => rows.map((r) => r.textContent ?? ''));

/** Per visible row: the path's last segment, and whether the cell shows it whole. */
export function pathCells(page: Page): Promise<Array<{ last: string; shown: string; whole: boolean }>> {
  return page.$$eval('tr.failure-row td.c-url', (cells) =>
    cells
      .filter((c) => c.getBoundingClientRect().bottom <= window.innerHeight)
      .map((c) => {
        const full = c.querySelector('.path-text')!.getAttribute('title')!;
        const last = full.split('/').filter(Boolean).pop()!;
        const tail = c.querySelector<HTMLElement>('.path-tail')!;
        const cell = c.getBoundingClientRect();
        const r = tail.getBoundingClientRect();
        return { last, shown: tail.textContent ?? '', whole: r.width > 0 && tail.scrollWidth <= tail.clientWidth + 1 && r.right <= cell.right + 1 };
      }),
  );
}

/** The panel's column headers each on one line (a header that wrapped is taller than a row). */
export function headerHeights(page: Page): Promise<number[]> {
  return page.$$eval('.failure-table th', (ths) =>
    ths.filter((th) => th.getBoundingClientRect().width > 0).map((th) => Math.round(th.getBoundingClientRect().height)),
  );
}

export const PANEL_SIZES = [
  { width: 800, height: 500 },
  { width: 1000, height: 420 },
  { width: 1280, height: 600 },
] as const;
