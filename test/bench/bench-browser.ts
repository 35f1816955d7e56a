import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { CHUNK_SIZE, SLOTS } from '../../src/contract/log-chunks';
import { SUMMARY_KEY } from '../../src/contract/log-summary';
import type { ErrorRecord } from '../../src/core/error-record';
import { PANEL_FIRST_RECORDS } from '../../src/core/failure-table';
import { POPUP_RECENT } from '../../src/core/popup-scope';
import { CHROME_DIST, launchChromium, type ChromiumSession, type ExtensionGlobal } from '../support/chromium';
import { startFakeWorld, type FakeWorld } from '../support/fake-world';
import { makeRecords } from '../support/records';
import { storedLogItems } from '../support/stored-log';

/**
 * Real Chromium with a copy of dist/chrome that has two bench-only pages added, because the
 * built extension has no bare page to compare against:
 * - `bench-blank.html`: a few bytes of HTML, no script, no style: the floor of any extension page;
 * - `bench-blank-script.html`: one tiny script that only shows a paragraph: the floor of any page with a script;
 * - `bench-blank-read-key.html`: one tiny script that reads one small key (the log summary): the floor of any page showing stored data;
 * - `bench-blank-read.html`: one tiny script that reads the stored log: the floor of any page showing it;
 * - `bench-blank-listen.html`: one tiny script that receives changes to the log: the floor of a live page.
 */
export const BLANK = 'bench-blank.html';
export const BLANK_READ = 'bench-blank-read.html';
/** A bare page that only receives storage changes to the log: the floor of any page kept live. */
export const BLANK_LISTEN = 'bench-blank-listen.html';
/** A bare page that reads what the popup reads (the index, then the chunks of the newest 250 records). */
export const BLANK_READ_RECENT = 'bench-blank-read-recent.html';
/** A bare page that reads what the DevTools panel's first frame reads (the index, then the chunks of the newest 100 records). */
export const BLANK_READ_PANEL_FIRST = 'bench-blank-read-panel-first.html';
/** A bare page whose one tiny script only shows `#ready`: the floor of any page that runs a script. */
export const BLANK_SCRIPT = 'bench-blank-script.html';
/** A bare page that reads one small key (the log summary, as the popup's first frame does) before it shows `#ready`: the floor of any page showing stored data. */
export const BLANK_READ_KEY = 'bench-blank-read-key.html';

export interface BenchBrowser {
  session: ChromiumSession;
  /** Replaces the stored log with these records. */
  seedLog(records: readonly ErrorRecord[]): Promise<void>;
  /** Opens `path` in a new tab; ms from navigation start to the first frame after `selector` exists. */
  timeToReady(path: string, selector: string, keepOpen?: false): Promise<number>;
  timeToReady(path: string, selector: string, keepOpen: true): Promise<{ ms: number; page: Page }>;
  /** The same for several selectors in one load: ms to the first frame after each exists, in their order. */
  timesToReady(path: string, selectors: readonly string[]): Promise<number[]>;
  /** Opens `path`; the extension files it fetched (dist-relative) once none came for `quietMs`. */
  filesLoaded(path: string, quietMs: number): Promise<string[]>;
  close(): Promise<void>;
}

/** `count` realistic records on one tab, ending now, a second apart. */
export function recentRecords(count: number, tabId: number, now = Date.now()): ErrorRecord[] {
  return makeRecords(count).map((r, i) => {
    const time = now - (count - i) * 1000;
    return { ...r, tabId, time, id: `${i}@${time}` };
  });
}

/**
 * Installed before any page script: notes when each of `selectors` first exists, at the next
 * frame. A string, not a function: tsx would wrap a function's inner closures in a helper the
 * page lacks. Read from the page's own clock, so no CDP round trip is in the figure.
 */
