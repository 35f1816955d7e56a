/**
 * Every budget in one place. The size budgets are deterministic and fail `npm test` and CI
 * (test/build/bundle-size.test.ts); the time budgets are printed by `npm run bench` beside floors
 * measured in the same run, and never fail CI (.ci/run), since the machine's load moves them.
 * Tighten a budget when the code beats it by far; never loosen one without saying why in the commit.
 */
export const BUDGETS = {
  /**
   * gzip bytes of everything the popup loads at open (HTML, scripts and their static imports, CSS,
   * and any chunk started before the first frame), with webextension-polyfill, preact and valibot.
   * Issue 15's 20 KB is not met. 24,253 B on 2026-12-04 07:45 UTC; the log summary's writer apart
   * from its reader, so the tally's code is not in the popup (-0.6 KB). The verdict's code was then
   * a chunk started as the popup's module was evaluated (18,651 B in the first file, counted here
   * as if it were all, and 6,419 B in the chunk: 25,070 B fetched before the verdict showed); it is
   * back in the one file (24,091 B): fewer bytes in all, the verdict in the failures' frame, and
   * nothing moving under it (src/popup/popup-verdict.tsx); 24,143 B after three layout mends in the
   * shared stylesheet (+52 B, 2026-12-04 15:15 UTC). Of those, 9.5 KB are the three packages
   * (preact 5.3, the polyfill 2.5, valibot 1.7) and 2.3 the stylesheet. Loaded by import() after
   * the first frame: the fixes and what is below the fold; on a click: the extension list, the
   * clear's confirmation and the reload. `npm run bench` times the failures and the verdict.
   */
  popupGzipBytes: 24 * 1024,
  /**
   * gzip bytes of everything the DevTools panel loads. Issue 15's target, 28 KB, is met: main
   * measured 28,995 B on 2026-12-04 06:45 UTC; the verdict and the fixes beside the chart now
   * load right after the table (their chunk: 5.8 KB gzip), 23,900 B on 2026-12-04 07:45 UTC.
   */
  panelGzipBytes: 28 * 1024,
  /**
   * gzip bytes of the service worker loader and its static imports. Grew from 16 KB with valibot,
   * the log summary and errors recorded inside answers to 21.5 KB (21,833 B on 2026-12-04 06:45
   * UTC); 21,567 B at 09:50 UTC. 20.5 KB: 20,888 B on 2026-12-04 10:50 UTC, after fewer valibot
   * kinds where the meaning is the same (picklist for literal, optional(nullable) for nullish;
   * regex, check and transform for startsWith, minLength, finite, trim, toMaxValue; the stored
   * status snapshot read as one of its two object schemas instead of a variant, then a union:
   * -0.5 KB), the status features' names that nothing read and the proxy's status map (-0.11),
   * one walk for both badges (-0.04), the monitor's and alerts' empty states read off their
   * schemas (-0.03), the settings key without the popup's alternatives reader (-0.02); the forced
   * status check's fix on main added 0.05. Each figure is in its commit.
   * Issue 15's target, 16 KB, is 4.9 KB away. The polyfill (2.5 KB) and valibot (1.8) stay; the
   * rest is the worker's own features: the status page's parsing and ChatGPT's component ids 2.6,
   * the log store, its chunks and summary tally 2.5, alerts 1.2, the status monitor 0.9,
   * classifying 0.8, redaction 0.5. A service worker cannot load code lazily in Chrome, so 16 KB
   * would take features out. Tried and left out (gzip equal or worse): helpers for the status
   * parser's and the status fetch's repeated steps, the component ids as one split string.
   * Rolldown's minifier options give byte-identical output; terser over the final file saves
   * 0.2-0.3 KB; esbuild's is 0.7 KB worse.
   */
  backgroundGzipBytes: 20.5 * 1024,
  /** Popup ready with 1,000 records stored, as a multiple of a bare page that reads one small key. */
  popupReadyRatio: 1.1,
  /** The real toolbar popup with 300 failures, action.openPopup() to the failures on screen, as a multiple of a bare popup page. */
  toolbarPopupRatio: 1.1,
  /** A successful request's cost in the background, as a multiple of an empty listener's. */
  successEventRatio: 2,
  /** What the recorder adds to a successful request (two events), in nanoseconds. */
  successEventExtraNs: 1000,
  /** Building one failure record, in microseconds. */
  buildRecordUs: 10,
  /** Storage writes for a burst of 1,000 failures. */
  writesPerBurst: 5,
  /** From the first failure of the burst to everything in storage, in milliseconds. */
  burstFlushMs: 1000,
  /** The stored log at the record cap (1,000 records), in bytes of JSON. */
  logBytesAtCap: 700 * 1024,
  /**
   * The DevTools panel's first render at the sizes the log can hold (1,000 records by default; at
   * most what the 1 MB cap keeps), as a multiple of a bare page that only reads what that first
   * frame reads: the newest 100 records (the rest follows after the frame). Until 2026-12-04 the
   * panel read the whole log first and the floor was a page reading all of it (394 ms against
   * 279 ms on 1,000 records).
   */
  panelFirstRenderRatio: 1.5,
  /** The same first render in milliseconds, from navigation start to the first frame with rows. */
  panelFirstRenderMs: 200,
  /**
   * CPU time of the panel's main thread while 100 new failures arrive each second, as a multiple
   * of a bare page that only receives the same storage changes. Was an absolute 40 ms/s (task wall
   * time first, then CPU time: 28-30 ms/s measured once), but on this shared machine the bare page
   * alone took 49-78 ms/s in the runs of 2026-12-04, so the absolute figure measured the machine;
   * it is printed beside the ratio.
   */
  panelUpdateRatio: 1.5,
} as const;
