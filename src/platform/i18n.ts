import { browser } from './browser';

/** Plain messages never change while a page is open; Chrome's getMessage costs a native call each time. */
const plain = new Map<string, string>();

/**
 * Every user-facing string goes through here (public/_locales/en/messages.json). A missing key
 * shows the key itself rather than an empty string, so a gap is visible, not silent.
 */
export function t(key: string, substitutions?: string | number | ReadonlyArray<string | number>): string {
  if (substitutions === undefined) {
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = browser.i18n.getMessage(key) || key));
    return text;
  }
  const subs = Array.isArray(substitutions) ? substitutions.map(String) : [String(substitutions)];
  return browser.i18n.getMessage(key, subs) || key;
}
