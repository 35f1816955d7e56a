import { safeParse, type GenericSchema } from 'valibot';

/**
 * One key of storage.local: its name and how whatever is stored there is read back. Storage is
 * outside input like any other (an older build's data, a newer build's, corruption), so `read`
 * never throws: it migrates, checks against the key's schema, and falls back to the default.
 * Every key the extension stores is declared in src/contract (see keys.ts), and every reader and
 * writer goes through its descriptor (src/platform/storage.ts: readKeys, stored).
 */
export interface StoredKey<T> {
  readonly name: string;
  readonly read: (raw: unknown) => T;
}

/** The type a key reads as. */
export type KeyValue<K> = K extends StoredKey<infer T> ? T : never;

/**
 * A key checked whole by `schema`; nothing stored, or anything that fails, reads as `fallback`.
 * `migrate` turns what older builds stored into today's shape before the check.
 */
export function storedKey<T, F = T>(name: string, schema: GenericSchema<unknown, T>, fallback: F, migrate?: (raw: unknown) => unknown): StoredKey<T | F> {
  return {
    name,
    read(raw) {
      if (raw === undefined) return fallback;
      try {
        const result = safeParse(schema, migrate ? migrate(raw) : raw);
        return result.success ? result.output : fallback;
      } catch {
        // A migration meeting data it never imagined: the default, as for any other bad value.
        return fallback;
      }
    },
  };
}
