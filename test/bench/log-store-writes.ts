import { createLogStore, type LogStorage } from '../../src/background/log-store';
import { buildRecord, type ErrorRecord } from '../../src/core/error-record';
import { DEFAULT_LIMITS } from '../../src/core/failure-log';
import { BUDGETS } from './budgets';
import { BASE_TIME, failureEvent } from './request-events';
import { row, type Bench, type BenchResult } from './types';

/** chrome.storage.local's latency for a write of a few hundred KB on a laptop; the serialization is real. */
const WRITE_LATENCY_MS = 5;
const BURST = 1000;

/** A storage that counts writes and keeps every key as JSON, as the browser would serialize it. */
export function countingStorage(latencyMs = WRITE_LATENCY_MS) {
  const data = new Map<string, string>();
  const stats = { writes: 0 };
  const storage: LogStorage = {
    async readLocal<T extends string>(keys: readonly T[]) {
      const out: Partial<Record<T, unknown>> = {};
      for (const key of keys) if (data.has(key)) out[key] = JSON.parse(data.get(key)!);
      return out;
    },
    async writeLocal(items) {
      stats.writes++;
      for (const [key, value] of Object.entries(items)) {
        if (value === null || value === undefined) data.delete(key);
        else data.set(key, JSON.stringify(value));
      }
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
    },
    isQuotaError: () => false,
  };
  return { storage, stats, data };
}

export function burstRecords(count: number, start = 0): ErrorRecord[] {
  return Array.from({ length: count }, (_, k) => buildRecord(failureEvent(start + k), BASE_TIME - 1000)!).filter(Boolean);
}

/**
 * 1,000 failures, each arriving in its own task (as webRequest events do), into the real log
 * store over a counting storage. Counts the writes and the time until all of it is stored.
 */
export const logStoreWrites: Bench = {
  name: 'log store writes',
  ci: true,
  async run(): Promise<BenchResult> {
    const { storage, stats, data } = countingStorage();
    const store = createLogStore({ now: () => BASE_TIME + BURST, limits: () => DEFAULT_LIMITS, storage });
    await store.flushed();
    const records = burstRecords(BURST);
    if (records.length !== BURST) throw new Error(`expected ${BURST} failure records, built ${records.length}`);
    const started = performance.now();
    for (const record of records) {
      store.append([record]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await store.flushed();
    const flushMs = performance.now() - started;
    const log = await store.current();
    // The whole log as stored: its index and every chunk.
    const storedBytes = [...data.values()].reduce((sum, json) => sum + json.length, 0);
    if (log.records.length !== BURST) throw new Error(`the log holds ${log.records.length} of ${BURST} records`);
    return {
      rows: [
        row('storage writes per 1,000-failure burst', stats.writes, 'writes', BUDGETS.writesPerBurst, `one failure per task, ${WRITE_LATENCY_MS} ms per write`),
        row('burst of 1,000 stored within', flushMs, 'ms', BUDGETS.burstFlushMs),
        row(
          'stored log at the cap (1,000 records)',
          storedBytes,
          'B',
          BUDGETS.logBytesAtCap,
          `${Math.round(storedBytes / BURST)} B per record, index and chunks`,
        ),
      ],
    };
  },
};
