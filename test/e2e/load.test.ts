import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumSession } from '../support/chromium';
import { launchDriver, waitFor, type Driver } from '../support/driver';
import { startFakeWorld, type FakeWorld } from '../support/fake-world';
import { readStoredLog } from '../support/stored-log';
import { stormSender } from '../support/storm';

/**
 * The recorder under a storm, through the real browser: 5,000 failures within 10 seconds from
 * the fake ChatGPT while the service worker is stopped several times (CDP stopAllWorkers, what
 * Chrome does to an idle worker, here done mid-burst). Afterwards the log must hold exactly the
 * newest records up to the cap, none missing among them, the dropped count must account for every
 * other failure, the badge must match, and the worker must have logged no error.
 */
const TOTAL = 5000;
const CAP = 1000;
/** Requests in flight at once, all on one HTTP/2 connection (the fake server allows any number of streams). */
const CONCURRENCY = 24;
const PACE_MS = 8000;
/** Stop the worker when this share of the requests has been served; the last one inside the newest 1,000. */
const STOP_AT_PROGRESS = [0.15, 0.35, 0.55, 0.85];
/**
 * Failures lost to a forced stop (README, "Load test", has the measurements). Chrome hands each
 * webRequest event straight to the running worker. When CDP stops it, the events handed over and
 * not run yet are dropped (Chrome's histograms count them dispatched, never acknowledged), and a
 * storage.set() the stopping worker issues after the stop is lost too. An instrumented build that
 * logged every event and write in every worker instance placed each lost failure: its onCompleted
 * never ran, or ran in the stopping worker after the stop, or ran up to 18 ms before it while its
 * write was held back behind the one in flight (for at most OVERTAKE_MS, src/background/log-store.ts;
 * the only share that is the extension's). Every write issued 3 ms or more before a stop landed,
 * and no lost failure had an event in the restarted worker. The lost ones were answered by the
 * fake server up to about 200 ms before the stop that lost them (events queued in a busy browser),
 * never later than just after it; they are counted and printed. A loss outside that window fails
 * the test.
 */
const LOST_BEFORE_STOP_MS = 300;
const LOST_AFTER_STOP_MS = 50;
/**
 * At most this many lost at the stops, in all: 0-49 of 5,000 per run as measured (README, "Load
 * test"), about twice that for margin. Without a cap the window above would excuse 600-900.
 */
const MAX_LOST_AT_STOPS = 100;
/** What the log store logs when Chrome refuses a write from a worker it is stopping (seen in CI). */
const REFUSED_AT_STOP = '"Error Doctor: log not written Error: No SW"';
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
 * CPU seconds used so far by the whole machine, and by this test's own processes (this Node
 * process, which runs the fake server, and the browser with all its children), from /proc: the
 * send is CPU-bound, so its time is read next to who had the two cores.
 */
