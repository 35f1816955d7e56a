import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs`, so relative times stay true while a page is open. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
