import { appendRecords, emptyLog, keepNewest, trim, type FailureLog, type LogLimits } from '../core/failure-log';
import type { ErrorRecord } from '../core/error-record';
import { LOG_KEY, parseStoredLog, toStoredLog } from '../contract/stored-log';

export interface LogStore {
  /** Queues records; they are written in order, batched, as soon as the previous write is done. */
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
 * The persisted failure log. The worker may be stopped between any two events, so nothing waits
 * on a timer: the first failure is written at once, and whatever arrives while a write is in
 * flight goes out in the next one. A burst of 1,000 failures is a handful of writes, and the
 * window in which a stopped worker could lose a record is one write long.
 */
export function createLogStore({ now, limits, storage }: LogStoreOptions): LogStore {
  const { readLocal, writeLocal, isQuotaError } = storage;
  let log: FailureLog = emptyLog();
  let pending: ErrorRecord[] = [];
  let draining: Promise<void> | null = null;
  const listeners: Array<(log: FailureLog) => void> = [];

  const ready = readLocal([LOG_KEY]).then(
    (stored) => {
      const loaded = parseStoredLog(stored[LOG_KEY], now());
      log = trim(loaded.log, limits(), now());
      // Rewrite at once when something was repaired, so the notice reaches the UI.
      if (loaded.unreadable > 0) return persist();
      return undefined;
    },
    (error: unknown) => {
      console.warn('Error Doctor: could not read the failure log; starting a new one.', error);
    },
  );

  async function persist(): Promise<void> {
    try {
      await writeLocal({ [LOG_KEY]: toStoredLog(log) });
    } catch (error) {
      if (!isQuotaError(error)) {
        console.warn('Error Doctor: could not write the failure log.', error);
        return;
      }
      // Storage is full: keep the newest half and try once more; then keep only the newest few.
      log = keepNewest(log, Math.floor(log.records.length / 2), { kind: 'storage-full', time: now(), lost: 0 });
      try {
        await writeLocal({ [LOG_KEY]: toStoredLog(log) });
      } catch (retryError) {
        log = keepNewest(log, 10, { kind: 'storage-full', time: now(), lost: 0 });
        await writeLocal({ [LOG_KEY]: toStoredLog(log) }).catch(() =>
          console.warn('Error Doctor: storage is full; the failure log is kept in memory only.', retryError),
        );
      }
    }
    for (const listener of listeners) listener(log);
  }

  async function drain(): Promise<void> {
    await ready;
    while (pending.length) {
      const batch = pending;
      pending = [];
      log = appendRecords(log, batch, limits(), now());
      await persist();
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
      log = emptyLog();
      await persist();
      return removed;
    },
    onWritten(listener) {
      listeners.push(listener);
    },
  };
}
