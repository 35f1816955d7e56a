import { pluralFallback, pluralKey } from '../core/plural';
import { browser } from './browser';

/** Plain messages never change while a page is open; Chrome's getMessage costs a native call each time. */
const plain = new Map<string, string>();

function message(key: string, subs?: string[]): string {
  const text = browser.i18n.getMessage(key, subs);
  if (text) return text;
  // A plural category the messages lack, or a key stored before it had plural forms: `_other`.
  const fallback = pluralFallback(key) ?? `${key}_other`;
  return browser.i18n.getMessage(fallback, subs) || key;
}

/**
 * Every user-facing string goes through here (public/_locales/en/messages.json). A missing key
 * shows the key itself rather than an empty string, so a gap is visible, not silent.
 */
export function t(key: string, substitutions?: string | number | ReadonlyArray<string | number>): string {
  if (substitutions === undefined) {
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = message(key)));
    return text;
  }
  return message(key, Array.isArray(substitutions) ? substitutions.map(String) : [String(substitutions)]);
}

/**
 * A message about `count` things: `<key>_one` or `<key>_other` by the plural rules (core/plural.ts).
 * `substitutions` default to the count alone; pass them all when the message has more.
 */
export function tn(key: string, count: number, substitutions: ReadonlyArray<string | number> = [count]): string {
  return t(pluralKey(key, count), substitutions);
}
