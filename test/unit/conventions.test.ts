import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../src/contract/pages';
import { classifyStatus } from '../../src/core/classify';
import { hostPermissions } from '../../src/core/hosts';
import { sources } from '../support/import-picture';

/** Meta-tests over the repository's own rules, in the spirit of refined-github's. */

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;
const files = sources().map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('manifest', () => {
  it('declares exactly the host permissions src/core/hosts.ts derives', () => {
    expect([...(manifest.host_permissions as string[])].sort()).toEqual(hostPermissions().sort());
  });

  it('never asks for all sites or blocking webRequest', () => {
    const all = JSON.stringify(manifest);
    expect(all).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|webRequestBlocking/);
  });

  it('has exactly the two answer-stream content scripts, on the app origins only, inside the host permissions', () => {
    // Content scripts on hosts the host permissions already grant add no install warning
    // (test/e2e/answer-stream.test.ts asks Chrome for the warnings with and without them).
    const app = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];
    expect(manifest.content_scripts).toEqual([
      { matches: app, js: ['src/page/answer-observer.iife.ts'], run_at: 'document_start', world: 'MAIN' },
      { matches: app, js: ['src/page/answer-relay.iife.ts'], run_at: 'document_start', world: 'ISOLATED' },
    ]);
    for (const match of app) expect(manifest.host_permissions as string[]).toContain(match);
  });

  it('keeps a strict CSP without eval or remote code', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it('has every __MSG_ key it uses', () => {
    for (const [, key] of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) expect(messages).toHaveProperty(key!);
  });
});

