import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reachable } from '../../src/build/one-file-per-page';
import { PANEL_PAGE } from '../../src/contract/pages';
import { BUDGETS } from './budgets';
import { row, type Bench, type BenchResult } from './types';

/** After the last file a page fetched, this long without another means it has loaded all it will. */
const QUIET_MS = 1000;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface BundleSize {
  name: string;
  /** The page or worker, relative to the build. */
  entry: string;
  /** dist-relative files it loads at open: the page, then its scripts and styles and their static imports. */
  files: string[];
  /** gzip bytes of those files. */
  bytes: number;
  budget: number;
  /** What it can load but only with `import()` (right after its first frame, or on a click), with gzip bytes. */
  later: Array<{ file: string; bytes: number }>;
}

/**
 * The gzip size of what each bundle loads at open, read from a build: the popup and the panel
 * (their HTML, scripts, styles and static imports) and the worker (its loader and static imports;
 * a service worker cannot load code lazily). Deterministic: `test/build/bundle-size.test.ts` fails
 * CI with it, and `npm run bench` prints it after checking, in Chromium, that a page fetches at
 * open exactly these files.
 */
export function bundleSizes(dist: string): BundleSize[] {
  const dir = resolve(dist);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
    background?: { service_worker?: string; scripts?: string[] };
  };
  const gzip = (file: string) => gzipSync(readFileSync(join(dir, file))).length;
  const from = (entry: string, lazy: boolean) =>
    [...reachable(dir, [join(dir, entry)], { lazy })].map((f) => posix.normalize(relative(dir, f).split('\\').join('/')));
  const entries: Array<[string, string | undefined, number]> = [
    ['popup bundle (gzip)', manifest.action?.default_popup, BUDGETS.popupGzipBytes],
    // Not named by the manifest: devtools.html creates the panel by its URL.
    ['DevTools panel bundle (gzip)', PANEL_PAGE, BUDGETS.panelGzipBytes],
    ['background bundle (gzip)', manifest.background?.service_worker ?? manifest.background?.scripts?.[0], BUDGETS.backgroundGzipBytes],
  ];
  return entries.map(([name, entry, budget]) => {
    if (!entry || !existsSync(join(dir, entry))) throw new Error(`${name}: ${dist}/${entry ?? '(not in the manifest)'} is missing`);
    const files = from(entry, false);
    const later = from(entry, true).filter((f) => !files.includes(f));
    return { name, entry, files, bytes: files.reduce((sum, f) => sum + gzip(f), 0), budget, later: later.map((file) => ({ file, bytes: gzip(file) })) };
  });
}

/**
 * The same figures in the bench table, with what Chromium really fetched at open beside them:
 * the counted files, then the lazy parts a page loads right after its first frame without a
 * click (the popup's fixes), with their gzip bytes, so the whole first screen's weight is printed too.
 */
export const bundleSize: Bench = {
  name: 'bundle sizes',
  ci: true,
  async run(): Promise<BenchResult> {
    const sizes = bundleSizes('dist/chrome');
    const { openBenchBrowser, recentRecords } = await import('./bench-browser');
    const bench = await openBenchBrowser();
    const fetched = new Map<string, string[]>();
    try {
      await bench.seedLog(recentRecords(50, 7));
      for (const size of sizes.filter((s) => s.entry.endsWith('.html'))) fetched.set(size.name, await bench.filesLoaded(`${size.entry}?tabId=7`, QUIET_MS));
    } finally {
      await bench.close();
    }
    const listed = (parts: BundleSize['later']) => parts.map((p) => `${posix.basename(p.file)} ${kb(p.bytes)}`).join(', ');
    return {
      rows: sizes.map((size) => {
        const seen = fetched.get(size.name);
        // The lazy parts Chromium fetched without a click (right after the first frame), and the rest.
        const lazy = size.later.filter((p) => seen?.includes(p.file));
        const later = size.later.filter((p) => !lazy.includes(p));
        const unexpected = seen?.filter((f) => !size.files.includes(f) && !lazy.some((p) => p.file === f)) ?? [];
        const missing = seen ? size.files.filter((f) => !seen.includes(f)) : [];
        const check = !seen
          ? ''
          : missing.length || unexpected.length
            ? `; Chromium fetched other files at open: ${seen.join(', ')}`
            : '; Chromium fetched these at open';
        const lazyBytes = lazy.reduce((sum, p) => sum + p.bytes, 0);
        const next = lazy.length ? `, and right after the first frame, without a click, ${listed(lazy)} (${kb(size.bytes + lazyBytes)} in all)` : '';
        return row(
          size.name,
          size.bytes,
          'B',
          size.budget,
          `${size.files.join(', ')}${check}${next}${later.length ? `; only on a click: ${listed(later)}` : ''}`,
        );
      }),
    };
  },
};
