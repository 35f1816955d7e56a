import { useMemo } from 'preact/hooks';
import { LOG_KEY, parseStoredLog } from '../contract/stored-log';
import type { FailureLog } from '../core/failure-log';
import { useStored } from './use-stored';

/** The failure log as stored by the background, validated the same way the background reads it. */
export function useLog(): FailureLog | undefined {
  const parse = useMemo(() => (raw: unknown) => parseStoredLog(raw, Date.now()).log, []);
  return useStored(LOG_KEY, parse);
}
