import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS } from './budgets';
import { row, type Bench, type BenchResult } from './types';

const DIST = resolve('dist/chrome');
/** The DevTools panel is not named by the manifest (devtools.html creates it by URL). */
const PANEL_PAGE = 'src/devtools/panel.html';

/** Static imports and re-exports in rollup's output, e.g. `import{a as b}from"./x.js"` or `import"./y.js"`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'`;()]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i');

export interface PageWeight {
  files: Array<{ file: string; gzip: number }>;
  gzip: number;
}

function resolveFrom(fromFile: string, spec: string): string | null {
  if (/^[a-z]+:/i.test(spec)) return null; // remote or data URLs: never in this extension
  const path = spec.startsWith('/') ? join(DIST, spec) : resolve(dirname(fromFile), spec);
  return existsSync(path) ? path : null;
}

/** Everything a page loads at start: its HTML, the scripts and styles it names, and their static imports. */
export function pageWeight(entry: string): PageWeight {
  const seen = new Set<string>();
  const queue = [resolve(DIST, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.html')) {
      for (const [, tag, attrs] of text.matchAll(TAG)) {
        const rel = ATTR('rel').exec(attrs!)?.[1] ?? '';
        const src = tag!.toLowerCase() === 'script' ? ATTR('src').exec(attrs!)?.[1] : /stylesheet|modulepreload/i.test(rel) ? ATTR('href').exec(attrs!)?.[1] : undefined;
        const target = src && resolveFrom(file, src);
        if (target) queue.push(target);
      }
    } else if (file.endsWith('.js')) {
      for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
        const target = resolveFrom(file, spec!);
        if (target) queue.push(target);
      }
    }
  }
  const files = [...seen]
    .map((file) => ({ file: posix.normalize(relative(DIST, file)), gzip: gzipSync(readFileSync(file)).length }))
    .sort((a, b) => b.gzip - a.gzip);
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

function heaviest(weight: PageWeight): string {
  return weight.files
    .slice(0, 3)
    .map((f) => `${posix.basename(f.file)} ${(f.gzip / 1024).toFixed(1)} KB`)
    .join(', ');
}

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
    const pages: Array<[string, string | undefined, number]> = [
      ['popup bundle (gzip)', manifest.action?.default_popup, BUDGETS.popupGzipBytes],
      ['DevTools panel bundle (gzip)', PANEL_PAGE, BUDGETS.panelGzipBytes],
      ['background bundle (gzip)', manifest.background?.service_worker, BUDGETS.backgroundGzipBytes],
    ];
    for (const [name, entry, budget] of pages) {
      if (!entry || !existsSync(join(DIST, entry))) {
        result.skipped!.push({ name, reason: `not built: dist/chrome/${entry ?? '(not in manifest)'} is missing` });
        continue;
      }
      const weight = pageWeight(entry);
      result.rows.push(row(name, weight.gzip, 'B', budget, `${weight.files.length} files; heaviest: ${heaviest(weight)}`));
    }
    return result;
  },
};
