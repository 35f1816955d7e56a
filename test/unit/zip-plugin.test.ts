import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { writeZip } from '../../src/build/zip-plugin';

/** The store zip must be reproducible: AMO's reviewers rebuild from source and compare. */
describe('writeZip', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function fixture(): { out: string; zipPath: string } {
    const root = mkdtempSync(join(tmpdir(), 'edr-zip-'));
    dirs.push(root);
    const out = join(root, 'dist');
    mkdirSync(join(out, 'assets'), { recursive: true });
    mkdirSync(join(out, '_locales', 'en'), { recursive: true });
    writeFileSync(join(out, 'manifest.json'), '{"manifest_version":3}');
    writeFileSync(join(out, 'assets', 'b.js'), 'export const b = 2;');
    writeFileSync(join(out, 'assets', 'a.js'), 'export const a = 1;');
    writeFileSync(join(out, '_locales', 'en', 'messages.json'), '{}');
    return { out, zipPath: join(root, 'out.zip') };
  }

  const run = (out: string, zipPath: string) => writeZip(out, zipPath);

  it('zips every file with forward-slash paths relative to the build, manifest at the root', () => {
    const { out, zipPath } = fixture();
    run(out, zipPath);
    const entries = unzipSync(readFileSync(zipPath));
    expect(Object.keys(entries)).toEqual(['_locales/en/messages.json', 'assets/a.js', 'assets/b.js', 'manifest.json']);
    expect(new TextDecoder().decode(entries['assets/a.js'])).toBe('export const a = 1;');
  });

  it('gives the same bytes for the same files, whatever their modification times', () => {
    const { out, zipPath } = fixture();
    run(out, zipPath);
    const first = readFileSync(zipPath);
    utimesSync(join(out, 'assets', 'a.js'), new Date('2031-05-05'), new Date('2031-05-05'));
    run(out, zipPath);
    expect(readFileSync(zipPath).equals(first)).toBe(true);
  });

  it('changes when a file changes (the zip is not stale)', () => {
    const { out, zipPath } = fixture();
    run(out, zipPath);
    const first = readFileSync(zipPath);
    writeFileSync(join(out, 'assets', 'a.js'), 'export const a = 3;');
    run(out, zipPath);
    expect(readFileSync(zipPath).equals(first)).toBe(false);
  });
});
