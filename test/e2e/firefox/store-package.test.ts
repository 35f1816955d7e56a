import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

/**
 * What goes to addons.mozilla.org: dist/error-doctor-firefox.zip, checked with AMO's own linter
 * (addons-linter, which `web-ext lint` wraps). Every warning must be one the README explains.
 */
const DIST = 'dist/firefox';
const ZIP = 'dist/error-doctor-firefox.zip';
const TEST_DIST = 'dist/firefox-test';
/** Strings only the TEST-ONLY hook build contains (test/support/firefox-hook/). */
const TEST_ONLY_MARKERS = ['__edr_test', 'firefox-hook'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintResult {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

describe('the Firefox store package', () => {
  const zip = unzipSync(readFileSync(ZIP));

  it('holds exactly the files of dist/firefox, byte for byte, manifest at the root', () => {
    const files = filesUnder(DIST)
      .map((f) => relative(DIST, f).split('\\').join('/'))
      .sort();
    expect(Object.keys(zip).sort()).toEqual(files);
    for (const name of files) expect(Buffer.from(zip[name]!).equals(readFileSync(join(DIST, name))), name).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(zip['manifest.json']))).toMatchObject({
      manifest_version: 3,
      background: { scripts: ['service-worker-loader.js'] },
    });
  });

  it('contains nothing of the TEST-ONLY hook build, which does', () => {
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    for (const [name, bytes] of Object.entries(zip)) {
      for (const marker of TEST_ONLY_MARKERS) expect(text(bytes).includes(marker), `${name} contains ${marker}`).toBe(false);
    }
    // The check can fail: the test build has the hook.
    const testBuild = filesUnder(TEST_DIST)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(testBuild).toContain('__edr_test');
  });

  it('passes addons-linter with no errors, and only the warning the README explains', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/addons-linter', ['--self-hosted=false', '--output=json', ZIP], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const result = JSON.parse(stdout) as LintResult;
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([]);
    for (const warning of result.warnings) {
      // README: "Unsafe assignment to innerHTML" is Preact's own `dangerouslySetInnerHTML` branch,
      // which runs only for components that pass that prop; Error Doctor has none (checked below).
      expect(warning.code, JSON.stringify(warning)).toBe('UNSAFE_VAR_ASSIGNMENT');
      const source = new TextDecoder().decode(zip[warning.file!]).split('\n')[(warning.line ?? 1) - 1] ?? '';
      const around = source.slice(Math.max(0, (warning.column ?? 0) - 400), (warning.column ?? 0) + 100);
      expect(around).toContain('dangerouslySetInnerHTML');
      expect(around).toMatch(/\.innerHTML=\w+\.__html/);
    }
  }, 60_000);

  it('no source file sets HTML from strings, so Preact’s innerHTML branch never runs', () => {
    const sources = filesUnder('src').filter((f) => /\.(ts|tsx)$/.test(f));
    for (const file of sources) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/);
    }
  });
});
