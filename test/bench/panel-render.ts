import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_DIST } from '../support/chromium';
import { makeRecord } from '../support/records';
import { BUDGETS } from './budgets';
import { BLANK_LISTEN, BLANK_READ, openBenchBrowser, recentRecords, type BenchBrowser } from './bench-browser';
import { median, row, type Bench, type BenchResult } from './types';

const PANEL = 'src/devtools/panel.html';
const RECORDS = 10_000;
const TAB_ID = 7;
/** 100 failures a second, arriving 10 every 100 ms. */
const PER_SECOND = 100;
const TICKS_PER_SECOND = 10;
const SECONDS = 5;
const UPDATE_BASE = 1000;
const ROW = 'table.failure-table tr.failure-row';

/**
 * The DevTools panel opened as an extension page (`?tabId=` stands in for the inspected tab):
 * first render of 10,000 stored records (ms from navigation start to the first frame with rows),
 * then the panel's main-thread time per second while 100 new failures a second are written to a
 * log of the default cap (1,000 records).
 * The main-thread time is CDP's TaskDuration for the panel's renderer; the writer is the service
 * worker (its own thread), so its work is not counted. About 20 s.
 */
export const panelRender: Bench = {
  name: 'DevTools panel render',
  ci: true,
  async run({ ci }): Promise<BenchResult> {
    if (!existsSync(join(CHROME_DIST, PANEL))) {
      return { rows: [], skipped: [{ name: 'DevTools panel first render / updates', reason: `not built: dist/chrome/${PANEL} is missing` }] };
    }
    const bench = await openBenchBrowser();
    try {
      const now = Date.now();
      const records = recentRecords(RECORDS, TAB_ID, now - SECONDS * 1000);
      await bench.seedLog(records);
      const path = `${PANEL}?tabId=${TAB_ID}`;
      await bench.timeToReady(path, ROW); // not counted: compiles the scripts
      const firsts: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < (ci ? 3 : 5); i++) {
        firsts.push(await bench.timeToReady(path, ROW));
        floor.push(await bench.timeToReady(BLANK_READ, '#ready'));
      }

      // Updates on a log of the default cap: the background's 1 MB byte cap keeps a real log near
      // 2,000 records at most, and Chrome takes seconds to write a 10,000-record (5 MB) log.
      await bench.seedLog(recentRecords(UPDATE_BASE, TAB_ID, now - SECONDS * 1000));
      const panel = await updateCost(bench, path, ROW, (total) => document.querySelector('table.failure-table')?.getAttribute('aria-rowcount') === String(total + 1));
      // The floor: a bare page whose only work is to receive the same storage changes.
      await bench.seedLog(recentRecords(UPDATE_BASE, TAB_ID, now - SECONDS * 1000));
      const bare = await updateCost(bench, BLANK_LISTEN, '#ready', (total) => (window as unknown as { __total?: number }).__total === total);
      return {
        rows: [
          row('panel first render, 10,000 records, vs bare page reading them', median(firsts) / median(floor), 'x', BUDGETS.panelFirstRenderRatio, `median of ${firsts.length}: panel ${median(firsts).toFixed(0)} ms from navigation start to the first frame with rows; a bare page that only reads the same log ${median(floor).toFixed(0)} ms`),
          row('panel main thread per s, 100 new failures/s', panel.perSecond, 'ms', BUDGETS.panelUpdateMsPerSecond, `on a ${UPDATE_BASE}-record log, ${PER_SECOND} records/s written as the background batches them: ${panel.writes} writes in ${panel.seconds.toFixed(1)} s, ${(panel.busyMs / Math.max(1, panel.writes)).toFixed(0)} ms of panel main thread per write; a bare page that only receives the same changes: ${bare.perSecond.toFixed(0)} ms/s`),
        ],
      };
    } finally {
      await bench.close();
    }
  },
};

/** Extension pages of one extension share a renderer main thread: measure one page at a time. */
async function updateCost(bench: BenchBrowser, path: string, ready: string, caughtUp: (total: number) => boolean) {
  const { page } = await bench.timeToReady(path, ready, true);
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const taskTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
    // The writer is the extension's service worker, as in real use: it runs on its own thread.
    const writer = await bench.session.worker();
    const before = await taskTime();
    const started = Date.now();
    const result = (await writer.evaluate(writerScript())) as { writes: number; total: number };
    // The last write must have reached the page, or its cost is not in the figure.
    await page.waitForFunction(caughtUp, { timeout: 30_000 }, result.total);
    const seconds = (Date.now() - started) / 1000;
    const busyMs = (await taskTime()) - before;
    await cdp.detach();
    return { ...result, seconds, busyMs, perSecond: busyMs / seconds };
  } finally {
    await page.close();
  }
}

/**
 * 100 failures a second for SECONDS, queued while a write is in flight and written together in
 * the next one, as the log store does. A string, not a function: tsx would add a helper the worker lacks.
 */
function writerScript(): string {
  return `(async () => {
    const template = ${JSON.stringify(makeRecord(0, { tabId: TAB_ID }))};
    const { log } = await chrome.storage.local.get(['log']);
    let pending = [];
    let n = 0;
    let writes = 0;
    const start = Date.now();
    const timer = setInterval(() => {
      for (let i = 0; i < ${PER_SECOND / TICKS_PER_SECOND}; i++) {
        const time = Date.now();
        pending.push({ ...template, id: 'new-' + n++ + '@' + time, time });
      }
    }, ${1000 / TICKS_PER_SECOND});
    while (Date.now() - start < ${SECONDS * 1000} || pending.length) {
      if (Date.now() - start >= ${SECONDS * 1000}) clearInterval(timer);
      if (!pending.length) { await new Promise((r) => setTimeout(r, 5)); continue; }
      log.records = log.records.concat(pending);
      pending = [];
      await chrome.storage.local.set({ log });
      writes++;
    }
    clearInterval(timer);
    return { writes, total: log.records.length };
  })()`;
}
