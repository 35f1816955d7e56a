import { browser } from './browser';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export async function readLocal<T extends string>(keys: readonly T[]): Promise<Partial<Record<T, unknown>>> {
  return (await browser.storage.local.get([...keys])) as Partial<Record<T, unknown>>;
}

export async function writeLocal(items: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(items);
}

export async function removeLocal(keys: readonly string[]): Promise<void> {
  await browser.storage.local.remove([...keys]);
}

/** Chrome says "QUOTA_BYTES quota exceeded"; Firefox raises a QuotaExceededError or "quota" in the message. */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}

/** Calls `listener` for changes in local storage until `signal` aborts. */
export function onLocalChanged(listener: (changes: StorageChanges) => void, signal?: AbortSignal): void {
  const wrapped = (changes: StorageChanges, area: string): void => {
    if (area === 'local') listener(changes);
  };
  browser.storage.onChanged.addListener(wrapped);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(wrapped), { once: true });
}
