import { STATUS } from '../contract/status';
import type { StatusSnapshot } from '../core/status';
import { useStored } from './use-stored';

/**
 * The last status check as the background stored it; `null` when none yet (or what is stored does
 * not read as a snapshot: an older build's or a corrupt one), `undefined` while reading.
 */
export function useStatus(): StatusSnapshot | null | undefined {
  return useStored(STATUS);
}
