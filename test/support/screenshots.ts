/**
 * `npm run screenshots`: the surfaces as a user sees them, written to test/screenshots/ and
 * committed, so a change in looks shows in a diff. The built extension (run `npm run build`
 * first) in real Chromium and Firefox ESR, over the fake world on loopback, with 1,000 failures
 * stored in the ChatGPT tab: the popup (400x600, light and dark, both browsers), the DevTools
 * panel page at 1280x600, 1000x420 and 800x500, and the troubleshooter, report and options pages.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchDriver } from './driver';
import { startFakeWorld } from './fake-world';
import { seedLog, storm } from './ui-checks';

const DIR = resolve('test/screenshots');
mkdirSync(DIR, { recursive: true });

async function shot(page: Page, name: string, size: { width: number; height: number }, theme: 'light' | 'dark' = 'light', ready = 'main'): Promise<void> {
  await page.setViewport({ ...size, deviceScaleFactor: 1 });
  await page.waitForSelector(ready, { timeout: 15_000 });
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  await new Promise((r) => setTimeout(r, 700)); // the parts loaded after the first frame
  await page.screenshot({ path: resolve(DIR, `${name}.png`) as `${string}.png` });
  console.log(`test/screenshots/${name}.png`);
}

const world = await startFakeWorld();
try {
  for (const name of ['chromium', 'firefox'] as const) {
    const driver = await launchDriver(name, world);
    try {
      const { tabId } = await driver.openChat();
      await seedLog(driver, storm(tabId, Date.now()));
      for (const theme of ['light', 'dark'] as const) {
        await shot(await driver.open(`src/popup/index.html?tabId=${tabId}`), `popup-${name}-${theme}`, { width: 400, height: 600 }, theme, '.failure');
      }
      if (name === 'firefox') continue;
      await shot(await driver.open('src/popup/index.html'), 'popup-chromium-other-tab', { width: 400, height: 600 }, 'light', '.scope-note');
      for (const [w, h] of [
        [1280, 600],
        [1000, 420],
        [800, 500],
      ] as const) {
        await shot(await driver.open(`src/devtools/panel.html?tabId=${tabId}`), `panel-${w}x${h}`, { width: w, height: h }, 'light', 'tr.failure-row');
      }
      const selected = await driver.open(`src/devtools/panel.html?tabId=${tabId}`);
      await selected.setViewport({ width: 1000, height: 420 });
      await selected.waitForSelector('tr.failure-row');
      await selected.click('tr.failure-row');
      await shot(selected, 'panel-1000x420-selected', { width: 1000, height: 420 }, 'light', '.details[data-record-id]');
      for (const page of ['troubleshooter', 'report', 'options']) {
        await shot(
          await driver.open(`src/pages/${page}.html?tabId=${tabId}`),
          `page-${page}`,
          { width: 1000, height: 800 },
          'light',
          page === 'report' ? '#report-preview' : 'main h1',
        );
      }
    } finally {
      await driver.close();
    }
  }
} finally {
  await world.close();
}
