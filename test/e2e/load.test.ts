import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitFor, type ChromiumSession } from '../support/chromium';
import { startFakeWorld, type FakeWorld } from '../support/fake-world';
import { readStoredLog } from '../support/stored-log';

/**
 * The recorder under a storm, through the real browser: 5,000 failures within 10 seconds from
 * the fake ChatGPT while the service worker is stopped several times (CDP stopAllWorkers, what
 * Chrome does to an idle worker, here done mid-burst). Afterwards the log must hold exactly the
 * newest records up to the cap, none missing among them, the dropped count must account for every
 * other failure, the badge must match, and the worker must have logged no error.
 */
const TOTAL = 5000;
const CAP = 1000;
/** Requests in flight at once (Chrome opens at most 6 HTTP/1.1 connections per host). */
const CONCURRENCY = 24;
const PACE_MS = 8000;
/** Stop the worker when this share of the requests has been served; the last one inside the newest 1,000. */
const STOP_AT_PROGRESS = [0.15, 0.35, 0.55, 0.85];
/**
 * A forced stop (CDP ServiceWorker.stopAllWorkers) kills the worker with webRequest events
 * already handed to it, and Chrome drops the events it dispatches while the worker restarts.
 * Measured: with every batch written at once (no waiting on the previous write) the losses stay
 * the same, all within about 60 ms of a stop, so they are Chrome's, not the log store's window.
 * Such losses are counted and printed; a loss anywhere else fails the test.
 */
const STOP_WINDOW_MS = 200;
const PATH = '/backend-api/status/500/';

interface StoredRecord {
  id: string;
  path: string;
  status: number | null;
  tabId: number;
  time: number;
}
interface StoredLog {
  records: StoredRecord[];
  dropped: number;
}

const seqOf = (r: { path: string }) => Number(r.path.split('/').at(-1));

/**
 * Sends `total` failing requests through the fake page's `send`, `concurrency` at a time, paced
 * over `paceMs`. A string, not a function: the test transform may add helpers the page lacks.
 */
function sender(total: number, concurrency: number, paceMs: number): string {
  return `(async () => {
    const total = ${total}, concurrency = ${concurrency}, paceMs = ${paceMs};
    const started = performance.now();
    let next = 0;
    const statuses = {};
    const lane = async () => {
      while (next < total) {
        const seq = next++;
        const due = (seq / total) * paceMs - (performance.now() - started);
        if (due > 0) await new Promise((r) => setTimeout(r, due));
        const status = await send('${PATH}' + String(seq).padStart(5, '0'), { method: 'GET' });
        statuses[status] = (statuses[status] || 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    document.getElementById('log').textContent = '';
    return { ms: performance.now() - started, statuses };
  })()`;
}

