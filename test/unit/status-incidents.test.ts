import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnosis';
import { chatgptAffected } from '../../src/core/status-impact';
import { parseStatusPage, proxyReadable, type StatusAnswer } from '../../src/core/status-page';
import { failure, NOW } from '../support/diag-fixtures';
import { realStatusAnswer } from '../support/real-corpus';

/** Where ongoing incidents are today (issue 13, item 4), on the status corpus (test/fixtures/real/status/). */
const VOICE = '01JMXBNJXGGT5SR5DB9J7GYY48';
const json = (body: unknown, status = 200, contentType = 'application/json'): StatusAnswer => ({
  kind: 'answer',
  status,
  contentType,
  body: JSON.stringify(body),
});

function scenario(file: string, { fallback = true } = {}) {
  const at = (path: string) => realStatusAnswer(file, path);
  const proxy = at('/proxy/status.openai.com');
  const snapshot = parseStatusPage(at('/api/v2/summary.json'), at('/api/v2/components.json'), NOW, {
    proxy,
    incidents: fallback && !proxyReadable(proxy) ? at('/api/v2/incidents.json') : null,
  });
  if (snapshot.state !== 'known') throw new Error(JSON.stringify(snapshot));
  return snapshot;
}

describe('ongoing incidents', () => {
  it('operational: none, and nothing missing', () => {
    const s = scenario('operational.json');
    expect(s.incidents).toEqual([]);
    expect(s.incidentsMissing).toBeUndefined();
    expect(chatgptAffected(s).level).toBe('none');
  });

  it('names an incident the provider lists although summary.json carries none', () => {
    const s = scenario('incident-missing-from-summary.json');
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      name: 'Voice mode unavailable for some users',
      status: 'identified',
      impact: 'major',
      latestUpdate: 'We have identified the issue causing voice mode to fail to connect and are working on a fix.',
      componentIds: [VOICE],
      url: 'https://status.openai.com/incidents/01KB7Q3Z9W6V2N8M4R5T1Y0XJC',
    });
    expect(s.components.find((c) => c.id === VOICE)?.status).toBe('partial_outage');
    expect(chatgptAffected(s)).toMatchObject({ level: 'major' });
  });

  it('falls back to incidents.json when the provider answers HTML, keeping only unresolved incidents', () => {
    const s = scenario('incident-listed.json');
    expect(s.incidents.map((i) => i.name)).toEqual(['Voice mode unavailable for some users']);
    expect(s.incidentsMissing).toBeUndefined();
  });

  it('says what is missing when neither answer can be read, never an outage', () => {
    const s = scenario('incident-listed.json', { fallback: false });
    expect(s.incidents).toEqual([]);
    expect(s.incidentsMissing).toBe('html');
    for (const bad of [
      json({ summary: { ongoing_incidents: 'x' } }),
      json({ ongoing_incidents: [] }),
      json([], 200),
      { kind: 'failed', reason: 'redirect', detail: 'HTTP 302' } as StatusAnswer,
      json({}, 301),
    ]) {
      const t = parseStatusPage(realStatusAnswer('operational.json', '/api/v2/summary.json'), null, NOW, { proxy: bad, incidents: null });
      expect(t.state).toBe('known');
      if (t.state === 'known') {
        expect(t.incidents).toEqual([]);
        expect(t.incidentsMissing).toBeTruthy();
        expect(t.indicator).toBe('none');
      }
    }
  });

  it('maintenance under way: listed as in progress, its component under maintenance', () => {
    const s = scenario('maintenance.json');
    expect(s.maintenances).toMatchObject([{ name: 'Scheduled database maintenance for Conversations', status: 'in_progress', impact: 'maintenance' }]);
    expect(chatgptAffected(s).level).toBe('maintenance');
  });

  it('matches components by id: a renamed component keeps its feature', () => {
    const s = scenario('incident-missing-from-summary.json');
    const renamed = { ...s, components: s.components.map((c) => (c.id === VOICE ? { ...c, name: 'Advanced Voice' } : c)) };
    const records = [failure({ path: '/realtime/wm', status: 502 }), failure({ path: '/realtime/status', status: 502 })];
    const { verdict } = diagnose({ records, now: NOW, status: renamed, conflicts: null });
    expect(verdict.id).toBe('openai-incident');
    expect(verdict.evidence[0]).toEqual({ key: 'diag_ev_feature_down_other', subs: ['2', 'Advanced Voice'] });
  });
});
