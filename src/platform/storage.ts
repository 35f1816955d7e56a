import type { KeyValue, StoredKey } from '../contract/stored-key';
import { browser } from './browser';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export async function readLocal<T extends string>(keys: readonly T[]): Promise<Partial<Record<T, unknown>>> {
  return (await browser.storage.local.get([...keys])) as Partial<Record<T, unknown>>;
}

export async function writeLocal(items: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(items);
}

/** These keys, read in one call, each as its descriptor reads it (never a throw for bad data). */
export async function readKeys<const K extends ReadonlyArray<StoredKey<unknown>>>(...keys: K): Promise<{ -readonly [I in keyof K]: KeyValue<K[I]> }> {
  const raw = await readLocal(keys.map((key) => key.name));
  return keys.map((key) => key.read(raw[key.name])) as { -readonly [I in keyof K]: KeyValue<K[I]> };
}

export async function readKey<T>(key: StoredKey<T>): Promise<T> {
  return key.read((await readLocal([key.name]))[key.name]);
}

/** One key's item for writeLocal, so several keys go out in one `set` (one change event, all or nothing). */
export function stored<T>(key: StoredKey<T>, value: T): Record<string, T> {
  return { [key.name]: value };
}

export async function writeKey<T>(key: StoredKey<T>, value: T): Promise<void> {
  await writeLocal(stored(key, value));
}

export async function removeLocal(keys: readonly string[]): Promise<void> {
  await browser.storage.local.remove([...keys]);
}

/**
 * Chrome says "QUOTA_BYTES quota exceeded"; Firefox raises a QuotaExceededError or "quota" in the
 * message. An error's string is its name and message.
 */
export function isQuotaError(error: unknown): boolean {
  return /quota/i.test(String(error));
}

/**
 * Calls `listener` for changes in local storage until `signal` aborts. Each call registers a
 * browser listener of its own, and Chrome deserializes every change once per listener: pages
 * listen through src/ui/storage-feed.ts, which holds one per page.
 */
export function onLocalChanged(listener: (changes: StorageChanges) => void, signal: AbortSignal): void {
  const own = (changes: StorageChanges, area: string) => area === 'local' && listener(changes);
  browser.storage.onChanged.addListener(own);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(own), { once: true });
}
