/**
 * `npx tsx test/bench/bundle-report.ts`: what makes each chunk heavy. Builds the Chrome extension
 * into a scratch directory and lists, per chunk, its largest source modules (rendered bytes and
 * gzip of that module alone, which overstates a little: gzip shares a dictionary across a file).
 * Use it when a bundle budget in `npm run bench` breaks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

type Row = { id: string; bytes: number; gzip: number };
const chunks = new Map<string, Row[]>();

const analyze: Plugin = {
  name: 'bundle-report',
  generateBundle(_options, bundle) {
    for (const [file, chunk] of Object.entries(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const rows = Object.entries(chunk.modules).map(([id, m]) => ({
        id: id.replace(/^.*node_modules\//, 'npm:').replace(`${process.cwd()}/`, ''),
        bytes: m.renderedLength,
        gzip: m.code ? gzipSync(m.code).length : 0,
      }));
      chunks.set(file, rows.sort((a, b) => b.bytes - a.bytes));
    }
  },
};

const outDir = mkdtempSync(join(tmpdir(), 'edr-bundle-report-'));
try {
  await build({ configFile: 'vite.config.ts', mode: 'chrome', logLevel: 'silent', build: { outDir, emptyOutDir: true }, plugins: [analyze] });
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
for (const [file, rows] of [...chunks].sort()) {
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`\n${file}  (${(total / 1024).toFixed(1)} KB rendered)`);
  for (const r of rows.filter((row) => row.bytes >= 300).slice(0, 12)) {
    console.log(`  ${(r.bytes / 1024).toFixed(1).padStart(6)} KB  ${(r.gzip / 1024).toFixed(1).padStart(5)} KB gz  ${r.id}`);
  }
}
