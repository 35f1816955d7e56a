import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createLogStore, OVERTAKE_MS } from '../../src/background/log-store';
import { liveChunks, parseIndex, slotKey } from '../../src/contract/log-chunks';
import { LOG_KEY } from '../../src/contract/stored-log';
import type { LogLimits } from '../../src/core/failure-log';
import { logFromStorage } from '../support/stored-log';
import { makeRecord } from '../support/records';

/**
 * Writes that stay in flight until the test settles them, applied in the order they were issued
 * (as chrome.storage applies a worker's set() calls), with a clock the test moves.
 */
function slowStorage() {
  const data: Record<string, unknown> = {};
  const queue: Array<{ items: Record<string, unknown>; done: () => void; fail: (error: Error) => void }> = [];
  const clock = { now: Date.UTC(2026, 10, 26) };
  return {
    data,
    queue,
    clock,
    /** Lets the oldest write in flight land, or storage refuse it. */
    async settleOne(refuse = false) {
      const write = queue.shift();
      if (!write) return;
      if (refuse) write.fail(new Error('IO error'));
      else {
        Object.assign(data, structuredClone(write.items));
        write.done();
      }
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    /** What storage holds once every write issued so far has landed, and nothing after: a worker stopped now. */
    afterStop() {
      const copy = structuredClone(data);
      for (const write of queue) Object.assign(copy, structuredClone(write.items));
      return copy;
    },
    storage: {
      readLocal: async <T extends string>(keys: readonly T[]) =>
        Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])) as Partial<Record<T, unknown>>,
      writeLocal: (items: Record<string, unknown>) => new Promise<void>((done, fail) => queue.push({ items: structuredClone(items), done, fail })),
      isQuotaError: () => false,
    },
  };
}

const limits = (maxRecords: number): LogLimits => ({ maxRecords, maxBytes: 10_000_000, maxAgeMs: 7 * 24 * 3600_000 });
const ticks = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};
/** Lets every write land, those the store issues meanwhile included, until it has flushed. */
async function landAll(s: ReturnType<typeof slowStorage>, store: ReturnType<typeof createLogStore>): Promise<void> {
  let flushed = false;
  void store.flushed().then(() => (flushed = true));
  while (!flushed) {
    await s.settleOne();
    await ticks();
  }
}

