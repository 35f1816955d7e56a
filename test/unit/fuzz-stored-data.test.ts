import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorRecordShape } from '../../src/contract/record-schema';
import { object, type GenericSchema } from 'valibot';
import { SETTINGS_ALTERNATIVES } from '../../src/contract/alternatives';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_FIELDS, SETTINGS_VERSION, type Settings } from '../../src/contract/settings';
import { LOG_VERSION, parseStoredLog, toStoredLog } from '../../src/contract/stored-log';
import { CATEGORIES } from '../../src/core/categories';
import { checked as check } from '../../src/contract/stored-key';
import type { ErrorRecord } from '../../src/core/error-record';

/**
 * Fuzzing what comes back from storage: data written by every past schema version (and by a
 * newer build, and by corruption). No exception escapes, bad data gives a clear result (a notice
 * with the count lost, or the names of repaired settings), and good data is never lost: every
 * valid record survives a parse, valid settings round-trip. Run counts are stated for the note.
 */
export const RUNS = { log: 1000, logJunk: 2000, settings: 2000, settingsJunk: 3000 } as const;
const TIMEOUT = 120_000;
const NOW = 1_764_000_000_000;
const isRecord = (x: unknown) => check(ErrorRecordShape, x) !== undefined;
const SettingsShape = object(SETTINGS_FIELDS);
const isSettings = (x: unknown) => check(SettingsShape, x) !== undefined;
const FIELDS: Record<string, GenericSchema> = SETTINGS_FIELDS;

const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('', '/backend-api/f/conversation', '8f1e2d3c4b5a6978-SJC', 'ünïcødé ✓', '\u0000'));
const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** A record as the current schema accepts it. */
const validRecord: fc.Arbitrary<ErrorRecord> = fc.record({
  id: text,
  time: num,
  tabId: num,
  type: text,
  method: text,
  host: text,
  path: text,
  status: fc.option(num, { nil: null }),
  statusLine: fc.option(text, { nil: null }),
  error: fc.option(text, { nil: null }),
  category: fc.constantFrom(...CATEGORIES),
  meaning: text,
  telemetry: fc.boolean(),
  durationMs: fc.option(num, { nil: null }),
  ids: fc.record({ cfRay: fc.option(text, { nil: null }), xRequestId: fc.option(text, { nil: null }), oaiRequestId: fc.option(text, { nil: null }) }),
  retryAfter: fc.option(text, { nil: null }),
  retryAfterSec: fc.option(num, { nil: null }),
  server: fc.option(text, { nil: null }),
  contentType: fc.option(text, { nil: null }),
  htmlOnApi: fc.boolean(),
});

/** A record broken the ways storage data breaks: a field missing, mistyped, or not an object at all. */
const brokenRecord = fc
  .oneof(
    fc
      .tuple(
        validRecord,
        fc.constantFrom<keyof ErrorRecord>('id', 'time', 'category', 'ids', 'telemetry', 'path'),
        fc.constantFrom(undefined, 'x', 42, null, {}, []),
      )
      .map(([r, key, bad]) => {
        const copy: Record<string, unknown> = { ...r };
        if (bad === undefined) delete copy[key];
        else copy[key] = bad;
        return copy;
      }),
    fc.tuple(validRecord, fc.string()).map(([r, category]) => ({ ...r, category: `not-a-category-${category}` })),
    fc.anything(),
  )
  .filter((x) => !isRecord(x));

/** Storage round-trips through JSON: compare what a parse keeps with the JSON form of the input. */
const asStored = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const key = (r: unknown) => JSON.stringify(r);
const multiset = (list: readonly unknown[]) => list.map(key).sort();

/** How each past or foreign version wrote the log (v1 is the current one; before it, a bare array). */
const layouts = ['v1', 'unversioned', 'bare-array', 'newer'] as const;
function layout(kind: (typeof layouts)[number], records: unknown[], dropped: number): unknown {
  if (kind === 'bare-array') return records;
  if (kind === 'unversioned') return { records, dropped };
  return { v: kind === 'newer' ? LOG_VERSION + 1 : LOG_VERSION, records, dropped, notice: null, futureField: { x: 1 } };
}

