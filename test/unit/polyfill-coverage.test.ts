import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every `browser.*` call the extension makes goes through webextension-polyfill. In Chrome the
 * polyfill turns the calls its metadata lists into promises (checking their argument counts) and
 * hands every other call to Chrome's own function. Those others must answer by themselves: either
 * synchronously or with a promise in Chrome's MV3. Each is listed here with why; a new one fails
 * this test until someone checks it in Chrome and adds it.
 */
const NATIVE_IN_CHROME: Record<string, string> = {
  'action.setBadgeText': 'MV3 action.* returns a promise (Chrome 88+)',
  'action.setBadgeBackgroundColor': 'MV3 action.* returns a promise (Chrome 88+)',
  'action.setTitle': 'MV3 action.* returns a promise (Chrome 88+)',
  'alarms.create': 'returns a promise since Chrome 111 (minimum_chrome_version is 123)',
  'i18n.getMessage': 'synchronous',
  'runtime.getURL': 'synchronous',
  'runtime.getManifest': 'synchronous',
  'runtime.getBrowserInfo': 'Firefox only, where the polyfill is the native namespace (isFirefox() guards it)',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const polyfill = readFileSync('node_modules/webextension-polyfill/dist/browser-polyfill.js', 'utf8');
const metadata = JSON.parse(/const apiMetadata = (\{[\s\S]*?\n {6}\});/.exec(polyfill)![1]!) as Record<string, unknown>;

function inMetadata(path: string[]): boolean {
  let node: unknown = metadata;
  for (const part of path) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return !!node && typeof node === 'object' && 'minArgs' in node;
}

/** `browser.a.b(`, `browser.a.b.c(`: calls only (properties and events pass through untouched). */
const calls = [
  ...new Set(sources('src').flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/\bbrowser\.((?:[a-zA-Z0-9]+\.)+[a-zA-Z0-9]+)\(/g)].map((m) => m[1]!))),
].filter((call) => !/\.(addListener|removeListener|hasListener)$/.test(call));

describe('webextension-polyfill covers every call', () => {
  it('finds the calls (the scan can fail)', () => {
    expect(calls).toContain('storage.local.get');
    expect(calls).toContain('devtools.panels.create');
    expect(inMetadata(['storage', 'local', 'get'])).toBe(true);
    expect(inMetadata(['action', 'setBadgeText'])).toBe(false);
  });

  it('each call is wrapped by the polyfill, or answers by itself in Chrome', () => {
    const unknown = calls.filter((call) => !inMetadata(call.split('.')) && !(call in NATIVE_IN_CHROME));
    expect(unknown).toEqual([]);
  });

  it('lists no native call the extension no longer makes, nor one the polyfill now wraps', () => {
    expect(Object.keys(NATIVE_IN_CHROME).filter((call) => !calls.includes(call) || inMetadata(call.split('.')))).toEqual([]);
  });
});
