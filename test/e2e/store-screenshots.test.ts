import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitFor, type ChromiumSession } from '../support/chromium';
import { startFakeWorld, type FakeWorld } from '../support/fake-world';
import { readStoredLog } from '../support/stored-log';

/**
 * The store screenshots (1280×800, what both stores take), from the built-in demo: the fake
 * ChatGPT that fails now and then (`npm start`), the real extension in Chromium. Written to
 * test/screenshots/store/ on every e2e run; src/store/listing.md uses them.
 */
const DIR = 'test/screenshots/store';
const SIZE = { width: 1280, height: 800 };

/** PNG width and height, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('store screenshots from the demo', () => {
  let world: FakeWorld;
  let session: ChromiumSession;
  let chat: Page;
  let tabId: number;

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    world = await startFakeWorld({ demo: true });
    session = await launchChromium(world);
    chat = await session.browser.newPage();
    await chat.setViewport({ ...SIZE, deviceScaleFactor: 1 });
    await chat.goto('https://chatgpt.com/');
    tabId = await session.tabIdOf('https://chatgpt.com/*');
    // The demo page fails every few seconds by itself; four failures make a full popup.
    await waitFor(async () => (await readStoredLog(session)).records.length >= 4, { timeoutMs: 60_000, what: 'four recorded failures from the demo' });
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  /** `page` as the user sees it, at `size`, as a base64 PNG. */
  async function shot(page: Page, size: { width: number; height: number }): Promise<string> {
    await page.setViewport({ ...size, deviceScaleFactor: 1 });
    await new Promise((r) => setTimeout(r, 400));
    return (await page.screenshot({ encoding: 'base64' })) as string;
  }

  /**
   * One 1280×800 picture: ChatGPT with its error on the left, the toolbar popup (400×600) open on
   * its right, as on a desktop. Composed by Chromium itself from the two screenshots.
   */
  async function compose(file: string, background: string, popup: string): Promise<string> {
    const canvas = await session.browser.newPage();
    await canvas.setViewport({ ...SIZE, deviceScaleFactor: 1 });
    await canvas.setContent(
      `<body style="margin:0;position:relative;width:1280px;height:800px;overflow:hidden">` +
        `<img src="data:image/png;base64,${background}" style="position:absolute;inset:0">` +
        `<img src="data:image/png;base64,${popup}" style="position:absolute;top:16px;right:24px;border-radius:8px;box-shadow:0 8px 32px rgb(0 0 0 / .35)">` +
        `</body>`,
    );
    await canvas.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    const path = join(DIR, file);
    await canvas.screenshot({ path: path as `${string}.png` });
    await canvas.close();
    return path;
  }

  it('the popup over ChatGPT’s error', async () => {
    const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.verdict:not(.verdict-loading)', { timeout: 15_000 });
    await popup.waitForSelector('.failure', { timeout: 15_000 });
    const popupPng = await shot(popup, { width: 400, height: 600 });
    await popup.close();
    await chat.bringToFront();
    const path = await compose('1-popup.png', await shot(chat, SIZE), popupPng);
    expect(pngSize(path)).toEqual(SIZE);
  });

  it.each([
    ['2-panel.png', `src/devtools/panel.html?tabId=`, '.failure-table, table, [role="grid"]'],
    ['3-troubleshooter.png', `src/pages/troubleshooter.html?tabId=`, 'main'],
    ['4-report.png', `src/pages/report.html?tabId=`, 'main'],
  ])('%s', async (file, page, ready) => {
    const tab = await session.openExtensionPage(`${page}${tabId}`);
    await tab.setViewport({ ...SIZE, deviceScaleFactor: 1 });
    await tab.waitForSelector(ready, { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 800));
    const path = join(DIR, file);
    await tab.screenshot({ path: path as `${string}.png` });
    await tab.close();
    expect(pngSize(path)).toEqual(SIZE);
  });

  it('the settings link to the privacy policy shipped in the extension', async () => {
    const options = await session.openExtensionPage('src/pages/options.html');
    const link = await options.waitForSelector('a#privacy-policy', { timeout: 10_000 });
    await link!.click();
    const target = await session.browser.waitForTarget((t) => t.url() === `chrome-extension://${session.extensionId}/privacy.html`, { timeout: 10_000 });
    const policy = (await target.page())!;
    await policy.waitForSelector('#privacy-title');
    const text = await policy.$eval('main', (e) => e.textContent ?? '');
    expect(text).toContain('Privacy policy');
    expect(text).toContain('status.openai.com');
    await policy.close();
    await options.close();
  });
});
