import { readFileSync } from 'node:fs';

/** The real English messages, substituted like browser.i18n.getMessage, for pure-core tests that render text. */
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

export function translate(key: string, subs: readonly string[] = []): string {
  const entry = messages[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Z_0-9]+)\$/gi, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}
