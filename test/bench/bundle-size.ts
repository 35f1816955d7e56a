import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reachable } from '../../src/build/one-file-per-page';
import { BUDGETS } from './budgets';
import { openBenchBrowser, recentRecords } from './bench-browser';
import { row, type Bench, type BenchResult } from './types';

const DIST = resolve('dist/chrome');
/** The DevTools panel is not named by the manifest (devtools.html creates it by URL). */
const PANEL_PAGE = 'src/devtools/panel.html';
/** After the last file a page fetched, this long without another means it has loaded all it will. */
const QUIET_MS = 1000;

const gzip = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every file reachable from `entry` by any import, static or dynamic (dist-relative paths). */
function reachableFrom(entry: string): string[] {
  return [...reachable(DIST, [resolve(DIST, entry)])].map((f) => posix.normalize(relative(DIST, f)));
}

/**
 * The gzip size of everything a page loads, as the browser fetched it: the popup and the panel
 * are opened in Chromium (with failures stored, so they render fully) and every file they fetch
 * until nothing more comes for a second is counted, lazy chunks loaded at open included. What
 * they could load but did not (code loaded only when the user clicks a fix) is listed apart.
 * The worker cannot load code lazily, so its size is what its loader reaches.
 */
export const bundleSize: Bench = {
  name: 'bundle sizes',
  ci: true,
  async run(): Promise<BenchResult> {
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/chrome is missing: run `npm run build` first');
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
      action?: { default_popup?: string };
      background?: { service_worker?: string };
    };
    const result: BenchResult = { rows: [], skipped: [] };
    const bench = await openBenchBrowser();
    try {
      await bench.seedLog(recentRecords(50, 7));
      const pages: Array<[string, string | undefined, number]> = [
        ['popup bundle (gzip)', manifest.action?.default_popup, BUDGETS.popupGzipBytes],
        ['DevTools panel bundle (gzip)', PANEL_PAGE, BUDGETS.panelGzipBytes],
      ];
      for (const [name, entry, budget] of pages) {
        if (!entry || !existsSync(join(DIST, entry))) {
          result.skipped!.push({ name, reason: `not built: dist/chrome/${entry ?? '(not in manifest)'} is missing` });
          continue;
        }
        const loaded = await bench.filesLoaded(`${entry}?tabId=7`, QUIET_MS);
        const total = loaded.reduce((sum, f) => sum + gzip(f), 0);
        const onClick = reachableFrom(entry).filter((f) => !loaded.includes(f) && !f.endsWith('.html'));
        const heaviest = [...loaded].sort((a, b) => gzip(b) - gzip(a)).slice(0, 3).map((f) => `${posix.basename(f)} ${kb(gzip(f))}`);
        const later = onClick.length ? `; loaded only on a click: ${onClick.map((f) => `${posix.basename(f)} ${kb(gzip(f))}`).join(', ')}` : '';
        result.rows.push(row(name, total, 'B', budget, `${loaded.length} files fetched at open; heaviest: ${heaviest.join(', ')}${later}`));
      }
    } finally {
      await bench.close();
    }
    const worker = manifest.background?.service_worker;
    if (worker && existsSync(join(DIST, worker))) {
      const files = reachableFrom(worker);
      result.rows.push(row('background bundle (gzip)', files.reduce((s, f) => s + gzip(f), 0), 'B', BUDGETS.backgroundGzipBytes, `${files.length} file${files.length > 1 ? 's' : ''}`));
    } else {
      result.skipped!.push({ name: 'background bundle (gzip)', reason: 'not built: the service worker is missing' });
    }
    return result;
  },
};
