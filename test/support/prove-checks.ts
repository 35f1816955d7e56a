/**
 * Proof that the checks can fail (issue 15, "Proof that can fail"): for each check, a small
 * deliberate break in a throwaway clone of HEAD, then only the test(s) that must catch it. A
 * check is proven when its named tests fail on the broken copy (and, for the quick ones, pass on
 * the same copy unbroken: the control). Not part of `npm test`; the record of a run is
 * test/support/PROVE-CHECKS.md.
 *
 *   npx tsx test/support/prove-checks.ts [--only a,b1,...] [--control-e2e] [--record FILE]
 *
 * The clone is `git clone` of this repository's HEAD into a temp folder (committed code only;
 * nothing here touches the working tree, its branch or its tags), with node_modules linked from
 * here. The e2e checks start real Chromium, one at a time; their controls are the normal suite's
 * runs unless --control-e2e.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Mode = 'chrome' | 'firefox' | 'firefox-test';

interface Check {
  id: string;
  /** The check, as issue 15 names it. */
  check: string;
  /** The deliberate break, in words. */
  brokenBy: string;
  /** Applies the break to the clone at `dir`. */
  apply(dir: string): void;
  /** The release builds from the committed tree: this break is committed in the clone. */
  commit?: boolean;
  /** What to rebuild after the break, before the test. */
  builds: Mode[];
  project: 'unit' | 'build' | 'e2e';
  file: string;
  /** vitest -t: only these tests of the file. */
  filter?: string;
  /** Each must match the full name of a failing test. */
  mustFail: readonly RegExp[];
  /** A line of the test's own output worth keeping in the record (the figures behind a failure). */
  note?: RegExp;
}

/** Replaces `from` with `to` in one file of the clone; a break that no longer applies is an error, not a pass. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`the break no longer applies: ${String(from)} is not in ${file}`);
  writeFileSync(path, next);
}

/** Bytes gzip cannot shrink, the same on every run: a chain of SHA-512 digests in base64. */
function incompressible(length: number): string {
  let out = '';
  for (let block = createHash('sha512').update('prove-checks').digest(); out.length < length; block = createHash('sha512').update(block).digest()) {
    out += block.toString('base64').replace(/[+/=]/g, 'x');
  }
  return out.slice(0, length);
}

/** The load test's one storm (test/e2e/load.test.ts), and the figures it prints about losses. */
const LOAD_TEST = {
  project: 'e2e',
  file: 'test/e2e/load.test.ts',
  filter: 'keeps exactly the newest',
  mustFail: [/keeps exactly the newest 1,000/],
  note: /load: \d+ failures lost at a forced stop[^.]*\. [^.]*\./,
} as const;
/** The cache-clearing test: Chromium only (Firefox's browsingData cannot clear one site's cache). */
const CLEAR_CACHE_TEST = {
  builds: ['chrome'],
  project: 'e2e',
  file: 'test/e2e/clear-cache.test.ts',
  mustFail: [/clearing ChatGPT’s cache in Chromium empties the HTTP cache and Cache Storage of chatgpt\.com/],
} as const satisfies Partial<Check>;
/** The user-side verdicts, Chromium's half (Firefox's runs the same scenarios). */
const VERDICT_IN_CHROMIUM = { project: 'e2e', file: 'test/e2e/verdict.test.ts', filter: 'in chromium' } as const;

