import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../src/core/status';
import { STATUS_PAGE_URL } from '../../src/core/hosts';
import { parseStatusPage, type StatusAnswer } from '../../src/core/status-page';

/**
 * Fuzzing status.openai.com's answers into parseStatusPage: bodies of any shape, HTML where JSON
 * should be, odd content types and statuses, mutated real fixtures. No exception escapes, every
 * doubt is "unknown" with a reason and a short detail (never "all good"), and a valid summary is
 * never lost: its indicator, components and open incidents all come through. Run counts for the note.
 */
export const RUNS = { junk: 3000, mutated: 2000, valid: 1000 } as const;
const TIMEOUT = 120_000;
const NOW = 1_764_000_000_000;
const REASONS = ['html', 'timeout', 'http', 'malformed', 'network', 'too-large', 'wrong-type'];

const fixtures = readdirSync('test/fixtures/status').map((f) => readFileSync(`test/fixtures/status/${f}`, 'utf8'));

const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/html; charset=utf-8', 'text/plain', 'APPLICATION/JSON', ''),
  fc.string({ maxLength: 60 }),
  fc.constant(null),
);
const status = fc.oneof(fc.constantFrom(200, 204, 301, 304, 403, 404, 429, 500, 503), fc.integer({ min: -1, max: 1000 }));
const body = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.jsonValue().map((j) => JSON.stringify(j)),
  fc.constantFrom('', '<!doctype html><title>OpenAI Status</title>', '   <html>', '{"status":', 'null', '[]', '{}', '\uFEFF{}'),
  fc.constantFrom(...fixtures),
  fc.tuple(fc.constantFrom(...fixtures), fc.nat(), fc.nat()).map(([f, a, b]) => f.slice(0, a % (f.length + 1)) + f.slice(b % (f.length + 1))),
);
const answer: fc.Arbitrary<StatusAnswer> = fc.oneof(
  fc.record({ kind: fc.constant('answer' as const), status, contentType, body }),
  fc.record({
    kind: fc.constant('failed' as const),
    reason: fc.constantFrom('timeout' as const, 'network' as const, 'too-large' as const),
    detail: fc.string({ maxLength: 1000 }),
  }),
);

function checkShape(snapshot: StatusSnapshot): void {
  expect(snapshot.checkedAt).toBe(NOW);
  if (snapshot.state === 'unknown') {
    expect(REASONS).toContain(snapshot.reason);
    expect(snapshot.detail.length).toBeLessThanOrEqual(200);
    return;
  }
  expect(snapshot.pageUrl).toBe(STATUS_PAGE_URL);
  expect(['none', 'minor', 'major', 'critical']).toContain(snapshot.indicator);
  for (const i of [...snapshot.incidents, ...snapshot.maintenances]) expect(i.url === null || i.url.startsWith('https://')).toBe(true);
}

/** Replaces one value somewhere in a parsed fixture with junk: the shapes a platform move produces. */
function mutate(json: unknown, path: number[], junk: unknown): unknown {
  if (!path.length || json === null || typeof json !== 'object') return junk;
  const keys = Object.keys(json);
  if (!keys.length) return junk;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(json) ? ([...json] as unknown as Record<string, unknown>) : { ...(json as Record<string, unknown>) };
  copy[key] = mutate((json as Record<string, unknown>)[key], path.slice(1), junk);
  return copy;
}

describe('fuzz: status page answers into parseStatusPage', () => {
  it(
    'never throws on any answer pair; doubts are unknown with a reason',
    () => {
      fc.assert(
        fc.property(answer, fc.option(answer, { nil: null }), (summary, components) => checkShape(parseStatusPage(summary, components, NOW))),
        { numRuns: RUNS.junk },
      );
    },
    TIMEOUT,
  );

  it(
    'survives any one value of a real answer replaced by junk',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...fixtures), fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue(), (fixture, path, junk) => {
          const body = JSON.stringify(mutate(JSON.parse(fixture), path, junk));
          checkShape(parseStatusPage({ kind: 'answer', status: 200, contentType: 'application/json', body }, null, NOW));
        }),
        { numRuns: RUNS.mutated },
      );
    },
    TIMEOUT,
  );

  it(
    'never loses a valid summary: indicator, every component and every open incident come through',
    () => {
      const id = fc.stringMatching(/^[a-z0-9]{4,12}$/);
      const componentStatus = fc.constantFrom('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance');
      const component = fc.record({
        id,
        name: fc.string({ minLength: 1, maxLength: 40 }),
        status: componentStatus,
        group: fc.constantFrom(false, null, undefined),
      });
      const incident = fc.record({
        id,
        name: fc.string({ minLength: 1, maxLength: 80 }),
        status: fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved', 'postmortem'),
        impact: fc.constantFrom('none', 'minor', 'major', 'critical', null),
        shortlink: fc.constantFrom('https://stspg.io/x', 'javascript:alert(1)', null, undefined),
      });
      const summary = fc.record({
        status: fc.record({ indicator: fc.constantFrom('none', 'minor', 'major', 'critical'), description: fc.string({ maxLength: 80 }) }),
        components: fc.uniqueArray(component, { selector: (c) => c.id, maxLength: 15 }),
        incidents: fc.uniqueArray(incident, { selector: (i) => i.id, maxLength: 5 }),
      });
      fc.assert(
        fc.property(summary, (s) => {
          const snapshot = parseStatusPage({ kind: 'answer', status: 200, contentType: 'application/json', body: JSON.stringify(s) }, null, NOW);
          checkShape(snapshot);
          expect(snapshot.state).toBe('known');
          if (snapshot.state !== 'known') return;
          expect(snapshot.indicator).toBe(s.status.indicator);
          expect(snapshot.components.map((c) => [c.id, c.status]).sort()).toEqual(s.components.map((c) => [c.id, c.status]).sort());
          const open = s.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem');
          expect(snapshot.incidents.map((i) => i.id).sort()).toEqual(open.map((i) => i.id).sort());
        }),
        { numRuns: RUNS.valid },
      );
    },
    TIMEOUT,
  );
});
