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

/**
 * Chrome says "QUOTA_BYTES quota exceeded"; Firefox raises a QuotaExceededError or "quota" in the
 * message. An error's string is its name and message.
 */
export function isQuotaError(error: unknown): boolean {
  return /quota/i.test(String(error));
}

/**
 * One browser listener per page, fanned out to every subscriber. Chrome turns the changed values
 * (old and new: a whole log on every write) into JS objects once per registered listener, so a
 * page with three storage hooks paid three deserializations of the log per write.
 */
const subscribers = new Set<(changes: StorageChanges) => void>();
function dispatch(changes: StorageChanges, area: string): void {
  if (area !== 'local') return;
  for (const listener of [...subscribers]) listener(changes);
}

/** Calls `listener` for changes in local storage until `signal` aborts. */
export function onLocalChanged(listener: (changes: StorageChanges) => void, signal?: AbortSignal): void {
  // Re-checked each time rather than cached: tests swap and reset the browser object underneath.
  if (!browser.storage.onChanged.hasListener(dispatch)) browser.storage.onChanged.addListener(dispatch);
  const own = (changes: StorageChanges) => listener(changes);
  subscribers.add(own);
  signal?.addEventListener(
    'abort',
    () => {
      subscribers.delete(own);
      if (!subscribers.size) browser.storage.onChanged.removeListener(dispatch);
    },
    { once: true },
  );
}
