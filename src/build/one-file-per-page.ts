import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { rolldown, type RolldownPlugin } from 'rolldown';

/**
 * After vite: each page's script, and the background, bundled again into one file (plus the
 * chunks it imports lazily), and the chunks nothing loads any more deleted.
 *
 * Why: vite splits code shared by any two of our seven entries into shared chunks, which suits
 * a website (a shared chunk is cached once) but not an extension, whose files load from disk:
 * the popup loaded 20 files. Measured on the popup: DOMContentLoaded 137 ms with 20 files, 37
 * ms with one, and 2 KB less gzip, since one file compresses better than twenty small ones.
 * Stylesheets likewise: vite gives a page one per shared chunk (four for the panel); joined in
 * their order they are one request and 0.7 KB less gzip on the panel, 0.5 KB on the popup.
 *
 * Why not an option of vite, crxjs or rolldown (checked 2026-12-04: vite 8.3, rolldown 1.2.19,
 * @crxjs/vite-plugin 3.0.0); rebuilt without this step, the popup fetches 26 files, 33.9 KB gzip,
 * the panel 19 files, 30.0 KB, the worker 14 files, 26.3 KB; with it 3, 3 and 1 files, 23.5, 23.3
 * and 20.4 KB (the worker's own chunks repeat what gzip would share in one file). Times, with
 * both builds loaded in one Chromium and opened alternately (1,000 records, median, ms from
 * navigation start; 2026-12-04): the popup's failures and verdict on screen 187 ms without, 119
 * ms with (20 opens each); the panel's first rows 191 without, 151 with, its whole log 348 and
 * 305 (12 opens each).
 * - `output.codeSplitting` groups (the old `manualChunks`/`advancedChunks`) put each module in
 *   exactly one chunk, so two pages that share code still both fetch a shared chunk.
 * - `output.inlineDynamicImports` needs a single input; crxjs builds every page in one build.
 * - `codeSplitting.experimentalInlineCommonChunks` (maxSize Infinity, the one option that copies
 *   shared code into each chunk) fails the build: crxjs's manifest step parses its manifest chunk
 *   as JSON and finds the shared runtime import inlining adds ("./rolldown..." is not valid JSON).
 * - One vite build per page would take the pages out of crxjs, which builds what the manifest names.
 * Worth trying again when crxjs supports rolldown's chunk inlining.
 */

const MODULE_SCRIPT = /<script type="module"([^>]*?) src="([^"]+)"><\/script>/;
const STYLESHEET = /(\s*)<link rel="stylesheet"([^>]*?) href="(\/assets\/[^"]+\.css)">/g;

/** The page's stylesheets joined, in order, into `assets/<name>.css`; returns the page's new HTML. */
function oneStylesheet(outDir: string, html: string, name: string): string {
  const links = [...html.matchAll(STYLESHEET)];
  if (!links.length) return html;
  const css = links.map((link) => readFileSync(join(outDir, link[3]!), 'utf8').trim()).join('\n');
  writeFileSync(join(outDir, 'assets', `${name}.css`), `${css}\n`);
  let first = true;
  return html.replace(STYLESHEET, (_all, space: string, attributes: string) => {
    if (!first) return '';
    first = false;
    return `${space}<link rel="stylesheet"${attributes} href="/assets/${name}.css">`;
  });
}

/** rolldown reads a file's code only: this hands it the file's source map too, when vite wrote one. */
const inputMaps: RolldownPlugin = {
  name: 'input-source-maps',
  load(id) {
    if (!existsSync(`${id}.map`)) return null;
    return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
  },
};

/**
 * Bundles `input` (a built file) into `<dir>/<name>.js` and its lazy chunks; returns the file
 * names written. With `maps`, follows the source maps of a build made with them and writes the
 * bundle's: test/bench/bundle-report.ts weighs each source module of the shipped files that way.
 */
export async function bundlePage(input: string, dir: string, name: string, maps = false): Promise<string[]> {
  // Nothing imports a page's exports: letting them go lets rolldown merge shared code into the entry.
  const build = await rolldown({ input, logLevel: 'silent', preserveEntrySignatures: false, plugins: maps ? [inputMaps] : [] });
  try {
    const { output } = await build.write({
      dir,
      format: 'es',
      minify: true,
      sourcemap: maps,
      // The minifier keeps /* @__PURE__ */ notes for a later bundler; there is none.
      comments: false,
      entryFileNames: `${name}.js`,
      chunkFileNames: `${name}-[name]-[hash].js`,
      // Everything the page loads at open in its one file, even code a lazy chunk shares.
      codeSplitting: { groups: [{ name, tags: ['$initial'] }] },
    });
    return output.filter((o) => o.type === 'chunk').map((o) => o.fileName);
  } finally {
    await build.close();
  }
}

/** Every file under `dir`, at any depth. Also lists what the store zip holds (zip-plugin.ts). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `import "./x.js"`, `import(\`./x.js\`)`, `from"./x.js"`, and the asset paths vite lists for lazy CSS. */
const JS_REFERENCE = /(?:\bimport\s*\(\s*|\b(?:import|export)\s*(?:[^"'`;()]*?\bfrom\s*)?)["'`]([^"'`]+\.js)["'`]|["'`](assets\/[^"'`]+\.(?:js|css))["'`]/g;
const HTML_REFERENCE = /\b(?:src|href)="([^"]+\.(?:js|css))"/g;

/**
 * Every script and style reachable from `roots` (absolute paths) by any import, static or lazy;
 * with `{ lazy: false }`, only what loads before any `import()` runs (what a page fetches at open).
 */
export function reachable(outDir: string, roots: string[], { lazy = true } = {}): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.css')) continue;
    const text = readFileSync(file, 'utf8');
    const pattern = file.endsWith('.html') ? HTML_REFERENCE : JS_REFERENCE;
    for (const match of text.matchAll(pattern)) {
      const spec = match[1] ?? match[2]!;
      if (/^[a-z]+:/i.test(spec) || (!lazy && (match[2] || /^import\s*\(/.test(match[0])))) continue;
      queue.push(spec.startsWith('/') ? join(outDir, spec) : match[2] ? join(outDir, spec) : resolve(dirname(file), spec));
    }
  }
  return seen;
}

export async function oneFilePerPage(dir: string): Promise<void> {
  // Absolute, so paths found by following imports compare equal to the listed ones.
  const outDir = resolve(dir);
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
  };
  const pages = filesUnder(outDir).filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const script = MODULE_SCRIPT.exec(html);
    if (!script) continue;
    const name = basename(page, '.html') === 'index' ? basename(dirname(page)) : basename(page, '.html');
    await bundlePage(join(outDir, script[2]!), join(outDir, 'assets'), name);
    writeFileSync(page, oneStylesheet(outDir, html.replace(script[0], `<script type="module"${script[1]} src="/assets/${name}.js"></script>`), name));
  }
  // The background loader imports the worker's chunks; it becomes the whole worker.
  const backgrounds = [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])].filter((s): s is string => !!s);
  for (const loader of backgrounds) {
    const [file] = await bundlePage(join(outDir, loader), join(outDir, 'assets'), 'background');
    rmSync(join(outDir, loader));
    writeFileSync(join(outDir, loader), readFileSync(join(outDir, 'assets', file!)));
    rmSync(join(outDir, 'assets', file!));
  }
  const keep = reachable(outDir, [...pages, ...backgrounds.map((b) => join(outDir, b))]);
  for (const file of filesUnder(join(outDir, 'assets'))) {
    if (/\.(js|css)$/.test(file) && !keep.has(file)) rmSync(file);
  }
}