describe('log store: a slow write does not hold new records back', () => {
  it('records that arrive during a write wait for it only up to OVERTAKE_MS, then go out in their own write', async () => {
    const s = slowStorage();
    const store = createLogStore({ now: () => s.clock.now, limits: () => limits(1000), storage: s.storage });
    await ticks();
    const records = [0, 1, 2].map((i) => makeRecord(i, { time: s.clock.now - 1000 }));
    store.append([records[0]!]);
    await ticks();
    expect(s.queue).toHaveLength(1);

    // Within OVERTAKE_MS of that write: held back, to go out together when it lands.
    s.clock.now += OVERTAKE_MS - 1;
    store.append([records[1]!]);
    await ticks();
    expect(s.queue).toHaveLength(1);

    // The write is still in flight OVERTAKE_MS after it was issued: the next failure takes both out now.
    s.clock.now += 1;
    store.append([records[2]!]);
    expect(s.queue).toHaveLength(2);
    // A worker stopped now still has all three in storage: Chrome applies the set() calls it issued.
    expect(logFromStorage(s.afterStop()).records).toEqual(records);

    let flushed = false;
    void store.flushed().then(() => (flushed = true));
    await s.settleOne();
    expect(flushed).toBe(false);
    await s.settleOne();
    await ticks();
    expect(flushed).toBe(true);
    expect(logFromStorage(s.data).records).toEqual((await store.current()).records);
  });

  it('whatever the timing, a stop leaves every record handed to storage readable, and storage ends equal to the log (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        // Each step: n records appended (0: none) after `ms` of time, then `settle` writes land.
        fc.array(fc.record({ n: fc.integer({ min: 0, max: 40 }), ms: fc.integer({ min: 0, max: 3 * OVERTAKE_MS }), settle: fc.integer({ min: 0, max: 2 }) }), {
          maxLength: 30,
        }),
        async (cap, steps) => {
          const s = slowStorage();
          const store = createLogStore({ now: () => s.clock.now, limits: () => limits(cap), storage: s.storage });
          await ticks();
          let next = 0;
          const seq = (id: string) => Number(id.split('@')[0]) - 1000;
          for (const step of steps) {
            s.clock.now += step.ms;
            for (let i = 0; i < step.n; i++) store.append([makeRecord(next++, { time: s.clock.now - 1000 })]);
            await ticks();
            for (let i = 0; i < step.settle; i++) await s.settleOne();
            // Stopped here: storage holds a whole log (every chunk its index names), the newest
            // records up to the cap of those appended before the last write issued, none missing.
            const stopped = s.afterStop();
            const index = parseIndex(stopped[LOG_KEY], s.clock.now);
            if (index.kind === 'index') {
              for (const k of liveChunks(index.index.first, index.index.count)) expect(stopped[slotKey(k)], `chunk ${k} after a stop`).toBeTruthy();
              const kept = logFromStorage(stopped).records.map((r) => seq(r.id));
              expect(kept.length).toBe(index.index.count);
              const last = kept.at(-1) ?? -1;
              expect(kept).toEqual(Array.from({ length: Math.min(cap, last + 1) }, (_, i) => last + 1 - Math.min(cap, last + 1) + i));
            }
          }
          const flushing = store.flushed();
          while (s.queue.length) await s.settleOne();
          await flushing;
          const log = await store.current();
          expect(logFromStorage(s.data).records).toEqual(log.records);
          expect(log.records.length).toBe(Math.min(cap, next));
          // No stale chunk is left holding records.
          const index = s.data[LOG_KEY] as { first: number; count: number } | undefined;
          const live = new Set(index ? liveChunks(index.first, index.count).map(slotKey) : []);
          for (const [key, value] of Object.entries(s.data)) if (key.startsWith(`${LOG_KEY}:`) && !live.has(key)) expect(value).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
    // CPU-bound: 300 runs take 2-7 s on a 2-core machine shared with other work.
  }, 30_000);
});

describe('log store: a write storage refuses', () => {
  it('is written again with the next one, so storage ends equal to the log (not only the newest chunk)', async () => {
    const s = slowStorage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = createLogStore({ now: () => s.clock.now, limits: () => limits(1000), storage: s.storage });
    await ticks();
    const time = s.clock.now - 1000;
    store.append([makeRecord(0, { time })]);
    await ticks();
    await s.settleOne();
    // A burst spanning three chunks, refused (a transient error: neither quota nor a full disk).
    store.append(Array.from({ length: 25 }, (_, i) => makeRecord(1 + i, { time })));
    await ticks();
    await s.settleOne(true);
    // The next failure's write must carry the refused chunks too, not only the newest one.
    store.append([makeRecord(26, { time })]);
    await landAll(s, store);
    expect((await store.current()).records).toHaveLength(27);
    expect(logFromStorage(s.data).records).toEqual((await store.current()).records);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('whatever writes are refused, once one lands after them storage equals the log (property)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        fc.array(
          fc.record({
            n: fc.integer({ min: 0, max: 40 }),
            ms: fc.integer({ min: 0, max: 3 * OVERTAKE_MS }),
            settle: fc.integer({ min: 0, max: 2 }),
            refuse: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        async (cap, steps) => {
          const s = slowStorage();
          const store = createLogStore({ now: () => s.clock.now, limits: () => limits(cap), storage: s.storage });
          await ticks();
          let next = 0;
          for (const step of steps) {
            s.clock.now += step.ms;
            for (let i = 0; i < step.n; i++) store.append([makeRecord(next++, { time: s.clock.now - 1000 })]);
            await ticks();
            for (let i = 0; i < step.settle; i++) await s.settleOne(step.refuse);
          }
          // One more failure, and every write lands from here on.
          store.append([makeRecord(next++, { time: s.clock.now - 1000 })]);
          await landAll(s, store);
          expect(logFromStorage(s.data).records).toEqual((await store.current()).records);
        },
      ),
      { numRuns: 300 },
    );
    warn.mockRestore();
  }, 30_000);
});
