import type { ErrorRecord } from './error-record';

/**
 * The bounded failure log: oldest dropped first, by count, by bytes and by age, with the number
 * dropped kept so the UI can say "and N older ones were dropped". Pure: the log store persists it.
 */
export interface FailureLog {
  records: ErrorRecord[];
  /** How many records were dropped to stay within the limits, since the log was last cleared. */
  dropped: number;
  /** Approximate serialized size of `records`, kept up to date so appends stay O(new records). */
  bytes: number;
  /** Something the UI must tell the user about the log itself (recovered from corruption, storage full). */
  notice: LogNotice | null;
}

export interface LogNotice {
  kind: 'corrupt-recovered' | 'storage-full';
  time: number;
  /** Records lost in the incident (unreadable or removed to make room). */
  lost: number;
}

export interface LogLimits {
  maxRecords: number;
  maxBytes: number;
  /** Records older than this are dropped (24 h by default). */
  maxAgeMs: number;
}

export const DEFAULT_LIMITS: LogLimits = { maxRecords: 1000, maxBytes: 1_000_000, maxAgeMs: 24 * 60 * 60 * 1000 };

export function emptyLog(): FailureLog {
  return { records: [], dropped: 0, bytes: 0, notice: null };
}

export function recordBytes(record: ErrorRecord): number {
  // JSON length approximates the stored size; UTF-16 vs UTF-8 differences do not matter for a cap.
  return JSON.stringify(record).length + 1;
}

/** The bytes of these records in the stored log. */
export const recordsBytes = (records: readonly ErrorRecord[]): number => records.reduce((sum, r) => sum + recordBytes(r), 0);

/** Appends in time order and enforces every limit. Never mutates `log`. */
export function appendRecords(log: FailureLog, incoming: readonly ErrorRecord[], limits: LogLimits, now: number): FailureLog {
  const seen = new Set<string>();
  for (const r of log.records.slice(-incoming.length * 2 - 1)) seen.add(r.id);
  const fresh = incoming.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
  const records = log.records.concat(fresh);
  let previous = log.records.at(-1)?.time ?? -Infinity;
  const ordered = fresh.every((r) => r.time >= previous && ((previous = r.time), true));
  // Events can finish out of order across tabs; keep the log sorted so "newest" means newest.
  if (!ordered) records.sort((a, b) => a.time - b.time);
  const bytes = log.bytes + recordsBytes(fresh);
  return trim({ ...log, records, bytes }, limits, now, bytes);
}

/** Drops the oldest records until the log fits the limits. */
export function trim(log: FailureLog, limits: LogLimits, now: number, bytes = log.bytes): FailureLog {
  const records = log.records;
  let start = 0;
  const cutoff = now - limits.maxAgeMs;
  // Oldest first, while the oldest left is too old or there are too many records or bytes.
  while (start < records.length && (records[start]!.time < cutoff || records.length - start > limits.maxRecords || bytes > limits.maxBytes)) {
    bytes -= recordBytes(records[start++]!);
  }
  if (start === 0) return { ...log, bytes };
  return { ...log, records: records.slice(start), dropped: log.dropped + start, bytes: Math.max(0, bytes) };
}

/** Keeps the newest `keep` records; used when storage is full. */
export function keepNewest(log: FailureLog, keep: number, notice: LogNotice): FailureLog {
  const records = log.records.slice(-Math.max(0, keep));
  const lost = log.records.length - records.length;
  return {
    records,
    dropped: log.dropped + lost,
    bytes: recordsBytes(records),
    notice: { ...notice, lost: notice.lost + lost },
  };
}
