import { array, check, maxLength, object, pipe, regex, string, transform, type InferOutput } from 'valibot';
import { checked, type StoredKey } from './stored-key';

/** valibot's trim() as a transform, a kind the worker carries anyway (0.02 KB less). */
const trimmed = transform((s: string) => s.trim());

/** Another assistant suggested during an OpenAI outage; only https links are offered. */
export const AlternativeSchema = object({
  name: pipe(string(), trimmed, regex(/\S/), maxLength(40)),
  url: pipe(
    string(),
    trimmed,
    maxLength(300),
    check((url) => url.startsWith('https://') && URL.canParse(url)),
  ),
});
export type Alternative = InferOutput<typeof AlternativeSchema>;

/** The `alternatives` field of the settings (settings.ts builds the whole from it). */
export const ALTERNATIVES_FIELD = pipe(array(AlternativeSchema), maxLength(12));

export const DEFAULT_ALTERNATIVES: Alternative[] = [
  { name: 'Claude', url: 'https://claude.ai/' },
  { name: 'Gemini', url: 'https://gemini.google.com/' },
  { name: 'Microsoft Copilot', url: 'https://copilot.microsoft.com/' },
  // A local model keeps working when every cloud service is down.
  { name: 'Ollama (local model)', url: 'https://ollama.com/' },
];

/** The storage key of the settings (settings.ts reads it whole). */
export const SETTINGS_KEY = 'settings';

/**
 * The settings key seen through its alternatives field alone, read as SETTINGS reads that field
 * (missing or bad: the defaults). The popup shows the list during an outage and needs nothing
 * else of the settings.
 */
export const SETTINGS_ALTERNATIVES: StoredKey<Alternative[]> = {
  name: SETTINGS_KEY,
  read: (settings) => checked(ALTERNATIVES_FIELD, (settings as { alternatives?: unknown } | null | undefined)?.alternatives) ?? DEFAULT_ALTERNATIVES,
};
