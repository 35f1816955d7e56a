import { nullable, number, object, picklist } from 'valibot';
import { emptyLog, recordsBytes, type FailureLog } from '../core/failure-log';
import type { ErrorRecord } from '../core/error-record';
import { RecordListShape } from './record-schema';
import { checked } from './stored-key';

export const LOG_KEY = 'log';
export const LOG_VERSION = 1;

/** What is in storage under `log`. `bytes` is recomputed on load, never trusted. */
export interface StoredLog {
  v: number;
  records: ErrorRecord[];
  dropped: number;
  notice: FailureLog['notice'];
}

export const NoticeShape = nullable(object({ kind: picklist(['corrupt-recovered', 'storage-full']), time: number(), lost: number() }));

export interface LoadedLog {
  log: FailureLog;
  /** Records that could not be read and were discarded. */
  unreadable: number;
}

/**
 * Reads whatever is stored, keeping every record that validates. Corrupt or foreign data never
 * throws: the valid records survive and the notice tells the user how many were lost.
 */
export function parseStoredLog(raw: unknown, now: number): LoadedLog {
  if (raw === undefined || raw === null) return { log: emptyLog(), unreadable: 0 };
  const stored = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const list = Array.isArray(stored?.records) ? (stored.records as unknown[]) : Array.isArray(raw) ? (raw as unknown[]) : null;
  if (!list) return { log: { ...emptyLog(), notice: { kind: 'corrupt-recovered', time: now, lost: 0 } }, unreadable: 1 };
  const records = checked(RecordListShape, list) ?? [];
  records.sort((a, b) => a.time - b.time);
  const unreadable = list.length - records.length;
  const dropped = Number.isFinite(stored?.dropped) ? Math.max(0, stored!.dropped as number) : 0;
  const notice = unreadable > 0 ? { kind: 'corrupt-recovered' as const, time: now, lost: unreadable } : (checked(NoticeShape, stored?.notice ?? null) ?? null);
  return {
    log: { records, dropped, notice, bytes: recordsBytes(records) },
    unreadable,
  };
}

export function toStoredLog(log: FailureLog): StoredLog {
  return { v: LOG_VERSION, records: log.records, dropped: log.dropped, notice: log.notice };
}
