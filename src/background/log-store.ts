import { appendRecords, emptyLog, keepNewest, trim, type FailureLog, type LogLimits } from '../core/failure-log';
import type { ErrorRecord } from '../core/error-record';
import { assembleLog, liveChunks, parseIndex, slotKey, type LogPosition } from '../contract/log-chunks';
import { hasSummary, SUMMARY_KEY } from '../contract/log-summary';
import { logWrites } from '../contract/log-summary-writes';
import { LOG_KEY } from '../contract/stored-log';

export interface LogStore {
  /** Queues records; they are written in order, batched while a write is in flight (for at most OVERTAKE_MS). */
  append(records: readonly ErrorRecord[]): void;
  /** Resolves when everything appended so far is in storage. */
  flushed(): Promise<void>;
  /** The current log, including what is not written yet. */
  current(): Promise<FailureLog>;
  clear(): Promise<number>;
  /** Called after each write with the log as written. */
  onWritten(listener: (log: FailureLog) => void): void;
}

/** The storage the log lives in: the platform adapter in the worker, a counting fake in the bench. */
export interface LogStorage {
  readLocal<T extends string>(keys: readonly T[]): Promise<Partial<Record<T, unknown>>>;
  writeLocal(items: Record<string, unknown>): Promise<void>;
  isQuotaError(error: unknown): boolean;
}

export interface LogStoreOptions {
  now: () => number;
  limits: () => LogLimits;
  /** Injected (not imported) so the store runs in plain Node for the bench and the fuzz tests. */
  storage: LogStorage;
}

/**
 * A write in flight holds back the records that arrive meanwhile (they go out together in the
 * next write) for at most this long; then they go out in a write of their own. When the worker is
 * stopped, Chrome still applies a set() it issued before, but not one it would have issued after,
 * and under load one write can take 60 ms (test/e2e/load.test.ts). Bounds the writes to about
 * 100 a second while storage is slow; with fast storage nothing changes.
 */
export const OVERTAKE_MS = 10;

/** The positions of both `a` and `b`: what storage may hold when it is not known which landed. */
function span(a: LogPosition, b: LogPosition): LogPosition {
  if (!a.count) return b;
  if (!b.count) return a;
  const first = Math.min(a.first, b.first);
  return { first, count: Math.max(a.first + a.count, b.first + b.count) - first };
}

/** Index of the first record of `next` that is not the same object at the same place in `prev`. */
function firstChange(prev: readonly ErrorRecord[], removedFront: number, next: readonly ErrorRecord[]): number {
  const n = Math.min(next.length, prev.length - removedFront);
  for (let i = 0; i < n; i++) if (next[i] !== prev[i + removedFront]) return i;
  return Math.max(0, n);
}

/**
 * The persisted failure log, in chunks (src/contract/log-chunks.ts). The worker may be stopped
 * between any two events, so nothing waits on a timer: the first failure is written at once, and
 * whatever arrives while a write is in flight goes out in the next one, or in one of its own once
 * the write in flight is OVERTAKE_MS old. A write touches only the chunks that changed, so it is
 * short, and so is the window in which a stopped worker could lose a record; a burst of 1,000
 * failures is a handful of writes.
 */
