import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { zipSync } from 'fflate';
import type { Plugin } from 'vite';
import { filesUnder, oneFilePerPage } from './one-file-per-page';

/**
 * Writes the store-ready zip next to the unpacked build. Entries get a fixed date and a sorted
 * order so the same sources give the same zip (AMO's reviewers rebuild and compare).
 *
 * Why our own ten lines over fflate (a maintained zip library) rather than `web-ext build`:
 * web-ext zips with zip-dir, which dates every entry with the time of the run. Measured on
 * 2026-12-04 with web-ext 10.7.0: two `web-ext build` runs of the same dist/firefox, two seconds
 * apart, gave different SHA-256s (entries dated 20261204.051024 and later), so a release could
 * not be repeated byte for byte. `web-ext lint` still checks the result (store-package.test.ts).
 */
export function writeZip(outDir: string, zipPath: string): void {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of filesUnder(outDir).sort()) {
    entries[relative(outDir, file).split('\\').join('/')] = [readFileSync(file), { mtime: new Date('2020-01-01T00:00:00Z') }];
  }
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
}

/**
 * The last step of a build: one file per page (one-file-per-page.ts), then the store zip. One
 * hook, so the zip always holds the final files.
 */
export function finishPlugin(outDir: string, zipPath: string): Plugin {
  return {
    name: 'error-doctor:finish',
    apply: 'build',
    async closeBundle() {
      await oneFilePerPage(outDir);
      writeZip(outDir, zipPath);
    },
  };
}
