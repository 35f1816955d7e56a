import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_UPDATE_CHARS, parseStatusPage, type StatusAnswer } from '../../src/core/status-page';
import { STATUS_PAGE_URL } from '../../src/core/hosts';

const fixture = (name: string) => readFileSync(`test/fixtures/status/${name}.json`, 'utf8');
const json = (body: string, status = 200, contentType = 'application/json; charset=utf-8'): StatusAnswer => ({ kind: 'answer', status, contentType, body });
const T = 1_764_000_000_000;

function known(summary: StatusAnswer, components: StatusAnswer | null = json(fixture('components'))) {
  const s = parseStatusPage(summary, components, T);
  if (s.state !== 'known') throw new Error(`expected known, got ${JSON.stringify(s)}`);
  return s;
}

function unknown(summary: StatusAnswer, components: StatusAnswer | null = null) {
  const s = parseStatusPage(summary, components, T);
  if (s.state !== 'unknown') throw new Error(`expected unknown, got ${JSON.stringify(s).slice(0, 200)}`);
  expect(s.checkedAt).toBe(T);
  expect(s.detail.length).toBeGreaterThan(0);
  expect(s.detail.length).toBeLessThanOrEqual(200);
  return s;
}

describe('parseStatusPage: good answers', () => {
  it('operational: indicator none, no incidents, components merged with components.json', () => {
    const s = known(json(fixture('operational')));
    expect(s.indicator).toBe('none');
    expect(s.description).toBe('All Systems Operational');
    expect(s.incidents).toEqual([]);
    expect(s.maintenances).toEqual([]);
    // File uploads only appears in components.json; the ChatGPT group is not a component of its own.
    expect(s.components.map((c) => c.name)).toEqual(['Conversations', 'Login', 'APIs', 'Voice mode', 'File uploads']);
    expect(s.pageUrl).toBe(STATUS_PAGE_URL);
    expect(s.checkedAt).toBe(T);
    expect(s.componentsMissing).toBeUndefined();
  });

  it('minor: degraded API component and a monitoring incident with its latest update', () => {
    const s = known(json(fixture('minor')));
    expect(s.indicator).toBe('minor');
    expect(s.components.find((c) => c.id === 'c3')?.status).toBe('degraded_performance');
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      name: 'Increased latency for the Responses API',
      status: 'monitoring',
      impact: 'minor',
      latestUpdate: 'A fix has been applied and we are monitoring.',
      componentIds: ['c3'],
    });
    expect(s.incidents[0]!.startedAt).toBe(Date.parse('2026-11-25T08:55:00Z'));
  });

  it('major with incident: newest update first, cut to a readable length, resolved incidents and unsafe links dropped', () => {
    const s = known(json(fixture('major')));
    expect(s.indicator).toBe('major');
    expect(s.incidents.map((i) => i.id)).toEqual(['inc1']);
    const inc = s.incidents[0]!;
    expect(inc.url).toBe('https://status.openai.com/incidents/inc1');
    expect(inc.latestUpdate!.startsWith('We are investigating elevated error rates')).toBe(true);
    expect(inc.latestUpdate!.length).toBeLessThanOrEqual(MAX_UPDATE_CHARS);
    expect(inc.latestUpdate!.endsWith('…')).toBe(true);
    // The two files disagree on c1 (fetched a moment apart): the worse status is kept.
    expect(s.components.find((c) => c.id === 'c1')?.status).toBe('major_outage');
    expect(s.components.find((c) => c.id === 'c2')?.status).toBe('partial_outage');
    expect(s.components.find((c) => c.id === 'c5')?.status).toBe('operational');
  });

  it('major with summary only: the summary components are kept', () => {
    const s = known(json(fixture('major')), null);
    expect(s.components).toEqual([
      { id: 'c1', name: 'Conversations', status: 'major_outage' },
      { id: 'c2', name: 'Login', status: 'partial_outage' },
    ]);
  });

  it('a shortlink that is not https is not kept', () => {
    const raw = JSON.parse(fixture('major'));
    raw.incidents[0].shortlink = 'javascript:alert(1)';
    expect(known(json(JSON.stringify(raw))).incidents[0]!.url).toBeNull();
  });

  it('maintenance: in-progress maintenance kept, completed dropped', () => {
    const s = known(json(fixture('maintenance')));
    expect(s.maintenances.map((m) => m.id)).toEqual(['m1']);
    expect(s.maintenances[0]).toMatchObject({ status: 'in_progress', impact: 'maintenance', latestUpdate: 'Maintenance is in progress.' });
  });

  it('empty components: a known snapshot with no components, not an error', () => {
    const s = known(json(fixture('empty-components')), json('{"components":[]}'));
    expect(s.components).toEqual([]);
    expect(s.indicator).toBe('none');
  });

  it('missing optional lists are treated as empty', () => {
    const s = known(json('{"status":{"indicator":"critical","description":"Major outage"}}'), null);
    expect(s).toMatchObject({ indicator: 'critical', components: [], incidents: [], maintenances: [] });
  });

  it('components.json failing keeps the summary and says what is missing', () => {
    const s = known(json(fixture('operational')), json('<html></html>', 200, 'text/html'));
    expect(s.componentsMissing).toBe('html');
    expect(s.components).toHaveLength(4);
  });
});

