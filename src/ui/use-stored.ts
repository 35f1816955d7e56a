import { useLayoutEffect, useState } from 'preact/hooks';
import { onLocalChanged, readLocal } from '../platform/storage';

/**
 * A storage key as state: read once, then re-rendered on every change. The UI never waits on
 * the background to show what is stored, so a popup opens instantly even while the worker sleeps.
 */
export function useStored<T>(key: string, parse: (raw: unknown) => T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // A layout effect starts the read right after the first render, not a frame later.
  useLayoutEffect(() => {
    const controller = new AbortController();
    onLocalChanged((changes) => {
      if (changes[key]) setValue(parse(changes[key].newValue));
    }, controller.signal);
    readLocal([key]).then(
      (stored) => !controller.signal.aborted && setValue(parse(stored[key])),
      () => !controller.signal.aborted && setValue(parse(undefined)),
    );
    return () => controller.abort();
  }, [key]);
  return value;
}