function readyProbe(selectors: readonly string[]): string {
  return `(() => {
    const selectors = ${JSON.stringify(selectors)};
    const times = (window.__benchTimes = selectors.map(() => undefined));
    const observer = new MutationObserver(() => {
      selectors.forEach((selector, i) => {
        if (times[i] !== undefined || !document.querySelector(selector)) return;
        times[i] = null;
        requestAnimationFrame(() => { times[i] = performance.now(); });
      });
      if (times.every((t) => t !== undefined)) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

export async function openBenchBrowser(): Promise<BenchBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'edr-bench-ext-'));
  cpSync(CHROME_DIST, dir, { recursive: true });
  const html = (body: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>blank</title>${body}</html>\n`;
  /** `page` with one module script, `script`, next to it. */
  const scriptPage = (page: string, body: string, script: string) => {
    const js = page.replace(/\.html$/, '.js');
    writeFileSync(join(dir, page), html(`${body}<script type="module" src="/${js}"></script>`));
    writeFileSync(join(dir, js), `${script}\n`);
  };
  const showReady = 'const p = document.createElement("p"); p.id = "ready"; document.body.append(p);';
  /** Reads the index, then the chunks from number `from(log)` to the newest, then shows #ready. */
  const readChunks = (from: string) =>
    `chrome.storage.local.get(["log"]).then(({ log }) => { const keys = []; const last = Math.floor((log.first + log.count - 1) / ${CHUNK_SIZE}); for (let k = ${from}; k <= last; k++) keys.push("log:" + (k % ${SLOTS})); return chrome.storage.local.get(keys); }).then(() => { ${showReady} });`;
  writeFileSync(join(dir, BLANK), html('<p id="ready">ready</p>'));
  scriptPage(
    BLANK_LISTEN,
    '<p id="ready">ready</p>',
    'chrome.storage.onChanged.addListener((changes) => { if (changes.log) window.__total = changes.log.newValue.count + changes.log.newValue.dropped; });',
  );
  scriptPage(BLANK_SCRIPT, '', showReady);
  scriptPage(BLANK_READ_KEY, '', `chrome.storage.local.get([${JSON.stringify(SUMMARY_KEY)}]).then(() => { ${showReady} });`);
  const readNewest = (records: number) => readChunks(`Math.max(Math.floor(log.first / ${CHUNK_SIZE}), last - ${Math.ceil(records / CHUNK_SIZE)})`);
  scriptPage(BLANK_READ_RECENT, '', readNewest(POPUP_RECENT));
  scriptPage(BLANK_READ_PANEL_FIRST, '', readNewest(PANEL_FIRST_RECORDS));
  // Every chunk the index names: what any page showing the whole log must do.
  scriptPage(BLANK_READ, '', readChunks(`Math.floor(log.first / ${CHUNK_SIZE})`));
  let world: FakeWorld | undefined;
  let session: ChromiumSession | undefined;
  try {
    world = await startFakeWorld();
    session = await launchChromium(world, { extensionDir: dir });
  } catch (error) {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const s = session;
  const w = world;

  async function timesToReady(path: string, selectors: readonly string[], keepOpen = false): Promise<{ times: number[]; page: Page }> {
    const page = await s.browser.newPage();
    try {
      await page.evaluateOnNewDocument(readyProbe(selectors));
      await page.goto(`chrome-extension://${s.extensionId}/${path}`, { waitUntil: 'load' });
      const done = () => (window as unknown as { __benchTimes: Array<number | null | undefined> }).__benchTimes.every((t) => typeof t === 'number');
      await page.waitForFunction(done, { timeout: 30_000 });
      const times = await page.evaluate(() => (window as unknown as { __benchTimes: number[] }).__benchTimes);
      return { times, page };
    } finally {
      if (!keepOpen) await page.close();
    }
  }

  async function timeToReady(path: string, selector: string, keepOpen = false): Promise<number | { ms: number; page: Page }> {
    const { times, page } = await timesToReady(path, [selector], keepOpen);
    return keepOpen ? { ms: times[0]!, page } : times[0]!;
  }

  return {
    session: s,
    async seedLog(records) {
      // The layout the log store writes (index, chunks and summary), through the same contract function.
      const items = storedLogItems(records);
      await s.inExtension(async (all) => {
        const { chrome } = globalThis as unknown as ExtensionGlobal & { chrome: { storage: { local: { clear(): Promise<void> } } } };
        await chrome.storage.local.clear();
        await chrome.storage.local.set(all);
      }, items);
    },
    timeToReady: timeToReady as BenchBrowser['timeToReady'],
    timesToReady: async (path, selectors) => (await timesToReady(path, selectors)).times,
    async filesLoaded(path, quietMs) {
      const page = await s.browser.newPage();
      try {
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        const origin = `chrome-extension://${s.extensionId}/`;
        const files = new Set<string>();
        let last = Date.now();
        cdp.on('Network.requestWillBeSent', (e) => {
          if (!e.request.url.startsWith(origin)) return;
          files.add(new URL(e.request.url).pathname.slice(1));
          last = Date.now();
        });
        await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        while (Date.now() - last < quietMs) await new Promise((r) => setTimeout(r, 100));
        return [...files];
      } finally {
        await page.close();
      }
    },
    async close() {
      await s.close();
      await w.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
