import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/build/one-file-per-page';

/**
 * The Firefox e2e tests drive dist/firefox-test/, so it must be what ships: dist/firefox/ byte
 * for byte, plus the TEST-ONLY hook (test/support/firefox-hook/) as one more background script.
 * Runs after `npm run build`.
 */
const SHIPPED = 'dist/firefox';
const TESTED = 'dist/firefox-test';
const HOOK = 'test-hook.js';

const list = (dir: string) =>
  filesUnder(dir)
    .map((f) => relative(dir, f).split('\\').join('/'))
    .sort();
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { background: { scripts: string[] } };

describe('dist/firefox-test is dist/firefox plus the test hook', () => {
  it('has the same files, and the hook', () => {
    expect(list(TESTED)).toEqual([...list(SHIPPED), HOOK].sort());
  });

  it('every shipped file but the manifest is byte for byte the same', () => {
    const differ = list(SHIPPED).filter((name) => name !== 'manifest.json' && !readFileSync(join(SHIPPED, name)).equals(readFileSync(join(TESTED, name))));
    expect(differ).toEqual([]);
  });

  it('the manifest differs only by the hook, loaded after the shipped background', () => {
    const shipped = manifest(SHIPPED);
    const tested = manifest(TESTED);
    expect(tested.background.scripts).toEqual([...shipped.background.scripts, HOOK]);
    expect({ ...tested, background: shipped.background }).toEqual(shipped);
  });
});
