import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';

/**
 * Integration and UI tests run against @webext-core/fake-browser, swapped in at the one seam
 * (src/platform/browser.ts). fakeBrowser lacks i18n's message file, webRequest, browsingData,
 * management and devtools; those get small fakes in the same style (test/support/fakes/).
 */
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Z_0-9]+)\$/gi, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

(fakeBrowser as unknown as { i18n: { getMessage: typeof getMessage } }).i18n.getMessage = getMessage;

// fakeBrowser has a devtools namespace whose every call throws "not implemented". A browser has
// none outside DevTools (the panel opened as a tab); inside, tests install the fake of
// test/support/fakes/devtools.ts.
delete (fakeBrowser as unknown as { devtools?: unknown }).devtools;

// Chrome by default; a test of a Firefox branch says `vi.mocked(isFirefox).mockReturnValue(true)`.
vi.mock('../../src/platform/browser', () => ({
  browser: fakeBrowser,
  isFirefox: vi.fn(() => false),
}));