const CHECKS: Check[] = [
  {
    id: 'a',
    check: 'bundle size budget (popup ≤ its budget, test/bench/budgets.ts)',
    brokenBy: 'src/popup/main.tsx gains 2,000 incompressible characters (about 1.5 KB gzip)',
    apply: (dir) => edit(dir, 'src/popup/main.tsx', /$/, `\n(globalThis as Record<string, unknown>).edrPadding = '${incompressible(2000)}';\n`),
    builds: ['chrome'],
    project: 'build',
    file: 'test/build/bundle-size.test.ts',
    filter: 'dist/chrome',
    mustFail: [/popup bundle \(gzip\) is within its budget/],
  },
  {
    id: 'b1',
    check: 'webextension-polyfill: the seam imports it and each bundle carries it',
    brokenBy: "src/platform/browser.ts takes `globalThis.chrome` instead of importing 'webextension-polyfill'",
    apply: (dir) =>
      edit(
        dir,
        'src/platform/browser.ts',
        "import browser from 'webextension-polyfill';",
        "const browser = (globalThis as unknown as { chrome: import('webextension-polyfill').Browser }).chrome;",
      ),
    builds: ['chrome', 'firefox'],
    project: 'build',
    file: 'test/build/polyfill.test.ts',
    mustFail: [
      /exports the polyfill’s default export/,
      /in dist\/chrome the popup bundle carries it/,
      /in dist\/chrome the DevTools panel bundle carries it/,
      /in dist\/chrome the background bundle carries it/,
      /in dist\/firefox the popup bundle carries it/,
    ],
  },
  {
    id: 'b2',
    check: 'webextension-polyfill: a build that loses it while the source still imports it',
    brokenBy: "vite.config.ts aliases 'webextension-polyfill' to a stub module that exports globalThis.chrome",
    apply: (dir) => {
      writeFileSync(join(dir, 'src/platform/polyfill-stub.js'), 'export default globalThis.chrome;\n');
      edit(
        dir,
        'vite.config.ts',
        "resolve: { alias: { react: 'preact/compat',",
        "resolve: { alias: { 'webextension-polyfill': '/src/platform/polyfill-stub.js', react: 'preact/compat',",
      );
    },
    builds: ['chrome', 'firefox'],
    project: 'build',
    file: 'test/build/polyfill.test.ts',
    mustFail: [/in dist\/chrome the popup bundle carries it/, /in dist\/firefox the background bundle carries it/],
  },
  {
    id: 'c',
    check: '`npm run release` twice on one commit gives the same bytes',
    brokenBy: 'src/build/manifest-for.ts stamps `version_name` with Date.now() (committed in the clone: the release builds from the commit)',
    apply: (dir) =>
      edit(
        dir,
        'src/build/manifest-for.ts',
        'if (options.version) manifest.version = options.version;',
        'if (options.version) manifest.version = options.version;\n  manifest.version_name = `${String(options.version)} built ${Date.now()}`;',
      ),
    commit: true,
    builds: [],
    project: 'build',
    file: 'test/build/release.test.ts',
    filter: 'gives the same bytes',
    mustFail: [/gives the same bytes on two runs of the same commit/],
  },
  {
    id: 'd1',
    check: 'dist/firefox-test equals dist/firefox except the hook: every shipped file',
    brokenBy: 'the test build (test/support/firefox-hook/test-build.ts) appends a line to its copy of assets/options.js',
    apply: (dir) =>
      edit(
        dir,
        'test/support/firefox-hook/test-build.ts',
        '      manifest.background.scripts.push(HOOK_FILE);',
        "      manifest.background.scripts.push(HOOK_FILE);\n      writeFileSync(join(outDir, 'assets/options.js'), readFileSync(join(outDir, 'assets/options.js'), 'utf8') + '\\n// test build\\n');",
      ),
    builds: ['firefox-test'],
    project: 'build',
    file: 'test/build/firefox-test-build.test.ts',
    mustFail: [/every shipped file but the manifest is byte for byte the same/],
  },
  {
    id: 'd2',
    check: 'dist/firefox-test equals dist/firefox except the hook: the manifest',
    brokenBy: 'the test build adds the `tabs` permission to its manifest beside the hook',
    apply: (dir) =>
      edit(
        dir,
        'test/support/firefox-hook/test-build.ts',
        '      manifest.background.scripts.push(HOOK_FILE);',
        "      manifest.background.scripts.push(HOOK_FILE);\n      (manifest as unknown as { permissions: string[] }).permissions.push('tabs');",
      ),
    builds: ['firefox-test'],
    project: 'build',
    file: 'test/build/firefox-test-build.test.ts',
    mustFail: [/the manifest differs only by the hook/],
  },
  {
    id: 'e',
    check: "the store listing justifies exactly the manifest's permissions",
    brokenBy: 'manifest.json asks for `history` too',
    apply: (dir) => edit(dir, 'manifest.json', '"permissions": [', '"permissions": [\n    "history",'),
    builds: [],
    project: 'unit',
    file: 'test/unit/store-listing.test.ts',
    mustFail: [/justifies each permission and host permission of the manifest, and no other/],
  },
  {
    id: 'f1',
    check: 'load test: losses at the forced worker stops are capped (MAX_LOST_AT_STOPS)',
    brokenBy:
      'src/background/log-store.ts batches its writes on a 250 ms timer instead of writing at once (the design its comment rules out), so each stop loses what waits in memory',
    apply: (dir) => {
      edit(
        dir,
        'src/background/log-store.ts',
        'while (pending.length) await writePending();',
        'while (pending.length) {\n        await new Promise((r) => setTimeout(r, 250));\n        await writePending();\n      }',
      );
      edit(
        dir,
        'src/background/log-store.ts',
        'if (inFlight > 0 && now() - newestWriteAt >= OVERTAKE_MS) void writePending();',
        'void [newestWriteAt, OVERTAKE_MS];',
      );
    },
    builds: ['chrome'],
    ...LOAD_TEST,
  },
  {
    id: 'f2',
    check: "recorder's worker-stop test checks that a stop happened (Chromium)",
    brokenBy: "test/support/chromium.ts's stopWorkers() sends no ServiceWorker.stopAllWorkers (a stop that stops nothing)",
    apply: (dir) => edit(dir, 'test/support/chromium.ts', "await session.send('ServiceWorker.stopAllWorkers');", 'void 0;'),
    builds: [],
    project: 'e2e',
    file: 'test/e2e/recorder.test.ts',
    filter: 'recorder in chromium loses nothing when the background is stopped',
    mustFail: [/recorder in chromium loses nothing when the background is stopped/],
  },
  {
    id: 'f3',
    check: 'load test: the worker restarts after each stop are asserted',
    brokenBy: "test/e2e/load.test.ts's stops send no ServiceWorker.stopAllWorkers",
    apply: (dir) => edit(dir, 'test/e2e/load.test.ts', "await cdp.send('ServiceWorker.stopAllWorkers');", 'void 0;'),
    builds: [],
    ...LOAD_TEST,
  },
  {
    id: 'g',
    check: 'the user-side verdict end to end in Chromium (side and words): another extension blocks ChatGPT',
    brokenBy: "src/core/diagnosis.ts puts 'blocked-by-extension' on OpenAI's side",
    apply: (dir) => edit(dir, 'src/core/diagnosis.ts', "'blocked-by-extension': 'user',", "'blocked-by-extension': 'openai',"),
    builds: ['chrome'],
    ...VERDICT_IN_CHROMIUM,
    mustFail: [/verdict on the user’s side in chromium another extension blocks ChatGPT/],
  },
  {
    id: 'g2',
    check: 'the user-side verdict end to end in Chromium (side and words): a Cloudflare check in a loop',
    brokenBy: 'src/core/diagnosis.ts no longer gives a looping Cloudflare check its own title (the words on screen change, the cause and side do not)',
    apply: (dir) => edit(dir, 'src/core/diagnosis.ts', "looping ? { titleKey: 'diag_cloudflare_loop_title' } : {}", '{}'),
    builds: ['chrome'],
    ...VERDICT_IN_CHROMIUM,
    mustFail: [/verdict on the user’s side in chromium a Cloudflare check answers the API/],
  },
  {
    id: 'h1',
    check: "in real Chromium, 'clear cache' empties ChatGPT's Cache Storage",
    brokenBy: "src/core/site-data-plan.ts's Chrome plan leaves out `cacheStorage`",
    apply: (dir) =>
      edit(dir, 'src/core/site-data-plan.ts', "const ALL_STORAGE: SiteDataType[] = ['cache', 'cacheStorage',", "const ALL_STORAGE: SiteDataType[] = ['cache',"),
    ...CLEAR_CACHE_TEST,
  },
  {
    id: 'h2',
    check: "in real Chromium, 'clear cache' empties ChatGPT's HTTP cache",
    brokenBy: "src/core/site-data-plan.ts's Chrome plan leaves out `cache`",
    apply: (dir) =>
      edit(
        dir,
        'src/core/site-data-plan.ts',
        "const ALL_STORAGE: SiteDataType[] = ['cache', 'cacheStorage',",
        "const ALL_STORAGE: SiteDataType[] = ['cacheStorage',",
      ),
    ...CLEAR_CACHE_TEST,
  },
  {
    id: 'i',
    check: "in real Chromium, clicking an alert's notification opens its page",
    brokenBy: "src/background/alerts.ts's click listener returns before opening anything",
    apply: (dir) => edit(dir, 'src/background/alerts.ts', 'if (!id.startsWith(`${ID_PREFIX}|`)) return;', 'if (id) return;'),
    builds: ['chrome'],
    project: 'e2e',
    file: 'test/e2e/notification-click.test.ts',
    filter: 'chromium, through D-Bus. three 500s in a row',
    mustFail: [/opens its page \(chromium, through D-Bus\) three 500s in a row/],
  },
];

