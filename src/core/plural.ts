/**
 * Counts in words: a message with a count has one key per plural category (`<key>_one`,
 * `<key>_other`), and Intl.PluralRules picks which one, so no message says "tab(s)".
 * The rules are those of the messages' language (public/_locales holds English only); a
 * category the language has but the messages lack (a translation missing `_few`) falls back to
 * `_other` in the translator (platform/i18n.ts).
 */
export const MESSAGES_LOCALE = 'en';

let rules: Intl.PluralRules | undefined;

export function pluralKey(key: string, count: number): string {
  rules ??= new Intl.PluralRules(MESSAGES_LOCALE);
  return `${key}_${rules.select(count)}`;
}

/** The key to read when a language's category has no message of its own. */
export function pluralFallback(key: string): string | null {
  const m = /^(.*)_(zero|one|two|few|many)$/.exec(key);
  return m ? `${m[1]}_other` : null;
}
