import { STATUS_KEY } from '../contract/status';
import type { IncidentTimes } from '../core/rate-chart';
import { useStored } from '../ui/use-stored';

/** Reads only the incidents' names and times from the status snapshot; anything odd is skipped. */
export function parseIncidentTimes(raw: unknown): IncidentTimes[] {
  if (!raw || typeof raw !== 'object' || (raw as { state?: unknown }).state !== 'known') return [];
  const list = (raw as { incidents?: unknown }).incidents;
  if (!Array.isArray(list)) return [];
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return list
    .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
    .map((i) => ({ id: String(i.id ?? ''), name: typeof i.name === 'string' ? i.name.slice(0, 200) : '', startedAt: time(i.startedAt), updatedAt: time(i.updatedAt) }))
    .slice(0, 50);
}

export function useIncidents(): IncidentTimes[] {
  return useStored(STATUS_KEY, parseIncidentTimes) ?? [];
}
