import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { Plugin } from 'vite';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes the store-ready zip next to the unpacked build. Entries get a fixed date and a sorted
 * order so the same sources give the same zip (AMO's reviewers rebuild and compare).
 */
export function zipPlugin(outDir: string, zipPath: string): Plugin {
  return {
    name: 'error-doctor:zip',
    apply: 'build',
    closeBundle() {
      const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
      for (const file of filesUnder(outDir).sort()) {
        entries[relative(outDir, file).split('\\').join('/')] = [readFileSync(file), { mtime: new Date('2020-01-01T00:00:00Z') }];
      }
      writeFileSync(zipPath, zipSync(entries, { level: 9 }));
    },
  };
}
