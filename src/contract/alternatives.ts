import { arr, check, obj, that, trimmed, type Infer } from '../core/check';

/**
 * The alternatives field of the settings, apart from the rest: the popup shows them during an
 * outage and reads only this field, so it does not carry the other fields' checks. settings.ts
 * builds its field from the same check.
 */
export const SETTINGS_KEY = 'settings';

/** Another assistant suggested during an OpenAI outage; only https links are offered. */
export const AlternativeShape = obj({
  name: trimmed(40, 1),
  url: that(trimmed(300), (url) => url.startsWith('https://') && URL.canParse(url)),
});
export type Alternative = Infer<typeof AlternativeShape>;

export const ALTERNATIVES_FIELD = arr(AlternativeShape, 12);

export const DEFAULT_ALTERNATIVES: Alternative[] = [
  { name: 'Claude', url: 'https://claude.ai/' },
  { name: 'Gemini', url: 'https://gemini.google.com/' },
  { name: 'Microsoft Copilot', url: 'https://copilot.microsoft.com/' },
  // A local model keeps working when every cloud service is down.
  { name: 'Ollama (local model)', url: 'https://ollama.com/' },
];

/** The alternatives in the stored settings, as parseSettings reads that field: missing or bad, the defaults. */
export function storedAlternatives(settings: unknown): Alternative[] {
  const value = settings && typeof settings === 'object' ? (settings as { alternatives?: unknown }).alternatives : undefined;
  return (value === undefined ? undefined : check(ALTERNATIVES_FIELD, value)) ?? DEFAULT_ALTERNATIVES;
}