describe('load: 5,000 failures in 10 s with the worker stopped several times', () => {
  let world: FakeWorld;
  let session: ChromiumSession;
  let chat: Page;
  let cdp: CDPSession;
  let tabId: number;
  const workerErrors: string[] = [];
  // Attaching DevTools to the worker (puppeteer's WebWorker) keeps Chrome from restarting it after a
  // stop, so its console is read from Chrome's own log, and uncaught errors from the ServiceWorker
  // domain of a page session; neither attaches to the worker.
  const logDir = mkdtempSync(join(tmpdir(), 'edr-load-log-'));
  const logFile = join(logDir, 'chrome.log');

  /** Console lines (any level, uncaught errors included) that came from extension scripts; ours unless `all`. */
  function workerConsole(all = false): string[] {
    const ours = all ? 'source: chrome-extension://' : `source: chrome-extension://${session.extensionId}/`;
    return readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes(':CONSOLE') && line.includes(ours))
      .map((line) => line.replace(/^\[[^\]]*\] /, ''));
  }

  const served = () => world.requests.filter((r) => r.path.startsWith(PATH));
  const storedLog = async () => (await readStoredLog(session)) as unknown as StoredLog;

  beforeAll(async () => {
    world = await startFakeWorld();
    // The console probe extension warns when its worker starts: the positive control for the log reader.
    session = await launchChromium(world, { extraExtensions: [resolve('test/fixtures/extensions/console-probe')], args: ['--enable-logging', '--v=0', `--log-file=${logFile}`] });
    chat = await session.browser.newPage();
    cdp = await chat.createCDPSession();
    cdp.on('ServiceWorker.workerErrorReported', (e) => workerErrors.push(`${e.errorMessage.errorMessage} at ${e.errorMessage.sourceURL}:${e.errorMessage.lineNumber}`));
    await cdp.send('ServiceWorker.enable');
    await chat.goto('https://chatgpt.com/');
    tabId = await session.tabIdOf('https://chatgpt.com/*');
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('reads the console of a worker it is not attached to (positive control)', async () => {
    await waitFor(() => workerConsole(true).some((line) => line.includes('console-probe: worker started')), { timeoutMs: 10_000, what: "the probe extension's warning in Chrome's log" });
  });

  it('keeps exactly the newest 1,000, counts the rest as dropped, badges the tab, logs no error', async () => {
    const t0 = Date.now();
    const sending = chat.evaluate(sender(TOTAL, CONCURRENCY, PACE_MS)) as Promise<{ ms: number; statuses: Record<string, number> }>;

    // Everything ever seen in storage, polled, so a loss can be placed against the stops.
    const everStored = new Set<number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        for (const r of (await storedLog())?.records ?? []) everStored.add(seqOf(r));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const stops: Array<{ at: number; servedBefore: number }> = [];
    for (const progress of STOP_AT_PROGRESS) {
      await waitFor(() => served().length >= progress * TOTAL, { timeoutMs: 120_000, intervalMs: 20, what: `${progress * 100}% of the requests served` });
      stops.push({ at: Date.now() - t0, servedBefore: served().length });
      await session.stopWorkers();
    }
    const sent = await sending;
    expect(sent.statuses).toEqual({ 500: TOTAL });

    // Done when every failure is accounted for, or when the count stops moving (a loss).
    let last = -1;
    let stableSince = Date.now();
    const log = await waitFor(
      async () => {
        const stored = await storedLog();
        const seen = stored ? stored.records.length + stored.dropped : 0;
        if (seen !== last) [last, stableSince] = [seen, Date.now()];
        return stored && (seen >= TOTAL || Date.now() - stableSince > 5000) ? stored : null;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the log to account for every failure' },
    );
    polling = false;
    await poller;
    for (const r of log.records) everStored.add(seqOf(r));

    // A loss is reported with when the fake server answered each lost request, next to the stops.
    const servedAt = new Map(served().map((r) => [seqOf(r), r.time - t0]));
    const lost = Array.from({ length: TOTAL }, (_, i) => i).filter((q) => !everStored.has(q));
    const atStop = (q: number) => stops.some((s) => Math.abs((servedAt.get(q) ?? -1e9) - s.at) <= STOP_WINDOW_MS);
    const lostAtStops = lost.filter(atStop);
    const lostElsewhere = lost.filter((q) => !atStop(q));
    const lossReport = `stops (ms after start, requests served): ${JSON.stringify(stops)}; lost (seq@ms the server answered): ${lost.map((q) => `${q}@${servedAt.get(q)}`).join(' ')}`;
    console.info(`load: ${lostAtStops.length} failures dropped by Chrome within ${STOP_WINDOW_MS} ms of a forced stop; ${lostElsewhere.length} lost elsewhere. ${lossReport}`);
    // Soft: a loss must not hide whether the badge and the worker's console are right too.
    expect.soft(lostElsewhere, `failures never stored, away from any stop: ${lossReport}`).toEqual([]);

    // Requests in flight together may finish in either order, so the boundary of "newest" may move
    // by up to CONCURRENCY places; above it every one of the sequence must be there.
    const seqs = log.records.map(seqOf);
    const kept = new Set(seqs);
    const missing = Array.from({ length: TOTAL }, (_, i) => i).filter((q) => q >= TOTAL - CAP + CONCURRENCY && !kept.has(q) && !lostAtStops.includes(q));
    expect.soft(missing, 'missing among the newest').toEqual([]);
    expect(log.records).toHaveLength(CAP);
    expect(kept.size).toBe(CAP);
    expect.soft(Math.min(...seqs)).toBeGreaterThanOrEqual(TOTAL - CAP - CONCURRENCY - lostAtStops.length);
    // Every record ever stored is either kept or counted as dropped (with no loss, that is 4,000).
    expect.soft(log.dropped, 'dropped count').toBe(everStored.size - CAP);
    expect(log.records.every((r, i) => i === 0 || r.time >= log.records[i - 1]!.time)).toBe(true);
    expect(log.records.every((r) => r.status === 500 && r.tabId === tabId)).toBe(true);

    // 1,000 failures on this tab in the last 10 minutes: the badge caps its text at 999+.
    const badge = await waitFor(
      async () => {
        const text = await session.inExtension(
          (id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }),
          tabId,
        );
        return text === '999+' ? text : null;
      },
      { timeoutMs: 10_000, what: 'the badge to read 999+' },
    ).catch((error: Error) => error.message);
    expect.soft(badge).toBe('999+');
    expect.soft({ uncaught: workerErrors, console: workerConsole() }).toEqual({ uncaught: [], console: [] });
    console.info(`load: ${TOTAL} failures sent in ${(sent.ms / 1000).toFixed(1)} s (${CONCURRENCY} in flight), ${stops.length} worker stops, ${log.records.length} kept, ${log.dropped} dropped`);
    // The send rate is a figure, not an assertion (speed is judged by the bench's budgets): on a
    // 2-core machine shared with the browser, 5,000 requests take 12-18 s to send, not 10.
    // Bounded, but above the e2e default: on a busy 2-core machine the storm alone can take a minute.
  }, 240_000);
});
