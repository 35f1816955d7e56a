import { FILTER_GROUPS, type FilterGroup } from './categories';
import type { ErrorRecord } from './error-record';
import { recordGroup } from './failure-table';

/** Failures per minute by filter group over the last hour, and incident marks, as plain data for an SVG. */
export interface RateBucket {
  /** Start of the minute, ms since the epoch. */
  start: number;
  counts: Record<FilterGroup, number>;
  total: number;
}

export interface IncidentMark {
  id: string;
  name: string;
  /** When it started (or, if it started before the window, the window's start). */
  time: number;
  /** Minutes from the window's start, fractional. */
  offset: number;
  kind: 'started' | 'updated';
}

export interface RateChart {
  start: number;
  end: number;
  minutes: number;
  buckets: RateBucket[];
  /** Highest per-minute total, at least 1 so the scale never divides by zero. */
  max: number;
  marks: IncidentMark[];
}

export interface IncidentTimes {
  id: string;
  name: string;
  startedAt: number | null;
  updatedAt: number | null;
}

const MINUTE = 60_000;

function emptyCounts(): Record<FilterGroup, number> {
  return Object.fromEntries(FILTER_GROUPS.map((g) => [g, 0])) as Record<FilterGroup, number>;
}

export function rateChart(records: readonly ErrorRecord[], now: number, incidents: readonly IncidentTimes[] = [], minutes = 60): RateChart {
  const end = Math.floor(now / MINUTE) * MINUTE + MINUTE;
  const start = end - minutes * MINUTE;
  const buckets: RateBucket[] = Array.from({ length: minutes }, (_, i) => ({ start: start + i * MINUTE, counts: emptyCounts(), total: 0 }));
  for (const r of records) {
    if (!(r.time >= start && r.time < end)) continue;
    const bucket = buckets[Math.floor((r.time - start) / MINUTE)];
    if (!bucket) continue;
    bucket.counts[recordGroup(r)]++;
    bucket.total++;
  }
  const marks: IncidentMark[] = [];
  for (const incident of incidents) {
    for (const kind of ['started', 'updated'] as const) {
      const time = kind === 'started' ? incident.startedAt : incident.updatedAt;
      if (typeof time !== 'number' || !Number.isFinite(time) || time >= end) continue;
      // An incident that began before the hour still matters: pin its start to the left edge.
      if (time < start && kind === 'updated') continue;
      const at = Math.max(time, start);
      if (kind === 'updated' && incident.startedAt === time) continue;
      marks.push({ id: incident.id, name: incident.name, time: at, offset: (at - start) / MINUTE, kind });
    }
  }
  return { start, end, minutes, buckets, max: Math.max(1, ...buckets.map((b) => b.total)), marks };
}
