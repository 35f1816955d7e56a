import type { ErrorRecord } from './error-record';

/** Failures this close in time, with the same status and path, are one row: "×12". */
export const GROUP_WINDOW_MS = 60_000;

export interface FailureGroup {
  /** The newest of the group: the row shows it. */
  record: ErrorRecord;
  count: number;
}

function groupKey(r: ErrorRecord): string {
  return `${r.status ?? r.error ?? ''} ${r.method} ${r.host}${r.path}`;
}

/**
 * Newest first, identical failures folded: same status (or network error), method and path
 * within a minute of the group's newest. A storm of one failing endpoint reads as one row with
 * its count, and the rows left show what else failed. `records` are oldest first, as stored.
 */
export function groupFailures(records: readonly ErrorRecord[]): FailureGroup[] {
  const groups: FailureGroup[] = [];
  const open = new Map<string, FailureGroup>();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    const key = groupKey(r);
    const group = open.get(key);
    if (group && group.record.time - r.time < GROUP_WINDOW_MS) group.count++;
    else {
      const fresh = { record: r, count: 1 };
      open.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}
