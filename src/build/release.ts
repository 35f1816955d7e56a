/**
 * `npm run release [-- --out DIR]`: the store packages of HEAD, repeatable byte for byte.
 *
 * 1. The source archive addons.mozilla.org asks for: `git archive` of HEAD (entries dated with
 *    the commit's time, so the same commit gives the same bytes).
 * 2. That archive unpacked into a fresh folder and built there (`vite build --mode chrome|firefox`,
 *    package.json's version in both manifests): the packages are built from exactly what the
 *    archive holds, the way a reviewer rebuilds them, never from uncommitted files.
 * 3. error-doctor-<version>-chrome.zip (Chrome and Edge), -firefox.zip, -source.zip,
 *    SHA256SUMS and RELEASE-NOTES.md (the commits since the last tag; all of them without one).
 *
 * Node-only, like the rest of src/build/. Default output: dist/release/<version>/.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const BROWSERS = ['chrome', 'firefox'] as const;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The tag the notes start from: the newest one HEAD descends from, other than HEAD's own. The
 * commit being released may already carry its tag (tag, then release); its notes are then the
 * commits since the tag before, not an empty list. Null when there is none.
 */
function lastTag(repo: string): string | null {
  const own = git(repo, 'tag', '--points-at', 'HEAD').split('\n').filter(Boolean);
  try {
    return git(repo, 'describe', '--tags', '--abbrev=0', ...own.map((tag) => `--exclude=${tag}`), 'HEAD');
  } catch {
    return null; // No tag yet: the first release lists every commit.
  }
}

/** "## 0.1.0" and one line per commit since the last tag (every commit when there is none), oldest first. */
export function releaseNotes(repo: string, version: string): string {
  const since = lastTag(repo);
  const range = since ? `${since}..HEAD` : 'HEAD';
  const lines = git(repo, 'log', '--reverse', '--no-merges', '--format=- %s (%h)', range);
  return `## ${version}\n\n${since ? `Changes since ${since}:` : 'Every change so far:'}\n\n${lines || '- (no changes)'}\n`;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Unpacks a zip made by `git archive` (files only; git stores directories as entries ending in /). */
function unzipTo(zip: string, dir: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
  }
}

/** This process's environment minus what a test runner sets (VITEST turns the extension plugins off, NODE_ENV=test). */
function buildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'EDR_DIST'));
  return { ...env, EDR_DIST: 'dist' };
}

export interface ReleaseResult {
  dir: string;
  version: string;
  files: string[];
  /** SHA256SUMS's text: "<hash>  <file>" per line. */
  sums: string;
}

export function release(repo: string, outDir?: string): ReleaseResult {
  const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
  const dir = resolve(outDir ?? join(repo, 'dist', 'release', version));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const name = (what: string) => `error-doctor-${version}-${what}.zip`;

  const source = join(dir, name('source'));
  git(repo, 'archive', '--format=zip', `--output=${source}`, 'HEAD');

  const work = mkdtempSync(join(tmpdir(), 'edr-release-'));
  try {
    unzipTo(source, work);
    // The archive has no dependencies; the repository's installed ones (from its package-lock).
    symlinkSync(realpathSync(join(repo, 'node_modules')), join(work, 'node_modules'), 'dir');
    const vite = join(work, 'node_modules', 'vite', 'bin', 'vite.js');
    for (const browser of BROWSERS) {
      execFileSync(process.execPath, [vite, 'build', '--mode', browser, '--logLevel', 'warn'], {
        cwd: work,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: buildEnv(),
      });
      const built = JSON.parse(readFileSync(join(work, 'dist', browser, 'manifest.json'), 'utf8')) as { version: string };
      if (built.version !== version) throw new Error(`${browser} manifest has version ${built.version}, package.json ${version}`);
      copyFileSync(join(work, 'dist', `error-doctor-${browser}.zip`), join(dir, name(browser)));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  writeFileSync(join(dir, 'RELEASE-NOTES.md'), releaseNotes(repo, version));
  const files = [name('chrome'), name('firefox'), name('source'), 'RELEASE-NOTES.md'];
  const sums = files.map((file) => `${sha256(join(dir, file))}  ${file}\n`).join('');
  writeFileSync(join(dir, 'SHA256SUMS'), sums);
  return { dir, version, files: [...files, 'SHA256SUMS'], sums };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = process.argv.indexOf('--out');
  const repo = git(process.cwd(), 'rev-parse', '--show-toplevel');
  const dirty = git(repo, 'status', '--porcelain', '--untracked-files=no');
  if (dirty) console.warn(`Uncommitted changes are not in this release (it builds HEAD):\n${dirty}`);
  const result = release(repo, out > 0 ? process.argv[out + 1] : undefined);
  console.log(`Release ${result.version} of ${git(repo, 'rev-parse', '--short', 'HEAD')} in ${result.dir}:\n${result.sums}`);
}
