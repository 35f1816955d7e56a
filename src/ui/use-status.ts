import { STATUS_KEY, type StatusSnapshot } from '../contract/status';
import { useStored } from './use-stored';

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * Storage is outside input: an older build's or a corrupt snapshot must not crash the surface.
 * Only the shape the UI reads is checked; anything else reads as "not checked yet" (null).
 */
export function readStoredStatus(raw: unknown): StatusSnapshot | null {
  if (!isObject(raw) || typeof raw.checkedAt !== 'number') return null;
  if (raw.state === 'unknown') return typeof raw.reason === 'string' ? (raw as unknown as StatusSnapshot) : null;
  if (raw.state !== 'known' || typeof raw.indicator !== 'string') return null;
  const lists = ['components', 'incidents', 'maintenances'] as const;
  if (!lists.every((k) => Array.isArray(raw[k]) && (raw[k] as unknown[]).every(isObject))) return null;
  return raw as unknown as StatusSnapshot;
}

/** The last status check as the background stored it; `null` when none yet, `undefined` while reading. */
export function useStatus(): StatusSnapshot | null | undefined {
  return useStored(STATUS_KEY, readStoredStatus);
}