describe('fuzz: stored log of every layout into parseStoredLog', () => {
  it(
    'keeps every valid record and counts exactly the unreadable ones',
    () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              validRecord.map((r) => ({ ok: true as const, r })),
              brokenRecord.map((r) => ({ ok: false as const, r })),
            ),
            { maxLength: 40 },
          ),
          fc.constantFrom(...layouts),
          fc.nat(),
          (items, kind, dropped) => {
            const stored = asStored(
              layout(
                kind,
                items.map((i) => i.r),
                dropped,
              ),
            );
            // What JSON did to the broken ones may have made them valid (e.g. undefined fields dropped): recount.
            const storedItems = (Array.isArray(stored) ? stored : (stored as { records: unknown[] }).records) as unknown[];
            const valid = storedItems.filter((x) => isRecord(x));
            const { log, unreadable } = parseStoredLog(stored, NOW);
            expect(multiset(log.records)).toEqual(multiset(valid));
            expect(unreadable).toBe(storedItems.length - valid.length);
            if (unreadable > 0) expect(log.notice).toEqual({ kind: 'corrupt-recovered', time: NOW, lost: unreadable });
            expect(log.records.every((r, i) => i === 0 || r.time >= log.records[i - 1]!.time)).toBe(true);
            expect(log.dropped).toBe(kind === 'bare-array' ? 0 : dropped);
            // What the store writes back parses to the same log: a second load loses nothing more.
            expect(parseStoredLog(asStored(toStoredLog(log)), NOW).log.records).toEqual(log.records);
          },
        ),
        { numRuns: RUNS.log },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws on junk, and answers with an empty log and a notice',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.anything(),
            fc.jsonValue(),
            fc.record({ v: fc.anything(), records: fc.anything(), dropped: fc.anything(), notice: fc.anything() }, { requiredKeys: [] }),
          ),
          (junk) => {
            const { log, unreadable } = parseStoredLog(junk, NOW);
            expect(Array.isArray(log.records)).toBe(true);
            expect(log.records.every((r) => isRecord(r))).toBe(true);
            expect(Number.isFinite(log.dropped) && log.dropped >= 0).toBe(true);
            expect(unreadable >= 0).toBe(true);
            expect(log.bytes).toBeGreaterThanOrEqual(0);
          },
        ),
        { numRuns: RUNS.logJunk },
      );
    },
    TIMEOUT,
  );
});

/** A value the current schema accepts for `field`, chosen from likely candidates; else the default. */
function validSettings(): fc.Arbitrary<Settings> {
  const entries = Object.entries(FIELDS).filter(([k]) => k !== 'version');
  const candidates = fc.oneof(
    fc.boolean(),
    fc.integer({ min: -10, max: 6000 }),
    fc.double({ min: 0, max: 200, noNaN: true }),
    fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && s.trim() === s),
        url: fc.webUrl().map((u) => u.replace(/^http:/, 'https:')),
      }),
      { maxLength: 12 },
    ),
  );
  return fc.tuple(...entries.map(() => candidates)).map((values) => {
    const out: Record<string, unknown> = { version: SETTINGS_VERSION };
    entries.forEach(([k, field], i) => {
      out[k] = check(field, values[i]) ?? DEFAULT_SETTINGS[k as keyof Settings];
    });
    return out as Settings;
  });
}

describe('fuzz: settings of every version into parseSettings', () => {
  it(
    'valid settings round-trip unchanged, written by this version or any earlier one',
    () => {
      fc.assert(
        fc.property(validSettings(), fc.integer({ min: 0, max: SETTINGS_VERSION }), fc.boolean(), (settings, version, omitVersion) => {
          expect(isSettings(settings)).toBe(true);
          const { version: _current, ...fields } = asStored(settings);
          const stored = omitVersion ? fields : { ...fields, version };
          const { settings: parsed, repaired } = parseSettings(stored);
          expect(repaired).toEqual([]);
          expect(parsed).toEqual(asStored(settings));
        }),
        { numRuns: RUNS.settings },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws on junk; the result is always valid and names what it repaired',
    () => {
      const known = Object.keys(SETTINGS_FIELDS);
      const junkFields = fc.dictionary(fc.constantFrom(...known, 'unknownField'), fc.anything());
      const current = junkFields.map((j) => ({ ...j, version: SETTINGS_VERSION }));
      fc.assert(
        fc.property(
          fc.oneof(
            fc.anything(),
            junkFields,
            current,
            fc.tuple(validSettings(), junkFields).map(([s, j]) => ({ ...s, ...j })),
          ),
          (junk) => {
            const { settings, repaired } = parseSettings(junk);
            expect(isSettings(settings)).toBe(true);
            for (const field of repaired) expect(known).toContain(field);
            // The popup reads only the alternatives: it must read them exactly as the whole parse does.
            expect(SETTINGS_ALTERNATIVES.read(junk)).toEqual(settings.alternatives);
            // Written by this version (no migration in between): a field that was valid as stored is
            // kept as stored; one that was not is named.
            if (junk && typeof junk === 'object' && !Array.isArray(junk) && (junk as { version?: unknown }).version === SETTINGS_VERSION) {
              for (const [field, value] of Object.entries(junk as Record<string, unknown>)) {
                if (field === 'version' || !known.includes(field)) continue;
                const ok = check(FIELDS[field]!, value);
                if (ok !== undefined) expect(settings[field as keyof Settings]).toEqual(ok);
                else expect(repaired).toContain(field);
              }
            }
          },
        ),
        { numRuns: RUNS.settingsJunk },
      );
    },
    TIMEOUT,
  );

  it('treats a negative or fractional version as no version (found by the fuzzer: it threw)', () => {
    for (const version of [-1, -0.5, 1.5, Number.NaN]) {
      expect(parseSettings({ version, maxRecords: 200 })).toEqual({ settings: { ...DEFAULT_SETTINGS, maxRecords: 200 }, repaired: [] });
    }
  });
});
