import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogStore } from '../../src/background/log-store';
import { CHUNK_SIZE, liveChunks, slotKey } from '../../src/contract/log-chunks';
import { LOG_SUMMARY, SUMMARY_DEFAULT, SUMMARY_KEY, SUMMARY_NEWEST, summaryMinutes } from '../../src/contract/log-summary';
import { summarize } from '../../src/contract/log-summary-writes';
import { LOG_KEY, toStoredLog } from '../../src/contract/stored-log';
import { diagnose } from '../../src/core/diagnosis';
import type { ErrorRecord } from '../../src/core/error-record';
import { appendRecords, emptyLog, type LogLimits } from '../../src/core/failure-log';
import { MAX_ENDPOINTS } from '../../src/core/tally-caps';
import { logFromStorage } from '../support/stored-log';
import { makeRecord, makeRecords } from '../support/records';

const NOW = Date.UTC(2026, 10, 26, 0, 0, 0);

/** Storage as a plain object, with every `set` kept so a test can count and inspect writes. */
function memoryStorage(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  const writes: Array<Record<string, unknown>> = [];
  return {
    data,
    writes,
    readLocal: async <T extends string>(keys: readonly T[]) =>
      Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])) as Partial<Record<T, unknown>>,
    writeLocal: async (items: Record<string, unknown>) => {
      writes.push(items);
      Object.assign(data, structuredClone(items));
    },
    isQuotaError: () => false,
  };
}

function store(storage: ReturnType<typeof memoryStorage>, limits: LogLimits) {
  return createLogStore({ now: () => NOW, limits: () => limits, storage });
}

const limits = (maxRecords: number): LogLimits => ({ maxRecords, maxBytes: 10_000_000, maxAgeMs: 7 * 24 * 3600_000 });

/** A store of at most `maxRecords` over fresh memory storage that holds `records` already: the writes so far are not counted. */
async function storeHolding(maxRecords: number, records: ErrorRecord[]) {
  const storage = memoryStorage();
  const s = store(storage, limits(maxRecords));
  s.append(records);
  await s.flushed();
  storage.writes.length = 0;
  return { storage, s };
}

