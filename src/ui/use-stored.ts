import { useLayoutEffect, useState } from 'preact/hooks';
import type { StoredKey } from '../contract/stored-key';
import { watchKey } from './storage-feed';

/**
 * A storage key as state: read once, then re-rendered on every change. The UI never waits on
 * the background to show what is stored, so a popup opens instantly even while the worker sleeps.
 */
export function useStored<T>(key: StoredKey<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // A layout effect starts the read right after the first render, not a frame later.
  useLayoutEffect(() => {
    const controller = new AbortController();
    watchKey(key.name, (raw) => setValue(key.read(raw)), controller.signal);
    return () => controller.abort();
  }, [key]);
  return value;
}