function cpuSeconds(browserPid: number): { machine: number; ours: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const machine = (fields.reduce((a, b) => a + b, 0) - fields[3]! - fields[4]!) / 100;
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(f[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
      ticks.set(Number(name), Number(f[11]) + Number(f[12]));
    } catch {
      // The process ended while being read.
    }
  }
  let browser = 0;
  const walk = (pid: number): void => {
    browser += ticks.get(pid) ?? 0;
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(browserPid);
  const node = process.cpuUsage();
  return { machine, ours: browser / 100 + (node.user + node.system) / 1e6 };
}

/** Chrome's count of extension service-worker events dispatched (started) and acknowledged. */
const DISPATCHED = 'Extensions.ServiceWorkerBackground.StartingExternalRequest_Result';
const ACKED = 'Extensions.Events.DidDispatchToAckSucceed.ExtensionServiceWorker3';
/** Chrome's count of extension service-worker starts. */
const STARTS = 'Extensions.ServiceWorkerBackground.StartWorkerStatus';

describe('load: 5,000 failures in 10 s with the worker stopped several times', () => {
  let world: FakeWorld;
  let driver: Driver;
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
  /** How many of the storm's requests the server has answered; counted as they come, since it is polled every 20 ms. */
  let scanned = 0;
  let servedCount = 0;
  const servedSoFar = () => {
    for (; scanned < world.requests.length; scanned++) if (world.requests[scanned]!.path.startsWith(PATH)) servedCount++;
    return servedCount;
  };
  /** Chrome's own counters (CDP Browser.getHistograms), read only to explain a loss. */
  async function histogramCount(name: string): Promise<number> {
    const { histograms } = await cdp.send('Browser.getHistograms', { query: name });
    return histograms.find((h) => h.name === name)?.count ?? 0;
  }
  const storedLog = async () => (await readStoredLog(driver)) as unknown as StoredLog;

  beforeAll(async () => {
    world = await startFakeWorld();
    // The console probe extension warns when its worker starts: the positive control for the log reader.
    // Chromium only: the test stops the worker mid-storm and reads Chrome's own log and histograms.
    driver = await launchDriver('chromium', world, {
      extraExtensions: [resolve('test/fixtures/extensions/console-probe')],
      chromium: {
        args: ['--enable-logging', '--v=0', `--log-file=${logFile}`],
        // Nothing here uses puppeteer's per-request events; they would cost 5 s of CPU over the storm.
        networkEnabled: false,
      },
    });
    session = driver.chromium!;
    chat = await session.browser.newPage();
    cdp = await chat.createCDPSession();
    cdp.on('ServiceWorker.workerErrorReported', (e) =>
      workerErrors.push(`${e.errorMessage.errorMessage} at ${e.errorMessage.sourceURL}:${e.errorMessage.lineNumber}`),
    );
    await cdp.send('ServiceWorker.enable');
    await chat.goto('https://chatgpt.com/');
    tabId = await driver.tabIdOf('https://chatgpt.com/*');
  });

  afterAll(async () => {
    await driver?.close();
    await world?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('reads the console of a worker it is not attached to (positive control)', async () => {
    await waitFor(() => workerConsole(true).some((line) => line.includes('console-probe: worker started')), {
      timeoutMs: 10_000,
      what: "the probe extension's warning in Chrome's log",
    });
  });

  it('keeps exactly the newest 1,000, counts the rest as dropped, badges the tab, logs no error', async () => {
    // Everything ever written to the log, so a loss can be placed against the stops: an extension
    // page collects the sequence numbers of every record in every change of a log chunk. Unlike
    // polling the log, it cannot miss a record that is stored and dropped between two reads.
    await driver.ext((api) => {
      type Change = { newValue?: { records?: Array<{ path?: string }> } };
      const g = globalThis as unknown as { everStored: Set<number> };
      g.everStored = new Set();
      api.storage.onChanged.addListener((changes, area) => {
        if (area !== 'local') return;
        for (const [key, change] of Object.entries(changes as Record<string, Change>)) {
          if (key.startsWith('log:')) for (const r of change.newValue?.records ?? []) g.everStored.add(Number(String(r.path).split('/').at(-1)));
        }
      });
    });
    const [dispatchedBefore, ackedBefore, startsBefore] = [await histogramCount(DISPATCHED), await histogramCount(ACKED), await histogramCount(STARTS)];

    const cpuBefore = cpuSeconds(session.browser.process()!.pid!);
    const t0 = Date.now();
    const sending = chat.evaluate(stormSender(PATH, TOTAL, CONCURRENCY, PACE_MS)) as Promise<{ ms: number; statuses: Record<string, number> }>;
    // Stopped through the chat page's session, which has the ServiceWorker domain on already: no
    // session to open first, so the stop is placed in time to the round trip of one CDP command.
    const stops: Array<{ at: number; done: number; servedBefore: number }> = [];
    for (const progress of STOP_AT_PROGRESS) {
      await waitFor(() => servedSoFar() >= progress * TOTAL, { timeoutMs: 120_000, intervalMs: 20, what: `${progress * 100}% of the requests served` });
      const [at, servedBefore] = [Date.now() - t0, servedSoFar()];
      await cdp.send('ServiceWorker.stopAllWorkers');
      stops.push({ at, done: Date.now() - t0, servedBefore });
    }
    const sent = await sending;
    const cpuAfter = cpuSeconds(session.browser.process()!.pid!);
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
    const everStored = new Set(await driver.ext(() => [...(globalThis as unknown as { everStored: Set<number> }).everStored]));
    for (const r of log.records) everStored.add(seqOf(r));
    const dispatched = (await histogramCount(DISPATCHED)) - dispatchedBefore;
    const unacked = dispatched - ((await histogramCount(ACKED)) - ackedBefore);
    const starts = (await histogramCount(STARTS)) - startsBefore;

    // A loss is reported with when the fake server answered each lost request, next to the stops.
    const servedAt = new Map(served().map((r) => [seqOf(r), r.time - t0]));
    const lost = Array.from({ length: TOTAL }, (_, i) => i).filter((q) => !everStored.has(q));
    const atStop = (q: number) =>
      stops.some((s) => (servedAt.get(q) ?? -1e9) >= s.at - LOST_BEFORE_STOP_MS && (servedAt.get(q) ?? -1e9) <= s.done + LOST_AFTER_STOP_MS);
    const lostAtStops = lost.filter(atStop);
    const lostElsewhere = lost.filter((q) => !atStop(q));
    const lossReport = `stops (ms after start: command sent, answered; requests served): ${JSON.stringify(stops)}; lost (seq@ms the server answered): ${lost.map((q) => `${q}@${servedAt.get(q)}`).join(' ')}`;
    console.info(
      `load: ${lostAtStops.length} failures lost at a forced stop (answered from ${LOST_BEFORE_STOP_MS} ms before the stop command to ${LOST_AFTER_STOP_MS} ms after its answer); ${lostElsewhere.length} lost elsewhere. ` +
        `Chrome dispatched ${dispatched} events to the worker, ${unacked} never acknowledged (handed to a worker being stopped), and started a worker ${starts} times. ${lossReport}`,
    );
    // Soft: a loss must not hide whether the badge and the worker's console are right too.
    expect.soft(lostElsewhere, `failures never stored, away from every stop: ${lossReport}`).toEqual([]);
    expect.soft(lostAtStops.length, `failures lost at the stops: ${lossReport}`).toBeLessThanOrEqual(MAX_LOST_AT_STOPS);
    // The stops happened: Chrome started the worker again after each (the storm's next event wakes it).
    expect.soft(starts, 'worker starts after the stops').toBeGreaterThanOrEqual(stops.length);

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
        const text = await driver.ext((api, id) => api.action.getBadgeText({ tabId: id }), tabId);
        return text === '999+' ? text : null;
      },
      { timeoutMs: 10_000, what: 'the badge to read 999+' },
    ).catch((error: Error) => error.message);
    expect.soft(badge).toBe('999+');
    // A worker Chrome has begun to stop gets "No SW" for a storage.set() it issues: the same
    // cut as the losses at a stop, and the log store says so. Once per stop at most; any other
    // line, or more of these, fails.
    const consoleLines = workerConsole();
    const refusedAtStop = consoleLines.filter((line) => line.includes(REFUSED_AT_STOP));
    expect.soft(refusedAtStop.length, `writes refused by a stopping worker: ${refusedAtStop.join('; ')}`).toBeLessThanOrEqual(stops.length);
    expect.soft({ uncaught: workerErrors, console: consoleLines.filter((line) => !line.includes(REFUSED_AT_STOP)) }).toEqual({ uncaught: [], console: [] });
    const busy = (cpuAfter.machine - cpuBefore.machine).toFixed(1);
    const ours = (cpuAfter.ours - cpuBefore.ours).toFixed(1);
    console.info(
      `load: ${TOTAL} failures sent in ${(sent.ms / 1000).toFixed(1)} s (${CONCURRENCY} in flight; the machine's cores were busy ${busy} CPU-s meanwhile, ${ours} of them this test's), ` +
        `${stops.length} worker stops, ${log.records.length} kept, ${log.dropped} dropped, ${refusedAtStop.length} writes refused by a stopping worker`,
    );
    // The send time is a figure, not an assertion (speed is judged by the bench's budgets). It is
    // CPU-bound: about 17 CPU-s on 2 cores, 8.7-9.7 s when the machine is otherwise idle, more when
    // other work shares it (README, "Load test"). Bounded, but above the e2e default: on a busy
    // 2-core machine the storm alone can take a minute.
  }, 240_000);
});