describe('chunked log in storage', () => {
  it('writes only the chunks that changed, and the index', async () => {
    const { storage, s } = await storeHolding(1000, makeRecords(120, 0, { time: NOW - 1000 }));
    s.append([makeRecord(500, { time: NOW })]);
    await s.flushed();
    expect(storage.writes).toHaveLength(1);
    expect(Object.keys(storage.writes[0]!).sort()).toEqual([LOG_KEY, SUMMARY_KEY, slotKey(Math.floor(120 / CHUNK_SIZE))].sort());
  });

  it('writes the summary in the same set as the log: what the popup’s first frame shows and weighs', async () => {
    const storage = memoryStorage();
    const s = store(storage, limits(1000));
    const records = [
      ...makeRecords(30, 0, { time: NOW - 20 * 60_000, tabId: 1 }),
      ...makeRecords(40, 30, { time: NOW - 60_000, tabId: 1, category: 'server', retryAfterSec: 30 }),
      ...makeRecords(5, 70, { time: NOW - 1000, tabId: 2, category: 'blocked' }),
    ];
    s.append(records);
    await s.flushed();
    for (const write of storage.writes) expect(write[SUMMARY_KEY]).toEqual(summarize(logFromStorage(storage.data), NOW));
    const summary = LOG_SUMMARY.read(storage.data[SUMMARY_KEY])!;
    expect(summary.newest.map((r) => r.id)).toEqual(records.slice(-SUMMARY_NEWEST).map((r) => r.id));
    expect(summary).toMatchObject({ count: 75, dropped: 0, notice: null });
    // The first frame's verdict is the full log's, for every scope.
    for (const tabId of [null, 1, 2, 3]) {
      const input = { now: NOW, status: null, conflicts: null, tabId };
      expect(diagnose({ ...input, records: [], minutes: summaryMinutes(summary) })).toEqual(diagnose({ ...input, records }));
    }
    // Junk under the key is not a summary: the popup then reads the log itself.
    expect(LOG_SUMMARY.read({ ...summary, minutes: 'junk' })).toBeNull();
    expect(LOG_SUMMARY.read({ ...summary, endpoints: [] })).toBeNull();
    expect(LOG_SUMMARY.read(undefined)).toBeNull();
    expect(summarize(emptyLog(), NOW)).toEqual(SUMMARY_DEFAULT);
  });

  it('a storm of 1,000 distinct paths keeps the summary small and readable, and the verdict the log’s', () => {
    // What the load test sends: every path differs in a number the id mask leaves alone.
    const records = makeRecords(1000, 0, { category: 'server', status: 500 }).map((r, i) => ({
      ...r,
      time: NOW - 9000 + i * 8,
      path: `/backend-api/status/500/${String(i).padStart(5, '0')}`,
    }));
    const log = appendRecords(emptyLog(), records, limits(1000), NOW);
    const summary = summarize(log, NOW);
    expect(summary.endpoints).toHaveLength(MAX_ENDPOINTS);
    expect(JSON.stringify(summary).length).toBeLessThan(16_000);
    expect(LOG_SUMMARY.read(structuredClone(summary))).toEqual(summary);
    const input = { now: NOW, status: null, conflicts: null, tabId: 7 };
    const fromSummary = diagnose({ ...input, records: [], minutes: summaryMinutes(summary) });
    expect(fromSummary).toEqual(diagnose({ ...input, records }));
    // Capped, the count still says many: OpenAI's side, not one broken endpoint.
    expect(JSON.stringify(fromSummary)).toContain('diag_ev_many_endpoints');
  });

  it('rewrites the trimmed oldest chunk and nulls chunks dropped whole, in the same write', async () => {
    const { storage, s } = await storeHolding(100, makeRecords(100, 0, { time: NOW - 1000 }));
    s.append(makeRecords(75, 100, { time: NOW }));
    await s.flushed();
    expect(storage.writes).toHaveLength(1);
    const write = storage.writes[0]!;
    // Records 75-174 are kept: chunks below 75's are dropped whole, 75's chunk is trimmed.
    const oldest = Math.floor(75 / CHUNK_SIZE);
    for (let k = 0; k < oldest; k++) expect(write[slotKey(k)]).toBeNull();
    expect((write[slotKey(oldest)] as { records: unknown[] }).records).toHaveLength((oldest + 1) * CHUNK_SIZE - 75);
    const log = logFromStorage(storage.data);
    expect(log.records.map((r) => r.id)).toEqual((await s.current()).records.map((r) => r.id));
    expect(log.dropped).toBe(75);
  });

  it('a worker that wakes over a log with nothing to change writes nothing; an aged-out record costs only the index and its chunk', async () => {
    const { storage } = await storeHolding(1000, makeRecords(120, 0, { time: NOW - 1000 }));
    await store(storage, limits(1000)).flushed();
    expect(storage.writes).toEqual([]);
    // A log without its summary (written before there was one) gets it on the next wake.
    delete storage.data[SUMMARY_KEY];
    await store(storage, limits(1000)).flushed();
    expect(Object.keys(storage.writes[0] ?? {}).sort()).toEqual([LOG_KEY, SUMMARY_KEY].sort());
    storage.writes.length = 0;
    const woken = createLogStore({ now: () => NOW, limits: () => ({ ...limits(1000), maxAgeMs: 1500 }), storage });
    storage.data[slotKey(0)] = { k: 0, records: [makeRecord(0, { time: NOW - 2000 }), ...makeRecords(CHUNK_SIZE - 1, 1, { time: NOW - 1000 })] };
    await woken.flushed();
    expect(storage.writes).toHaveLength(1);
    expect(Object.keys(storage.writes[0]!).sort()).toEqual([LOG_KEY, SUMMARY_KEY, slotKey(0)].sort());
    expect(logFromStorage(storage.data).records).toEqual((await woken.current()).records);
  });

  it('migrates a version 1 log into chunks without losing a record', async () => {
    const v1 = appendRecords(emptyLog(), makeRecords(130, 0, { time: NOW - 5000 }), limits(1000), NOW);
    const storage = memoryStorage({ [LOG_KEY]: toStoredLog(v1) });
    const s = store(storage, limits(1000));
    await s.flushed();
    expect(storage.data[LOG_KEY]).toMatchObject({ v: 2, count: 130 });
    expect(logFromStorage(storage.data).records).toEqual(v1.records);
  });

  it('recovers from a lost or corrupt chunk, keeps the rest and says so', async () => {
    const { storage } = await storeHolding(1000, makeRecords(150, 0, { time: NOW - 1000 }));
    storage.data[slotKey(1)] = { k: 99, records: 'junk' };
    const s = store(storage, limits(1000));
    const log = await s.current();
    expect(log.records).toHaveLength(150 - CHUNK_SIZE);
    expect(log.notice).toMatchObject({ kind: 'corrupt-recovered', lost: CHUNK_SIZE });
    expect(logFromStorage(storage.data).records).toEqual(log.records);
  });

  it('storage always equals the log in memory, whatever the appends, caps, restarts and clears (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 180 }), fc.constant(-1), fc.constant(-2)), { maxLength: 12 }),
        async (cap, steps) => {
          const storage = memoryStorage();
          let s = store(storage, limits(cap));
          let next = 0;
          for (const step of steps) {
            if (step === -1)
              s = store(storage, limits(cap)); // a worker restart over the same storage
            else if (step === -2) await s.clear();
            else s.append(makeRecords(step, next, { time: NOW - 100_000 + next }));
            if (step > 0) next += step;
            await s.flushed();
          }
          const log = await s.current();
          expect(logFromStorage(storage.data).records).toEqual(log.records);
          expect(log.records.length).toBeLessThanOrEqual(cap);
          // No stale chunk is left holding records.
          const index = storage.data[LOG_KEY] as { first: number; count: number } | undefined;
          const live = new Set(index ? liveChunks(index.first, index.count).map(slotKey) : []);
          for (const [key, value] of Object.entries(storage.data)) if (key.startsWith(`${LOG_KEY}:`) && !live.has(key)) expect(value).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a chunk holds at most CHUNK_SIZE records', async () => {
    const { storage } = await storeHolding(1000, makeRecords(333, 0, { time: NOW - 1000 }));
    for (const [key, value] of Object.entries(storage.data)) {
      if (key.startsWith(`${LOG_KEY}:`) && value) expect((value as { records: unknown[] }).records.length).toBeLessThanOrEqual(CHUNK_SIZE);
    }
  });
});