export function createLogStore({ now, limits, storage }: LogStoreOptions): LogStore {
  const { readLocal, writeLocal, isQuotaError } = storage;
  let log: FailureLog = emptyLog();
  /** Sequence number of `log.records[0]`. */
  let first = 0;
  /** What storage holds now, so a write can null the chunks it no longer needs. */
  let written: LogPosition = { first: 0, count: 0 };
  let pending: ErrorRecord[] = [];
  /**
   * Sequence number of the oldest record a refused write held (Infinity: none). The next write
   * starts there, not only at what changed since: a refused burst spans several chunks, and
   * the next failure's write would rewrite only the newest one.
   */
  let unwrittenFrom = Infinity;
  let draining: Promise<void> | null = null;
  const listeners: Array<(log: FailureLog) => void> = [];

  async function load(): Promise<void> {
    const stored = await readLocal([LOG_KEY, SUMMARY_KEY]);
    const parsed = parseIndex(stored[LOG_KEY], now());
    if (parsed.kind === 'empty') return;
    let rewrite = false;
    if (parsed.kind === 'whole') {
      // A version 1 log, or junk under the index key: keep what validates and write it as chunks.
      log = parsed.log;
      rewrite = true;
    } else {
      const { index } = parsed;
      const keys = liveChunks(index.first, index.count).map(slotKey);
      const slots = keys.length ? await readLocal(keys) : {};
      const assembled = assembleLog(index, slots as Record<string, unknown>, now());
      log = assembled.log;
      first = index.first;
      written = index;
      rewrite = assembled.unreadable > 0;
    }
    const trimmed = replace(trim(log, limits(), now()));
    // Rewrite everything when something was repaired or migrated (so the notice reaches the UI);
    // when records only aged out (or the summary is missing), write just the index, the summary
    // and the oldest chunks. A worker that wakes with nothing to change writes nothing.
    if (rewrite) await persist(0);
    else if (trimmed > 0 || !hasSummary(stored[SUMMARY_KEY])) await persist(log.records.length);
  }

  const ready = load().catch((error: unknown) => {
    console.warn('Error Doctor: log unreadable, starting anew', error);
  });

  /** Moves on to `next`, the log with its oldest records dropped; returns how many were. */
  function replace(next: FailureLog): number {
    const dropped = next.dropped - log.dropped;
    first += dropped;
    log = next;
    return dropped;
  }

  function shrinkTo(keep: number): void {
    replace(keepNewest(log, keep, { kind: 'storage-full', time: now(), lost: 0 }));
  }

  /** One `set`: the log's changed chunks and index, and the summary of the log they make. */
  function writeLog(before: LogPosition, from: number): Promise<void> {
    return writeLocal(logWrites(before, log, first, from, now()));
  }

  async function persist(firstChanged: number): Promise<void> {
    // Storage applies writes in order, so the next write, which may be issued before this one
    // lands, builds on what this one leaves; after a failure, on what either state may hold.
    const before = written;
    written = { first, count: log.records.length };
    const from = Math.max(0, Math.min(firstChanged, unwrittenFrom - first));
    // In sequence numbers: the log's front may move on before this write settles.
    const start = first + from;
    unwrittenFrom = Infinity;
    try {
      await writeLog(before, from);
    } catch (error) {
      written = span(before, written);
      if (!isQuotaError(error)) {
        unwrittenFrom = Math.min(unwrittenFrom, start);
        console.warn('Error Doctor: log not written', error);
        return;
      }
      // Storage is full: keep the newest half and try once more; then keep only the newest few.
      shrinkTo(Math.floor(log.records.length / 2));
      try {
        await writeLog(written, 0);
      } catch (retryError) {
        shrinkTo(10);
        const ok = await writeLog(written, 0).then(
          () => true,
          () => false,
        );
        if (!ok) {
          console.warn('Error Doctor: storage full, log kept in memory only', retryError);
          return;
        }
      }
      written = { first, count: log.records.length };
    }
    for (const listener of listeners) listener(log);
  }

  /** Writes issued and not settled yet, and when the newest of them was issued. */
  let inFlight = 0;
  let newestWriteAt = 0;
  let allWritten: Promise<unknown> = Promise.resolve();

  /** Folds the pending records into the log and issues their write at once (storage applies writes in order). */
  function writePending(): Promise<void> {
    const batch = pending;
    pending = [];
    const prev = log;
    const removedFront = replace(appendRecords(prev, batch, limits(), now()));
    inFlight++;
    newestWriteAt = now();
    const write = persist(firstChange(prev.records, removedFront, log.records)).finally(() => inFlight--);
    allWritten = Promise.all([allWritten, write]);
    return write;
  }

  async function drain(): Promise<void> {
    await ready;
    for (;;) {
      while (pending.length) await writePending();
      const all = allWritten;
      await all;
      if (!pending.length && all === allWritten) break;
    }
    draining = null;
  }

  function kick(): Promise<void> {
    draining ??= drain();
    return draining;
  }

  return {
    append(records) {
      if (!records.length) return;
      for (const r of records) pending.push(r);
      // A slow write does not hold back what arrives meanwhile for longer than OVERTAKE_MS.
      if (inFlight > 0 && now() - newestWriteAt >= OVERTAKE_MS) void writePending();
      void kick();
    },
    async flushed() {
      await ready;
      while (draining || pending.length) await kick();
    },
    async current() {
      await this.flushed();
      return log;
    },
    async clear() {
      await this.flushed();
      const removed = log.records.length;
      // Sequence numbers go on from where they were, so the ring's slots are reused in order.
      first += removed;
      log = emptyLog();
      await persist(0);
      return removed;
    },
    onWritten(listener) {
      listeners.push(listener);
    },
  };
}
