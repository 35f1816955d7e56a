import { browser } from './browser';

/**
 * Every user-facing string goes through here (public/_locales/en/messages.json). A missing key
 * shows the key itself rather than an empty string, so a gap is visible, not silent.
 */
export function t(key: string, substitutions?: string | number | ReadonlyArray<string | number>): string {
  const subs = substitutions === undefined ? undefined : Array.isArray(substitutions) ? substitutions.map(String) : [String(substitutions)];
  return browser.i18n.getMessage(key, subs) || key;
}
