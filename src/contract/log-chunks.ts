import { integer, maxValue, minValue, number, object, picklist, pipe } from 'valibot';
import type { ErrorRecord } from '../core/error-record';
import { recordsBytes, type FailureLog, type LogNotice } from '../core/failure-log';
import { RecordListShape } from './record-schema';
import { checked, storedKey } from './stored-key';
import { LOG_KEY, NoticeShape, parseStoredLog } from './stored-log';

/**
 * The failure log in storage, version 2: a small index under `log` and the records in chunks of
 * 10 under `log:0` … `log:1279`, used as a ring. Record number `seq` lives in chunk
 * `floor(seq / 10)`, whose slot is that number modulo 1280.
 *
 * Why chunks: a write then touches only the newest chunk (and the oldest, when it is trimmed),
 * about 5 KB instead of the whole log. Writes finish in a couple of milliseconds, so a worker
 * stopped mid-storm loses at most what arrived during one short write; and storage.onChanged
 * hands every open page only the chunks that changed, not the whole log twice.
 * Why a ring: dropped chunks are overwritten with null in the same `set` call, so the log never
 * needs a separate `remove` and never leaves orphaned keys.
 */
export const CHUNK_SIZE = 10;
/** Room for 12,790 records: above the 5,000 the settings allow, and the 10,000 the panel is benched on. */
export const SLOTS = 1280;
export const LOG_V2 = 2;

export interface LogIndex {
  v: typeof LOG_V2;
  /** Sequence number of the oldest record kept. */
  first: number;
  count: number;
  dropped: number;
  notice: LogNotice | null;
}

export interface StoredChunk {
  /** The chunk number, so a slot's content can be checked against the index. */
  k: number;
  records: ErrorRecord[];
}

export function slotKey(k: number): string {
  return `${LOG_KEY}:${((k % SLOTS) + SLOTS) % SLOTS}`;
}

/** Whether a changed storage key is one of the log's chunk slots. */
export const isSlotKey = (key: string): boolean => key.startsWith(`${LOG_KEY}:`);

/** Chunk numbers holding records `first` … `first + count - 1`, oldest first. */
export function liveChunks(first: number, count: number): number[] {
  if (count <= 0) return [];
  const from = Math.floor(first / CHUNK_SIZE);
  const to = Math.floor((first + count - 1) / CHUNK_SIZE);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The newest chunks holding at least `records` records (for surfaces that show only recent ones). */
export function newestChunks(index: LogIndex, records: number): number[] {
  const all = liveChunks(index.first, index.count);
  return all.slice(-Math.max(1, Math.ceil(records / CHUNK_SIZE) + 1));
}

/** Checks the index. */
export const IndexShape = object({
  v: picklist([LOG_V2]),
  first: pipe(number(), integer(), minValue(0)),
  count: pipe(number(), integer(), minValue(0), maxValue(SLOTS * CHUNK_SIZE - CHUNK_SIZE)),
  dropped: pipe(number(), minValue(0)),
  notice: NoticeShape,
});

/**
 * The log's index under `log`, as pages read it: undefined when nothing valid is there. Pages
 * never see a version 1 log (see use-log.ts); the background reads the key with parseIndex, which
 * also migrates one. The chunks live under slotKey(k), each read with parseChunk.
 */
export const LOG_INDEX = storedKey(LOG_KEY, IndexShape, undefined);

export type ParsedIndex =
  | { kind: 'index'; index: LogIndex }
  /** Nothing stored yet. */
  | { kind: 'empty' }
  /** A version 1 log (all records under `log`), or something unreadable: parsed whole. */
  | { kind: 'whole'; log: FailureLog; unreadable: number };

export function parseIndex(raw: unknown, now: number): ParsedIndex {
  if (raw === undefined || raw === null) return { kind: 'empty' };
  const index = checked(IndexShape, raw);
  if (index) return { kind: 'index', index };
  const whole = parseStoredLog(raw, now);
  return { kind: 'whole', ...whole };
}

/** Validates one chunk, keeping its valid records; a chunk that is not chunk `k` counts as lost. */
export function parseChunk(raw: unknown, k: number): { records: ErrorRecord[]; unreadable: number } {
  const chunk = raw as Partial<StoredChunk> | null | undefined;
  if (!chunk || chunk.k !== k || !Array.isArray(chunk.records)) return { records: [], unreadable: -1 };
  const records = checked(RecordListShape, chunk.records) ?? [];
  return { records, unreadable: chunk.records.length - records.length };
}

export interface AssembledLog {
  log: FailureLog;
  /** Records the index promised that could not be read. */
  unreadable: number;
}

/** Puts the log back together from its index and the stored slots (`log:N` → value). */
export function assembleLog(index: LogIndex, slots: Record<string, unknown>, now: number): AssembledLog {
  const records: ErrorRecord[] = [];
  let unreadable = 0;
  const last = index.first + index.count;
  for (const k of liveChunks(index.first, index.count)) {
    const { records: chunk, unreadable: bad } = parseChunk(slots[slotKey(k)], k);
    const expected = Math.min(last, (k + 1) * CHUNK_SIZE) - Math.max(index.first, k * CHUNK_SIZE);
    unreadable += bad < 0 ? expected : Math.max(0, expected - chunk.length);
    for (const r of chunk) records.push(r);
  }
  const notice = unreadable > 0 ? { kind: 'corrupt-recovered' as const, time: now, lost: unreadable } : index.notice;
  return {
    log: { records, dropped: index.dropped, notice, bytes: recordsBytes(records) },
    unreadable,
  };
}

export interface LogPosition {
  first: number;
  count: number;
}

/**
 * The one `set` that brings storage from `before` to `log` (whose oldest record is number
 * `first`): the index, every chunk from the first changed record on, the trimmed oldest chunk,
 * and null over chunks that were dropped whole.
 */
export function chunkWrites(before: LogPosition, log: FailureLog, first: number, firstChanged: number): Record<string, unknown> {
  const count = log.records.length;
  const items: Record<string, unknown> = {
    [LOG_KEY]: { v: LOG_V2, first, count, dropped: log.dropped, notice: log.notice } satisfies LogIndex,
  };
  const live = liveChunks(first, count);
  const liveSet = new Set(live);
  for (const k of liveChunks(before.first, before.count)) if (!liveSet.has(k)) items[slotKey(k)] = null;
  const dirtyFrom = Math.floor((first + Math.max(0, firstChanged)) / CHUNK_SIZE);
  const oldestTrimmed = first !== before.first ? live[0] : undefined;
  for (const k of live) {
    if (k < dirtyFrom && k !== oldestTrimmed) continue;
    const start = Math.max(0, k * CHUNK_SIZE - first);
    const end = Math.min(count, (k + 1) * CHUNK_SIZE - first);
    items[slotKey(k)] = { k, records: log.records.slice(start, end) } satisfies StoredChunk;
  }
  return items;
}
