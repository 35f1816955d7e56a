/**
 * `npx tsx test/bench/bundle-report.ts [chrome|firefox]`: what the popup, the DevTools panel and
 * the worker are made of, as shipped. Builds the extension with source maps into a scratch
 * directory, bundles each of the three the way the build does (src/build/one-file-per-page.ts),
 * maps every byte of the minified file to its source module, and prints each package's and
 * module's share: the gzip bytes the file loses when that code is left out (gzip shares one
 * dictionary across a file, so a part's size alone would overstate it). The shares are of the
 * JavaScript the page loads at open; bundle-size.ts adds the HTML and CSS. Use it when a size
 * budget breaks, or to find what to cut.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { build, type PluginOption, type UserConfig } from 'vite';
import { bundlePage } from '../../src/build/one-file-per-page';
import viteConfig from '../../vite.config';

const browser = process.argv[2] === 'firefox' ? 'firefox' : 'chrome';
/** How many modules each bundle lists: `TOP=80 npx tsx test/bench/bundle-report.ts` lists them all. */
const TOP_MODULES = Number(process.env.TOP) || 15;

/** The package a source belongs to, or its module under src/ (src/core/diagnosis.ts...). */
const moduleOf = (source: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? /\bsrc\/.*/.exec(source)?.[0] ?? '(bundler runtime)';
/** The same, with modules grouped by their folder under src/ (src/core, src/ui...). */
const packageOf = (source: string) => moduleOf(source).replace(/^(src\/[^/]+)\/.*/, '$1');

/** For each character of `code`, the source its minified bytes came from. */
function owners(code: string, map: RawSourceMap): string[] {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const starts: Array<[number, string]> = [];
  new SourceMapConsumer(map).eachMapping((m) => starts.push([lineStarts[m.generatedLine - 1]! + m.generatedColumn, m.source ?? '']));
  starts.sort((a, b) => a[0] - b[0]);
  const owner = new Array<string>(code.length).fill('');
  starts.forEach(([from, source], i) => owner.fill(source, from, starts[i + 1]?.[0] ?? code.length));
  return owner;
}

/** Each group's raw bytes and its share: the gzip bytes the file loses without it. */
function shares(code: string, owner: string[], groupOf: (source: string) => string) {
  const gzip = (text: string) => gzipSync(text).length;
  const total = gzip(code);
  const groups = new Map<string, number>();
  for (const source of owner) groups.set(groupOf(source), (groups.get(groupOf(source)) ?? 0) + 1);
  const rows = [...groups].map(([group, raw]) => ({ group, raw, gzip: total - gzip(owner.map((s, i) => (groupOf(s) === group ? '' : code[i])).join('')) }));
  return { total, rows: rows.sort((a, b) => b.gzip - a.gzip) };
}

const outDir = mkdtempSync(join(tmpdir(), 'edr-bundle-report-'));
try {
  const config = viteConfig({ mode: browser, command: 'build' }) as UserConfig;
  // The build without its last step (one file per page, the zip), which would delete the chunks and maps read here.
  const plugins = (config.plugins as PluginOption[])
    .flat(Infinity as 1)
    .filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'error-doctor:finish'));
  await build({ ...config, configFile: false, logLevel: 'silent', plugins, build: { ...config.build, outDir, sourcemap: true } });

  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
    background: { service_worker?: string; scripts?: string[] };
  };
  const script = (page: string) => /<script type="module"[^>]*? src="\/([^"]+)"/.exec(readFileSync(join(outDir, page), 'utf8'))![1]!;
  const bundles = [
    ['popup', script(manifest.action.default_popup)],
    ['panel', script('src/devtools/panel.html')],
    ['background', manifest.background.service_worker ?? manifest.background.scripts![0]!],
  ] as const;
  for (const [name, input] of bundles) {
    await bundlePage(join(outDir, input), join(outDir, 'report'), name, true);
    const file = join(outDir, 'report', `${name}.js`);
    // Without the map's own link, which the shipped file does not have.
    const code = readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '');
    const owner = owners(code, JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap);
    const byPackage = shares(code, owner, packageOf);
    console.log(`\n${name}.js (${browser}): ${code.length.toLocaleString('en-US')} B, ${byPackage.total.toLocaleString('en-US')} B gzip`);
    console.log('  gzip share     raw  package or folder');
    for (const r of byPackage.rows) console.log(`  ${String(r.gzip).padStart(10)}  ${String(r.raw).padStart(6)}  ${r.group}`);
    console.log(`  largest modules:`);
    for (const r of shares(code, owner, moduleOf).rows.slice(0, TOP_MODULES))
      console.log(`  ${String(r.gzip).padStart(10)}  ${String(r.raw).padStart(6)}  ${r.group}`);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
