import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { release, type ReleaseResult } from '../../src/build/release';

/**
 * `npm run release` twice on the same commit, into two folders (each run builds in its own fresh
 * temporary folder too): the same bytes, file for file. This is what lets addons.mozilla.org's
 * reviewers (and anyone) rebuild the uploaded package from the source archive and compare.
 */
describe('npm run release', () => {
  const root = mkdtempSync(join(tmpdir(), 'edr-release-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let first: ReleaseResult;
  let second: ReleaseResult;

  it('gives the same bytes on two runs of the same commit', () => {
    first = release(process.cwd(), join(root, 'a'));
    second = release(process.cwd(), join(root, 'b'));
    expect(readdirSync(first.dir).sort()).toEqual([...first.files].sort());
    expect(readdirSync(second.dir).sort()).toEqual(readdirSync(first.dir).sort());
    for (const file of first.files) expect(readFileSync(join(second.dir, file)).equals(readFileSync(join(first.dir, file))), file).toBe(true);
  }, 180_000);

  it('writes package.json’s version into both manifests, and sums every file', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const browser of ['chrome', 'firefox']) {
      const zip = unzipSync(readFileSync(join(first.dir, `error-doctor-${version}-${browser}.zip`)));
      expect(JSON.parse(new TextDecoder().decode(zip['manifest.json'])).version, browser).toBe(version);
    }
    expect(
      first.sums
        .trim()
        .split('\n')
        .map((line) => line.split('  ')[1]),
    ).toEqual(first.files.filter((f) => f !== 'SHA256SUMS'));
    expect(first.sums).toMatch(/^([0-9a-f]{64} {2}\S+\n)+$/);
  });

  it('archives the sources of HEAD and lists its commits in the notes', () => {
    const source = unzipSync(readFileSync(join(first.dir, `error-doctor-${first.version}-source.zip`)));
    expect(Object.keys(source)).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'src/build/release.ts']),
    );
    expect(Object.keys(source).some((name) => name.startsWith('node_modules/') || name.startsWith('dist/'))).toBe(false);
    const notes = readFileSync(join(first.dir, 'RELEASE-NOTES.md'), 'utf8');
    expect(notes).toMatch(new RegExp(`^## ${first.version.replaceAll('.', '\\.')}\\n`));
    expect(notes.split('\n').filter((line) => line.startsWith('- ')).length).toBeGreaterThan(0);
  });
});
