import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, failureTable, groupCounts, panelFrame, recordGroup } from '../../src/core/failure-table';
import { evidence } from '../../src/core/evidence';
import { rateChart } from '../../src/core/rate-chart';
import { anchoredScrollTop, virtualWindow } from '../../src/core/virtual-window';
import { FIXTURE_NOW, generateRecords } from '../fixtures/records';

const records = generateRecords({ count: 500, seed: 3 });

describe('failureTable', () => {
  it('sorts newest first by default and keeps every record', () => {
    const rows = failureTable(records, DEFAULT_QUERY);
    expect(rows).toHaveLength(500);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.time).toBeGreaterThanOrEqual(rows[i]!.time);
  });

  it('sorts by status ascending with network errors last, and by duration with missing values last both ways', () => {
    const byStatus = failureTable(records, { ...DEFAULT_QUERY, sort: 'status', dir: 'asc' });
    const firstNull = byStatus.findIndex((r) => r.status === null);
    expect(firstNull).toBeGreaterThan(0);
    expect(byStatus.slice(firstNull).every((r) => r.status === null)).toBe(true);
    expect(byStatus[0]!.status).toBe(401);
    for (const dir of ['asc', 'desc'] as const) {
      const rows = failureTable(records, { ...DEFAULT_QUERY, sort: 'duration', dir });
      const nulls = rows.findIndex((r) => r.durationMs === null);
      expect(rows.slice(nulls).every((r) => r.durationMs === null)).toBe(true);
      const d = rows.slice(0, nulls).map((r) => r.durationMs!);
      expect(d).toEqual([...d].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
    }
  });

  it('sorts by the meaning text the user sees, not the key', () => {
    const label = (k: string) => (k === 'meaning_500' ? 'AAA first' : `z ${k}`);
    const rows = failureTable(records, { ...DEFAULT_QUERY, sort: 'meaning', dir: 'asc' }, label);
    expect(rows[0]!.meaning).toBe('meaning_500');
  });

  it('filters by group: telemetry is its own group, rate limits count as overload', () => {
    const overload = failureTable(records, { ...DEFAULT_QUERY, groups: ['overload'] });
    expect(overload.length).toBeGreaterThan(0);
    expect(overload.every((r) => r.category === 'overload' || r.category === 'rate-limit')).toBe(true);
    const telemetry = failureTable(records, { ...DEFAULT_QUERY, groups: ['telemetry'] });
    expect(telemetry.every((r) => r.telemetry)).toBe(true);
    const both = failureTable(records, { ...DEFAULT_QUERY, groups: ['overload', 'telemetry'] });
    expect(both).toHaveLength(overload.length + telemetry.length);
    const counts = groupCounts(records);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(500);
    expect(counts.telemetry).toBe(telemetry.length);
  });

  it('filters by text over status, path, request id and meaning, case-insensitively', () => {
    const target = records.find((r) => r.ids.cfRay)!;
    expect(failureTable(records, { ...DEFAULT_QUERY, text: target.ids.cfRay!.toUpperCase() }).map((r) => r.id)).toEqual([target.id]);
    expect(
      failureTable(records, { ...DEFAULT_QUERY, text: ' 429 ' }).every(
        (r) =>
          r.status === 429 ||
          r.path.includes('429') ||
          (r.ids.cfRay ?? '').includes('429') ||
          (r.ids.xRequestId ?? '').includes('429') ||
          (r.ids.oaiRequestId ?? '').includes('429'),
      ),
    ).toBe(true);
    expect(
      failureTable(records, { ...DEFAULT_QUERY, text: 'too many' }, (k) => (k === 'meaning_429' ? 'Too many requests' : k)).every((r) => r.status === 429),
    ).toBe(true);
    expect(failureTable(records, { ...DEFAULT_QUERY, text: 'no such thing at all' })).toEqual([]);
  });

  it('panelFrame renders only a window of 10,000 rows', () => {
    const many = generateRecords({ count: 10_000 });
    const frame = panelFrame(many, DEFAULT_QUERY, 24 * 5000, 480, 24);
    expect(frame.rows).toHaveLength(10_000);
    expect(frame.visible.length).toBeLessThan(60);
    expect(frame.visible[0]).toBe(frame.rows[frame.window.start]);
    expect(frame.window.padTop + frame.visible.length * 24 + frame.window.padBottom).toBe(10_000 * 24);
  });
});

