import type { StatusSnapshot } from '../contract/status';
import type { IncidentTimes } from '../core/rate-chart';

/** The incidents' names and times from the status snapshot, for the chart; odd entries are skipped. */
export function incidentTimes(status: StatusSnapshot | null | undefined): IncidentTimes[] {
  if (!status || status.state !== 'known' || !Array.isArray(status.incidents)) return [];
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return status.incidents
    .filter((i) => !!i && typeof i === 'object')
    .map((i) => ({ id: String(i.id ?? ''), name: typeof i.name === 'string' ? i.name.slice(0, 200) : '', startedAt: time(i.startedAt), updatedAt: time(i.updatedAt) }))
    .slice(0, 50);
}