describe('parseStatusPage: bad answers are unknown with a reason', () => {
  it('HTML with status 200', () => {
    expect(unknown(json('<!doctype html><title>OpenAI Status</title>', 200, 'text/html; charset=utf-8')).reason).toBe('html');
  });

  it('HTML body labelled as JSON', () => {
    expect(unknown(json('<!doctype html><p>moved</p>')).reason).toBe('html');
  });

  it('truncated JSON', () => {
    const s = unknown(json(fixture('major').slice(0, 300)));
    expect(s.reason).toBe('malformed');
    expect(s.detail).toMatch(/invalid JSON/);
  });

  it('empty body', () => {
    expect(unknown(json('')).reason).toBe('malformed');
  });

  it('wrong types', () => {
    const s = unknown(json(fixture('wrong-types')));
    expect(s.reason).toBe('wrong-type');
    expect(s.detail).toMatch(/status\.indicator/);
  });

  it('a component with an unknown status', () => {
    const raw = JSON.parse(fixture('operational'));
    raw.components[0].status = 'on_fire';
    expect(unknown(json(JSON.stringify(raw))).detail).toMatch(/components\.0\.status: received "on_fire"/);
  });

  it('JSON that is not an object (null, array, number)', () => {
    for (const body of ['null', '[]', '42', '"ok"']) expect(unknown(json(body)).reason).toBe('wrong-type');
  });

  it('a JSON body with a non-JSON content type', () => {
    expect(unknown(json(fixture('operational'), 200, 'text/plain')).reason).toBe('wrong-type');
    expect(unknown(json(fixture('operational'), 200, null as unknown as string)).detail).toMatch(/missing/);
  });

  it('4xx and 5xx', () => {
    for (const status of [403, 404, 429, 500, 503]) {
      const s = unknown(json('{"error":"x"}', status));
      expect(s.reason).toBe('http');
      expect(s.detail).toBe(`HTTP ${status}`);
    }
  });

  it('a 5xx HTML page is an HTTP failure, not "html"', () => {
    expect(unknown(json('<html>bad gateway</html>', 502, 'text/html')).reason).toBe('http');
  });

  it('failures reported by the fetcher pass through: timeout, network, too large (a 5 MB answer)', () => {
    expect(unknown({ kind: 'failed', reason: 'timeout', detail: 'no answer within 10 s' }).reason).toBe('timeout');
    expect(unknown({ kind: 'failed', reason: 'network', detail: 'net::ERR_NAME_NOT_RESOLVED' }).reason).toBe('network');
    expect(unknown({ kind: 'failed', reason: 'too-large', detail: '5000000 bytes, limit 1000000' }).reason).toBe('too-large');
  });

  it('a 5 MB body that reached the parser anyway is still parsed or refused without a crash', () => {
    const big = json(`{"status":{"indicator":"none","description":"${'x'.repeat(5_000_000)}"}}`);
    const s = parseStatusPage(big, null, T);
    expect(s.state).toBe('known');
    if (s.state === 'known') expect(s.description.length).toBeLessThanOrEqual(200);
  });

  it('a very long detail is cut', () => {
    expect(unknown({ kind: 'failed', reason: 'network', detail: 'e'.repeat(5000) }).detail).toHaveLength(200);
  });
});