describe('virtualWindow', () => {
  it('covers the viewport plus overscan, and clamps odd input', () => {
    expect(virtualWindow(0, 0, 400, 24)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
    const w = virtualWindow(1000, 240, 240, 24, 2);
    expect(w).toEqual({ start: 8, end: 23, padTop: 192, padBottom: (1000 - 23) * 24 });
    const past = virtualWindow(10, 1e9, 240, 24);
    expect(past.end).toBe(10);
    expect(virtualWindow(100, NaN, NaN, 24).start).toBe(0);
    expect(virtualWindow(100, -50, 0, 24).end).toBeGreaterThan(0);
  });

  it('anchors the scroll offset when rows are inserted above, not when at the top', () => {
    expect(anchoredScrollTop(480, 20, 23, 24)).toBe(480 + 72);
    expect(anchoredScrollTop(0, 0, 3, 24)).toBe(0);
    expect(anchoredScrollTop(100, 4, -1, 24)).toBe(100);
  });
});

describe('rateChart', () => {
  it('buckets the last hour per minute by group and ignores older and future records', () => {
    const recent = generateRecords({ count: 120, now: FIXTURE_NOW, spanMs: 30 * 60_000 });
    const old = generateRecords({ count: 10, now: FIXTURE_NOW - 2 * 3_600_000, startIndex: 1000 });
    const future = generateRecords({ count: 5, now: FIXTURE_NOW + 3_600_000, spanMs: 60_000, startIndex: 2000 });
    const chart = rateChart([...old, ...recent, ...future], FIXTURE_NOW);
    expect(chart.buckets).toHaveLength(60);
    expect(chart.buckets.reduce((s, b) => s + b.total, 0)).toBe(120);
    expect(chart.buckets.slice(0, 29).every((b) => b.total === 0)).toBe(true);
    expect(chart.max).toBe(Math.max(...chart.buckets.map((b) => b.total)));
    const server = recent.filter((r) => recordGroup(r) === 'server').length;
    expect(chart.buckets.reduce((s, b) => s + b.counts.server, 0)).toBe(server);
  });

  it('marks incidents: start inside the hour, start before the hour pinned left, and updates; skips bad times', () => {
    const chart = rateChart([], FIXTURE_NOW, [
      { id: 'a', name: 'Elevated errors', startedAt: FIXTURE_NOW - 10 * 60_000, updatedAt: FIXTURE_NOW - 5 * 60_000 },
      { id: 'b', name: 'Old', startedAt: FIXTURE_NOW - 5 * 3_600_000, updatedAt: null },
      { id: 'c', name: 'Bad', startedAt: NaN, updatedAt: null },
      { id: 'd', name: 'Future', startedAt: FIXTURE_NOW + 3_600_000, updatedAt: null },
    ]);
    expect(chart.max).toBe(1);
    expect(chart.marks.map((m) => `${m.id}:${m.kind}`)).toEqual(['a:started', 'a:updated', 'b:started']);
    expect(chart.marks[0]!.offset).toBe(49);
    expect(chart.marks[2]!.offset).toBe(0);
  });
});

describe('evidence', () => {
  it('lists every piece of evidence and highlights the headers that decide the diagnosis', () => {
    const [cf] = generateRecords({ count: 400, seed: 5 }).filter((r) => r.htmlOnApi && r.category === 'cloudflare');
    const rows = evidence(cf!);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(byLabel['content-type']!.highlight).toBe(true);
    expect(byLabel['content-type']!.note).toBe('panel_note_html_on_api');
    expect(byLabel['x-oai-request-id']!.highlight).toBe(true);
    expect(byLabel['cf-ray']!.value).toBe(cf!.ids.cfRay);
    expect(byLabel['panel_ev_url']!.value).toBe(`https://${cf!.host}${cf!.path}`);
    expect(byLabel['server']!.highlight).toBe(true);
  });
});
