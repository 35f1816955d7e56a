import { BUDGETS } from './budgets';
import { BLANK, BLANK_READ, BLANK_READ_KEY, BLANK_READ_RECENT, BLANK_SCRIPT, openBenchBrowser, recentRecords, type BenchBrowser } from './bench-browser';
import { median, row, type Bench, type BenchResult } from './types';

const RECORDS = 1000;
const TAB_ID = 7;
/** Failures stored for the real toolbar popup. */
const TOOLBAR_RECORDS = 300;
/** The popup's first frame: its failures listed. */
const FAILURES = '.failure';
/** The verdict on screen (its sentence, not the placeholder that holds its place). */
const VERDICT = '.verdict[data-cause]';

/**
 * The popup, ready (its failures listed: `.failure` exists), and its verdict on screen (it waits
 * for the extensions it weighs, so it may come a moment after the failures), with 1,000 records
 * stored, against a bare page of the same extension that reads one small key (the floor of any page that shows
 * stored data: its script is a second request, and MV3 allows no inline script), opened in the
 * same run, alternately, each in a fresh tab. Then the real toolbar popup (action.openPopup) with
 * 300 failures stored, from the call to the failures on screen, against a bare popup page.
 * Times are printed, never failing CI: the machine's load moves them.
 */
export const popupReady: Bench = {
  name: 'popup ready in Chromium',
  ci: true,
  async run({ ci }): Promise<BenchResult> {
    const bench = await openBenchBrowser();
    try {
      await bench.seedLog(recentRecords(RECORDS, TAB_ID));
      const popupPath = `src/popup/index.html?tabId=${TAB_ID}`;
      // One of each first, not counted: the first load of a page also compiles its scripts.
      await bench.timeToReady(BLANK_READ_KEY, '#ready');
      await bench.timesToReady(popupPath, [FAILURES, VERDICT]);
      const runs = ci ? 5 : 9;
      const times: Record<string, number[]> = { popup: [], verdict: [], blank: [], script: [], key: [], recent: [], whole: [] };
      for (let i = 0; i < runs; i++) {
        const [failures, verdict] = await bench.timesToReady(popupPath, [FAILURES, VERDICT]);
        times.popup!.push(failures!);
        times.verdict!.push(verdict!);
        times.key!.push(await bench.timeToReady(BLANK_READ_KEY, '#ready'));
        times.blank!.push(await bench.timeToReady(BLANK, '#ready'));
        times.script!.push(await bench.timeToReady(BLANK_SCRIPT, '#ready'));
        times.recent!.push(await bench.timeToReady(BLANK_READ_RECENT, '#ready'));
        times.whole!.push(await bench.timeToReady(BLANK_READ, '#ready'));
      }
      const m = (name: string) => median(times[name]!);
      const floor = (name: string) => `${m(name).toFixed(1)} ms (${(m(name) / m('key')).toFixed(2)}x)`;
      const note = `median of ${runs}: popup ${m('popup').toFixed(1)} ms (its verdict ${m('verdict').toFixed(1)} ms), a bare page that reads one small key (the log summary) ${m('key').toFixed(1)} ms; other pages, against that floor: no script ${floor('blank')}, one tiny script ${floor('script')}, one that reads the index and the newest 250 records ${floor('recent')}, or the whole log ${floor('whole')} (headless Chromium)`;
      const toolbar = await toolbarPopup(bench, ci ? 5 : 9);
      return {
        rows: [
          row('popup ready, 1,000 records, vs bare page reading one key', m('popup') / m('key'), 'x', BUDGETS.popupReadyRatio, note),
          row('popup verdict on screen, 1,000 records, vs the same floor', m('verdict') / m('key'), 'x', BUDGETS.popupReadyRatio),
          row('toolbar popup, 300 failures, vs bare popup page', toolbar.ratio, 'x', BUDGETS.toolbarPopupRatio, toolbar.note),
          row('toolbar popup verdict on screen, vs the same floor', toolbar.verdictRatio, 'x', BUDGETS.toolbarPopupRatio),
        ],
      };
    } finally {
      await bench.close();
    }
  },
};

/**
 * The real popup: action.openPopup() from an extension tab, which is then the popup's active tab
 * (its 300 failures are that tab's). Timed inside that tab, from the call to the first frame of
 * the popup with each selector in it (the failures, then the verdict): the tab polls
 * chrome.extension.getViews every millisecond until the popup's window exists, then watches its
 * DOM with a MutationObserver and takes the popup's next animation frame. The bare popup page
 * (one tiny script that shows `#ready`) is timed the same way, alternately.
 */
async function toolbarPopup(bench: BenchBrowser, runs: number): Promise<{ ratio: number; verdictRatio: number; note: string }> {
  const page = await bench.session.openExtensionPage(BLANK);
  try {
    const tabId = await page.evaluate(
      async () => (await (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id: number }> } } }).chrome.tabs.getCurrent()).id,
    );
    await bench.seedLog(recentRecords(TOOLBAR_RECORDS, tabId));
    await page.bringToFront();
    const open = (popup: string, selectors: string[]) =>
      page.evaluate(`(${OPEN_POPUP})(${JSON.stringify(popup)}, ${JSON.stringify(selectors)})`) as Promise<number[]>;
    const real: number[] = [];
    const verdict: number[] = [];
    const bare: number[] = [];
    await open('src/popup/index.html', [FAILURES, VERDICT]); // not counted: compiles the scripts
    for (let i = 0; i < runs; i++) {
      const [failures, shown] = await open('src/popup/index.html', [FAILURES, VERDICT]);
      real.push(failures!);
      verdict.push(shown!);
      bare.push((await open(BLANK_SCRIPT, ['#ready']))[0]!);
    }
    const range = (ms: number[]) => `${median(ms).toFixed(1)} ms (${Math.min(...ms).toFixed(1)}-${Math.max(...ms).toFixed(1)})`;
    return {
      ratio: median(real) / median(bare),
      verdictRatio: median(verdict) / median(bare),
      note: `median of ${runs}, action.openPopup() to the first frame with the failures: popup ${range(real)}, its verdict ${range(verdict)}, a bare popup page with one tiny script ${range(bare)}`,
    };
  } finally {
    await page.close();
  }
}

/** Runs in the extension tab. A string: tsx would wrap a function's closures in helpers the page lacks. */
const OPEN_POPUP = `async (popup, selectors) => {
  await chrome.action.setPopup({ popup });
  const start = performance.timeOrigin + performance.now();
  await chrome.action.openPopup();
  const view = await new Promise((resolve, reject) => {
    const until = Date.now() + 10000;
    const poll = () => {
      const found = chrome.extension.getViews({ type: 'popup' })[0];
      if (found && found.location.pathname.endsWith(popup)) return resolve(found);
      if (Date.now() > until) return reject(new Error('no popup opened'));
      setTimeout(poll, 1);
    };
    poll();
  });
  const shown = await Promise.all(selectors.map((selector) => new Promise((resolve) => {
    const frame = () => view.requestAnimationFrame(() => resolve(view.performance.timeOrigin + view.performance.now()));
    if (view.document.querySelector(selector)) return frame();
    const observer = new view.MutationObserver(() => {
      if (!view.document.querySelector(selector)) return;
      observer.disconnect();
      frame();
    });
    observer.observe(view.document, { childList: true, subtree: true });
  })));
  view.close();
  await new Promise((r) => setTimeout(r, 200));
  return shown.map((t) => t - start);
}`;
