import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../src/core/status';
import { chatgptAffected, isChatGptComponent, isChatGptIncident, statusReasonKey } from '../../src/core/status-impact';
import { parseStatusPage } from '../../src/core/status-page';
import { incident } from '../support/diag-fixtures';

const snap = (name: string): StatusSnapshot =>
  parseStatusPage({ kind: 'answer', status: 200, contentType: 'application/json', body: readFileSync(`test/fixtures/status/${name}.json`, 'utf8') }, null, 1);

describe('chatgptAffected', () => {
  it('operational: none', () => {
    expect(chatgptAffected(snap('operational'))).toEqual({ level: 'none', components: [], incidents: [], maintenances: [] });
    expect(isChatGptIncident(snap('operational'))).toBe(false);
  });

  it('an API-only incident does not concern ChatGPT', () => {
    const impact = chatgptAffected(snap('minor'));
    expect(impact.level).toBe('none');
    expect(impact.incidents).toEqual([]);
  });

  it('major: ChatGPT components and the incident that names one', () => {
    const impact = chatgptAffected(snap('major'));
    expect(impact.level).toBe('major');
    expect(impact.components.map((c) => c.name)).toEqual(['Conversations', 'Login']);
    expect(impact.incidents.map((i) => i.id)).toEqual(['inc1']);
    expect(isChatGptIncident(snap('major'))).toBe(true);
  });

  it('maintenance in progress on Login', () => {
    const impact = chatgptAffected(snap('maintenance'));
    expect(impact.level).toBe('maintenance');
    expect(impact.maintenances.map((m) => m.id)).toEqual(['m1']);
    expect(isChatGptIncident(snap('maintenance'))).toBe(false);
  });

  it('an incident without components is not hidden', () => {
    const s = snap('operational');
    if (s.state !== 'known') throw new Error('fixture');
    const withIncident: StatusSnapshot = {
      ...s,
      incidents: [incident({ id: 'x' })],
    };
    expect(chatgptAffected(withIncident).level).toBe('minor');
  });

  it('unknown stays unknown, never none', () => {
    const u: StatusSnapshot = { state: 'unknown', checkedAt: 1, reason: 'html', detail: 'x' };
    expect(chatgptAffected(u).level).toBe('unknown');
    expect(isChatGptIncident(u)).toBe(false);
  });

  it('components by id; a new id by its name', () => {
    // Ids of the page's ChatGPT group win over names: the API group has its own "Login".
    expect(isChatGptComponent({ id: '01JMXBNJXGGT5SR5DB9J7GYY48', name: 'Renamed' })).toBe(true);
    expect(isChatGptComponent({ id: '01JSM5RTJWHRWDTS6Q604VEW3B', name: 'Login' })).toBe(false);
    expect(isChatGptComponent({ id: '01JMXBNJXG1S2D9V65P1ZZTD94', name: 'Login' })).toBe(true);
    for (const n of ['ChatGPT', 'Conversations', 'Login', 'Sign in', 'Voice mode', 'File uploads', 'GPTs', 'Deep Research'])
      expect(isChatGptComponent({ id: `new-${n}`, name: n }), n).toBe(true);
    for (const n of ['APIs', 'Fine-tuning', 'Batch', 'Playground', 'Sora']) expect(isChatGptComponent({ id: `new-${n}`, name: n }), n).toBe(false);
  });

  it('reason keys', () => {
    expect(statusReasonKey('too-large')).toBe('status_unknown_too_large');
  });
});
