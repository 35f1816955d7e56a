import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { release, releaseNotes, type ReleaseResult } from '../../src/build/release';

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

/**
 * The notes' "since the last tag" in a throwaway repository (this one has no tag, and a test must
 * never tag it): commits with rising dates, tags, a merged branch, a tag off HEAD's history. Each
 * step checks that the notes list exactly the commits after the last tag, oldest first, and none
 * before it.
 */
describe('release notes since the last tag', () => {
  let repo: string;
  let clock = 0;
  /** Commits get one second each from a fixed date, so their order is the order they were made. */
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10_000,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.invalid',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.invalid',
        GIT_AUTHOR_DATE: `${1_700_000_000 + clock} +0000`,
        GIT_COMMITTER_DATE: `${1_700_000_000 + clock} +0000`,
      },
    }).trim();
  /** A commit on the current branch; its line as the notes write it. */
  const commit = (subject: string) => {
    clock += 1;
    git('commit', '-q', '--allow-empty', '--no-verify', '-m', subject);
    return `- ${subject} (${git('rev-parse', '--short', 'HEAD')})`;
  };
  const notes = () => releaseNotes(repo, '9.9.9');
  const listed = (text: string) => text.split('\n').filter((line) => line.startsWith('- '));

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'edr-notes-test-'));
    git('init', '-q', '-b', 'main');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const first: string[] = [];
  const second: string[] = [];

  it('lists every commit when there is no tag, also when the first release is tagged before it is built', () => {
    first.push(commit('First commit'), commit('Second commit'));
    expect(notes()).toBe(`## 9.9.9\n\nEvery change so far:\n\n${first.join('\n')}\n`);
    git('tag', 'v0.1.0');
    expect(notes()).toBe(`## 9.9.9\n\nEvery change so far:\n\n${first.join('\n')}\n`);
  });

  it('lists exactly the commits after the tag, oldest first, a merged branch’s too, never a merge', () => {
    expect(listed(notes())).toEqual(first); // HEAD is still the tagged commit
    second.push(commit('Third commit'), commit('Fourth commit'));
    expect(notes()).toBe(`## 9.9.9\n\nChanges since v0.1.0:\n\n${second.join('\n')}\n`);
    git('checkout', '-q', '-b', 'side');
    second.push(commit('On a side branch'));
    git('checkout', '-q', 'main');
    second.push(commit('Fifth commit'));
    clock += 1;
    git('merge', '-q', '--no-ff', '--no-verify', '-m', 'Merge branch side', 'side');
    expect(listed(notes())).toEqual(second);
    expect(notes()).not.toContain('Merge branch side');
  });

  it('when HEAD carries the release’s own tag (annotated, or two), starts from the tag before', () => {
    git('tag', '-a', '-m', 'Release 0.2.0', 'v0.2.0');
    git('tag', 'v0.2.0-rc.1');
    expect(notes()).toBe(`## 9.9.9\n\nChanges since v0.1.0:\n\n${second.join('\n')}\n`);
  });

  it('starts from the newest tag HEAD descends from, and ignores a tag off its history', () => {
    git('tag', '-d', 'v0.2.0-rc.1');
    git('checkout', '-q', '-b', 'unmerged');
    commit('Never merged');
    git('tag', 'v9.0.0-elsewhere');
    git('checkout', '-q', 'main');
    const sixth = commit('Sixth commit');
    const seventh = commit('Seventh commit');
    expect(notes()).toBe(`## 9.9.9\n\nChanges since v0.2.0:\n\n${sixth}\n${seventh}\n`);
    git('tag', 'v0.3.0', 'HEAD~1');
    expect(notes()).toBe(`## 9.9.9\n\nChanges since v0.3.0:\n\n${seventh}\n`);
    expect(notes()).not.toContain('Never merged');
  });
});