interface Run {
  exit: number;
  seconds: number;
  /** Each failed test, with the first line of each of its failures (soft assertions give several). */
  failed: Array<{ name: string; first: string }>;
  passed: number;
  /** Why the run says nothing about the check (it ran no test, or a file did not load). */
  error?: string;
  note?: string;
}

/** The first line of a failure, with its "expected ..." end kept when the line is long. */
function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim()) ?? '';
  if (line.length <= 240) return line;
  const tail = /expected .*$/.exec(line)?.[0] ?? '';
  return `${line.slice(0, 160)} … ${tail.slice(-120)}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
  const controlE2e = args.includes('--control-e2e');
  const record = args.includes('--record') ? resolve(args[args.indexOf('--record') + 1]!) : null;
  const checks = CHECKS.filter((c) => (only ? only.includes(c.id) : true));
  if (only && checks.length !== only.length) throw new Error(`unknown check in --only ${only.join(',')}`);

  const repo = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const head = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'edr-prove-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'EDR_DIST'));
  const run = (command: string, argv: string[], timeoutMs: number) =>
    spawnSync(command, argv, { cwd: dir, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const git = (...argv: string[]) => {
    const r = run('git', argv, 60_000);
    if (r.status !== 0) throw new Error(`git ${argv.join(' ')}: ${r.stderr}`);
  };
  /** Modes whose dist/ is not the unbroken build of HEAD. */
  const dirty = new Set<Mode>(['chrome', 'firefox', 'firefox-test']);
  const build = (modes: Mode[]) => {
    for (const mode of (['chrome', 'firefox', 'firefox-test'] as const).filter((m) => modes.includes(m))) {
      const r = run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', mode, '--logLevel', 'error'], 300_000);
      if (r.status !== 0) throw new Error(`vite build --mode ${mode} failed: ${r.stderr}`);
      dirty.delete(mode);
      if (mode === 'firefox') dirty.add('firefox-test'); // a copy of dist/firefox
    }
  };
  const clean = (modes: Mode[]) => build(modes.filter((m) => dirty.has(m)));
  const test = (check: Check): Run => {
    const out = join(dir, 'vitest.json');
    rmSync(out, { force: true });
    // The default reporter too, for what the tests print (the figures behind a failure).
    const argv = [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      check.project,
      check.file,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ];
    if (check.filter) argv.push('-t', check.filter);
    const started = Date.now();
    const r = run(process.execPath, argv, 900_000);
    const seconds = Math.round((Date.now() - started) / 1000);
    const note = check.note?.exec(`${r.stdout}\n${r.stderr}`)?.[0];
    if (!existsSync(out))
      return { exit: r.status ?? -1, seconds, failed: [], passed: 0, error: `no report: ${(r.stderr || r.error?.message || '').slice(-400)}` };
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      testResults: Array<{ message?: string; assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }> }>;
    };
    const all = report.testResults.flatMap((f) => f.assertionResults);
    const failed = all.filter((a) => a.status === 'failed').map((a) => ({ name: a.fullName, first: a.failureMessages.map(firstLine).join('<br>') }));
    const loadError = report.testResults.find((f) => f.message)?.message;
    const error = loadError ? `file failed to load: ${firstLine(loadError)}` : failed.length + report.numPassedTests === 0 ? 'no test ran' : undefined;
    return { exit: r.status ?? -1, seconds, failed, passed: report.numPassedTests, error, note };
  };

  const rows: string[] = [];
  const started = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  try {
    git('clone', '-q', repo, '.');
    git('checkout', '-q', '--detach', head);
    symlinkSync(realpathSync(join(repo, 'node_modules')), join(dir, 'node_modules'), 'dir');
    // The build tests read both builds whichever they check: all three, unbroken, to start from.
    if (checks.some((c) => c.project !== 'unit')) build(['chrome', 'firefox', 'firefox-test']);
    for (const check of checks) {
      const command = `npx vitest run --project ${check.project} ${check.file}${check.filter ? ` -t '${check.filter}'` : ''}`;
      console.log(`\n[${check.id}] ${check.check}\n    break: ${check.brokenBy}\n    test:  ${command}`);
      let control = 'not run (the normal suite)';
      if (check.project !== 'e2e' || controlE2e) {
        clean(check.builds.length ? check.builds : check.project === 'e2e' ? ['chrome'] : []);
        const c = test(check);
        control =
          c.exit === 0 && !c.error ? `passes (${c.passed} tests, ${c.seconds} s)` : `DID NOT PASS: ${c.error ?? c.failed.map((f) => f.name).join('; ')}`;
        console.log(`    unbroken: ${control}`);
      } else if (check.project === 'e2e') {
        clean(['chrome']);
      }
      check.apply(dir);
      if (check.commit)
        git('-c', 'user.name=prove-checks', '-c', 'user.email=prove-checks@example.invalid', 'commit', '-q', '-a', '--no-verify', '-m', `break ${check.id}`);
      let broken: Run;
      try {
        build(check.builds);
        broken = test(check);
      } finally {
        git('reset', '-q', '--hard', head);
        git('clean', '-q', '-f', '-d');
        for (const mode of check.builds) dirty.add(mode);
        if (check.builds.includes('firefox')) dirty.add('firefox-test');
      }
      const names = broken.failed.map((f) => f.name);
      const missed = check.mustFail.filter((re) => !names.some((name) => re.test(name)));
      const proven = broken.exit !== 0 && !broken.error && missed.length === 0 && !control.startsWith('DID NOT');
      const caught = broken.failed.filter((f) => check.mustFail.some((re) => re.test(f.name)));
      const how = broken.error
        ? `the run proves nothing: ${broken.error}`
        : missed.length
          ? `these did not fail: ${missed.map(String).join(', ')}`
          : caught.map((f) => `${f.name}: ${f.first}`).join('<br>');
      const result = how + (broken.note ? `<br>The test's own figures: ${broken.note}` : '');
      console.log(
        `    broken: ${proven ? 'FAILS AS IT SHOULD' : 'NOT PROVEN'} (exit ${broken.exit}, ${broken.seconds} s)\n      ${result.replaceAll('<br>', '\n      ')}`,
      );
      const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
      rows.push(
        `| ${check.id} | ${cell(check.check)} | ${cell(check.brokenBy)} | \`${cell(command)}\` | ${cell(control)} | ${proven ? '**yes**' : '**no**'}: ${cell(result)} (exit ${broken.exit}, ${broken.seconds} s) |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const table = [
    `Run of ${started} on commit ${head.slice(0, 12)} (\`npx tsx test/support/prove-checks.ts${only ? ` --only ${only.join(',')}` : ''}${controlE2e ? ' --control-e2e' : ''}\`):`,
    '',
    '| | check | broken by | test run | unbroken (control) | fails as it should: test, first line of the failure |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  console.log(`\n${table}`);
  if (record) writeFileSync(record, `${existsSync(record) ? readFileSync(record, 'utf8').trimEnd() + '\n\n' : ''}${table}`);
}

main();
