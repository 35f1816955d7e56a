import { describe, expect, it } from 'vitest';
import { appendRecords, emptyLog, keepNewest, recordBytes, trim, type LogLimits } from '../../src/core/failure-log';
import { makeRecord, makeRecords } from '../support/records';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const limits: LogLimits = { maxRecords: 100, maxBytes: 1_000_000, maxAgeMs: 24 * 3600_000 };

describe('failure log', () => {
  it('keeps the newest records up to the count cap and counts the dropped ones', () => {
    let log = emptyLog();
    for (let i = 0; i < 5; i++) log = appendRecords(log, makeRecords(50, i * 50), limits, NOW);
    expect(log.records).toHaveLength(100);
    expect(log.dropped).toBe(150);
    expect(log.records[0]!.id).toBe(makeRecord(150).id);
    expect(log.records.at(-1)!.id).toBe(makeRecord(249).id);
    expect(log.bytes).toBe(log.records.reduce((s, r) => s + recordBytes(r), 0));
  });

  it('enforces the byte cap, oldest first', () => {
    const one = recordBytes(makeRecord(0));
    const log = appendRecords(emptyLog(), makeRecords(20), { ...limits, maxBytes: one * 10 + 5 }, NOW);
    expect(log.records.length).toBeLessThanOrEqual(10);
    expect(log.bytes).toBeLessThanOrEqual(one * 10 + 5);
    expect(log.records.at(-1)!.id).toBe(makeRecord(19).id);
  });

  it('drops records older than the retention time', () => {
    const old = makeRecord(1, { time: NOW - 25 * 3600_000 });
    const fresh = makeRecord(2, { time: NOW - 1000 });
    const log = appendRecords(emptyLog(), [old, fresh], limits, NOW);
    expect(log.records.map((r) => r.id)).toEqual([fresh.id]);
    expect(log.dropped).toBe(1);
  });

  it('ignores duplicates and keeps time order when events finish out of order', () => {
    const a = makeRecord(1, { time: NOW - 3000 });
    const b = makeRecord(2, { time: NOW - 1000 });
    const c = makeRecord(3, { time: NOW - 2000 });
    let log = appendRecords(emptyLog(), [a, b], limits, NOW);
    log = appendRecords(log, [c, b], limits, NOW);
    expect(log.records.map((r) => r.id)).toEqual([a.id, c.id, b.id]);
  });

  it('never mutates its input', () => {
    const log = appendRecords(emptyLog(), makeRecords(3), limits, NOW);
    const copy = structuredClone(log);
    appendRecords(log, makeRecords(200, 10), limits, NOW);
    trim(log, { ...limits, maxRecords: 1 }, NOW);
    expect(log).toEqual(copy);
  });

  it('keeps only the newest when storage is full, and says how many were lost', () => {
    const log = appendRecords(emptyLog(), makeRecords(10), limits, NOW);
    const kept = keepNewest(log, 4, { kind: 'storage-full', time: NOW, lost: 0 });
    expect(kept.records.map((r) => r.id)).toEqual(log.records.slice(-4).map((r) => r.id));
    expect(kept.notice).toEqual({ kind: 'storage-full', time: NOW, lost: 6 });
    expect(kept.dropped).toBe(6);
  });
});
