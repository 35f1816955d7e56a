import { safeParse, type GenericSchema } from 'valibot';

/**
 * One key of storage.local: its name and how whatever is stored there is read back. Storage is
 * outside input like any other (an older build's data, a newer build's, corruption), so `read`
 * never throws: it migrates, checks against the key's schema, and falls back to the default.
 * Every key the extension stores is declared in src/contract (the list: stored-keys.ts), and every
 * reader and writer goes through its descriptor (src/platform/storage.ts: readKey, writeKey, stored;
 * src/ui/use-stored.ts).
 */
export interface StoredKey<T> {
  readonly name: string;
  readonly read: (raw: unknown) => T;
}

/** What `schema` makes of `value`, or undefined when it fails (missing counts as failing). */
export function checked<T>(schema: GenericSchema<unknown, T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const result = safeParse(schema, value);
  return result.success ? result.output : undefined;
}

/** The type a key reads as. */
export type KeyValue<K> = K extends StoredKey<infer T> ? T : never;

/**
 * A key checked whole by `schema`: nothing stored, or anything that fails, reads as `fallback`.
 * A key with migrations or a field-by-field repair writes its own `read` (settings.ts, log-chunks.ts).
 */
export function storedKey<T, F = T>(name: string, schema: GenericSchema<unknown, T>, fallback: F): StoredKey<T | F> {
  return { name, read: (raw) => checked(schema, raw) ?? fallback };
}