describe('pages', () => {
  it('the manifest names its pages as src/contract/pages.ts does, and every page of that list exists', () => {
    const named = manifest as { action: { default_popup: string }; devtools_page: string; options_ui: { page: string } };
    expect([named.action.default_popup, named.devtools_page, named.options_ui.page]).toEqual([PAGES.popup, PAGES.devtools, PAGES.options]);
    for (const path of Object.values(PAGES)) expect(existsSync(path.startsWith('src/') ? path : join('public', path)), path).toBe(true);
  });

  it('no page path is written anywhere else in the source: the code opens and links pages by name', () => {
    const offenders = files
      .filter((f) => f.path !== join('src', 'contract', 'pages.ts') && !f.path.startsWith(join('src', 'build')))
      .filter((f) => /\w\.html\b/.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});

// The import layers (core, contract, UI, background, fixes, the main-world page script, the one
// polyfill import), import circles and eval are the linter's: .ci/eslint.config.js, `npm run lint`.
// What stays here is what an import rule cannot say.
describe('layers', () => {
  it('only platform/browser.ts touches the browser/chrome globals', () => {
    const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''");
    const viaGlobal = /\b(?:globalThis|window|self)\s*(?:\?\.|\.)\s*(?:browser|chrome)\b|\bas\s*\{\s*(?:browser|chrome)\??\s*:/;
    const bareChrome = /(?<![.\w$])chrome\s*(?:\?\.|\.|\[)/;
    // `browser.x` is fine where `browser` is the binding platform/browser.ts exports, nowhere else.
    const bareBrowser = /(?<![.\w$])browser\s*(?:\?\.|\.|\[)/;
    const importsBinding = /import\s*\{[^}]*\bbrowser\b[^}]*\}\s*from\s*'(?:\.\/|\.\.\/platform\/)browser'/;
    const offenders = files
      .filter((f) => f.path !== join('src', 'platform', 'browser.ts'))
      .filter((f) => {
        const c = code(f.text);
        return viaGlobal.test(c) || bareChrome.test(c) || (bareBrowser.test(c) && !importsBinding.test(f.text));
      })
      .map((f) => f.path);
    expect(offenders).toEqual([]);
    // Positive controls: the detectors do see a global reached either way.
    expect(viaGlobal.test(code('const b = globalThis.browser;')) && bareChrome.test(code('chrome.runtime.id'))).toBe(true);
  });

  it('the surfaces load the fixes only with import(), so no page pays for them when it opens', () => {
    // The one exception: the extension list's state ranks with a static import, since the list
    // itself loads with import() (src/ui/fix-sections.tsx) and the ranking is all it does.
    const atOpen = ['src/ui/use-conflicts.ts imports ../fixes/conflicts'];
    const staticImport = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s*['"]([^'"]*\/fixes\/[^'"]*)['"]/gm;
    const offenders = files
      .filter((f) => /^src\/(ui|popup|devtools|pages)\//.test(f.path))
      .flatMap((f) => [...f.text.matchAll(staticImport)].map((m) => `${f.path} imports ${m[1]}`))
      .filter((offender) => !atOpen.includes(offender));
    expect(offenders).toEqual([]);
    // Positive control: the surfaces do load them, lazily.
    expect(files.some((f) => /import\(\s*'\.\.\/fixes\//.test(f.text))).toBe(true);
  });

  it('nothing outside src/build and the platform touches browser globals directly', () => {
    for (const { path, text } of files.filter((f) => !/^src\/(platform|build)\//.test(f.path))) {
      expect(
        /\b(chrome|browser)\.(runtime|storage|tabs|webRequest|browsingData|management|cookies|alarms|notifications|devtools|action)\b/.test(
          text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''),
        ),
        path,
      ).toBe(false);
    }
  });
});

describe('i18n', () => {
  it('every literal key passed to t() exists in messages.json', () => {
    const missing: string[] = [];
    for (const { path, text } of files) {
      for (const [, key] of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) if (!(key! in messages)) missing.push(`${path}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('every count goes through the plural rules: one/other keys for each, and no "(s)" anywhere', () => {
    const missing: string[] = [];
    for (const { path, text } of files) {
      for (const [, key] of text.matchAll(/\b(?:tn|pluralKey|evn)\(\s*'([A-Za-z0-9_]+)'/g)) {
        for (const form of ['_one', '_other']) if (!(key! + form in messages)) missing.push(`${path}: ${key}${form}`);
      }
    }
    expect(missing).toEqual([]);
    const texts = Object.entries(messages as Record<string, { message: string }>);
    expect(texts.filter(([, m]) => /\w\(s\)/.test(m.message)).map(([k]) => k)).toEqual([]);
    // A singular form without its plural would read as a missing key for every other count.
    for (const k of Object.keys(messages).filter((k) => k.endsWith('_one'))) expect(messages, k).toHaveProperty(k.replace(/_one$/, '_other'));
  });

  it('every meaning the classifier can return has a message', () => {
    const classify = readFileSync('src/core/classify.ts', 'utf8');
    for (const [, key] of classify.matchAll(/'(meaning_\w+)'/g)) expect(messages, key).toHaveProperty(key!);
    // Status meanings are built from the status number: try every status that can be a failure.
    for (let status = 400; status < 600; status++) {
      for (const ctx of [
        { api: true, htmlOnApi: false },
        { api: true, htmlOnApi: true },
        { api: false, htmlOnApi: false },
      ]) {
        const meaning = classifyStatus(status, ctx)?.meaning;
        if (meaning) expect(messages, meaning).toHaveProperty(meaning);
      }
    }
  });
});

describe('home-made parts', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Home-made parts'));
  const rows = [...section.slice(0, section.indexOf('\n\n', section.indexOf('| Part'))).matchAll(/^\| `([^`]+)`[^|]*\| ([^|]+) \| [^|]+ \| (\w+)/gm)];

  it("each part the README's table keeps is there, and names beside it the libraries and versions the table gives", () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const [, path, libraries, outcome] of rows) {
      if (outcome !== 'kept') continue;
      expect(existsSync(path!), path).toBe(true);
      const text = readFileSync(path!, 'utf8');
      for (const [, name, version] of libraries!.matchAll(/([@\w/.-]+) (\d+\.\d+(?:\.\d+)?)/g)) {
        expect(text, `${path} names ${name} ${version}`).toContain(name!);
        expect(text, `${path} names ${name} ${version}`).toContain(version!);
      }
    }
  });
});
