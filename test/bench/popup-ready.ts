import { BUDGETS } from './budgets';
import { BLANK, BLANK_READ, BLANK_READ_INDEX, BLANK_READ_RECENT, BLANK_SCRIPT, openBenchBrowser, recentRecords } from './bench-browser';
import { median, row, type Bench, type BenchResult } from './types';

const RECORDS = 1000;
const TAB_ID = 7;

/**
 * The popup, ready (its failures listed: `.failure` exists) with 1,000 records stored, against a
 * bare page of the same extension opened in the same run, alternately, each in a fresh tab.
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
      await bench.timeToReady(BLANK, '#ready');
      await bench.timeToReady(popupPath, '.failure');
      const runs = ci ? 5 : 9;
      const bare: number[] = [];
      const popup: number[] = [];
      const bareRead: number[] = [];
      const bareRecent: number[] = [];
      const bareScript: number[] = [];
      const bareIndex: number[] = [];
      for (let i = 0; i < runs; i++) {
        bare.push(await bench.timeToReady(BLANK, '#ready'));
        popup.push(await bench.timeToReady(popupPath, '.failure'));
        bareRead.push(await bench.timeToReady(BLANK_READ, '#ready'));
        bareRecent.push(await bench.timeToReady(BLANK_READ_RECENT, '#ready'));
        bareScript.push(await bench.timeToReady(BLANK_SCRIPT, '#ready'));
        bareIndex.push(await bench.timeToReady(BLANK_READ_INDEX, '#ready'));
      }
      const bareMs = median(bare);
      const popupMs = median(popup);
      // The floors: a page whose one script does nothing but show a paragraph, one that first reads
      // one small key, and one that reads what the popup reads. No page that shows stored data can
      // beat the second, nor one that shows these records the third.
      const floor = (ms: number[]) => `${median(ms).toFixed(1)} ms (${(median(ms) / bareMs).toFixed(2)}x)`;
      const note = `median of ${runs}: popup ${popupMs.toFixed(1)} ms, bare extension page ${bareMs.toFixed(1)} ms; floors: a bare page with one tiny script ${floor(bareScript)}, one that reads one small key ${floor(bareIndex)}, one that only reads what the popup reads (index, newest 250 records) ${floor(bareRecent)}, or the whole log ${floor(bareRead)} (headless Chromium)`;
      return { rows: [row('popup ready with 1,000 records vs bare page', popupMs / bareMs, 'x', BUDGETS.popupReadyRatio, note)] };
    } finally {
      await bench.close();
    }
  },
};
