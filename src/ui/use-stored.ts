import { useLayoutEffect, useState } from 'preact/hooks';
import { readLocal } from '../platform/storage';
import { watchStorage } from './storage-feed';

/**
 * A storage key as state: read once, then re-rendered on every change. The UI never waits on
 * the background to show what is stored, so a popup opens instantly even while the worker sleeps.
 */
export function useStored<T>(key: string, parse: (raw: unknown) => T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // A layout effect starts the read right after the first render, not a frame later.
  useLayoutEffect(() => {
    const controller = new AbortController();
    // A change that arrives while a read is in flight is newer than what the read returns.
    let reads = 0;
    const read = () => {
      const mine = ++reads;
      const take = (raw: unknown) => mine === reads && !controller.signal.aborted && setValue(parse(raw));
      readLocal([key]).then((stored) => take(stored[key]), () => take(undefined));
    };
    watchStorage(
      [key],
      (event) => {
        if (event.kind === 'resync') return read();
        if (!(key in event.values)) return;
        reads++;
        setValue(parse(event.values[key]));
      },
      controller.signal,
    );
    read();
    return () => controller.abort();
  }, [key]);
  return value;
}
