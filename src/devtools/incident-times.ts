import type { IncidentTimes } from '../core/rate-chart';
import type { StatusSnapshot } from '../core/status';

/** The incidents' names and times from the status snapshot (already checked on read: contract/status.ts), for the chart. */
export function incidentTimes(status: StatusSnapshot | null | undefined): IncidentTimes[] {
  if (status?.state !== 'known') return [];
  return status.incidents.map((i) => ({ id: i.id, name: i.name.slice(0, 200), startedAt: i.startedAt, updatedAt: i.updatedAt })).slice(0, 50);
}
