import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TROUBLESHOOTER } from '../../src/contract/troubleshooter';
import { STEP_IDS } from '../../src/core/troubleshooter-state';
import { diagnose, type CauseId } from '../../src/core/diagnosis';
import { STEPS, answerStep, goToStep, recordCheck, ruledOut, skipStep, startTroubleshooter, triedSteps } from '../../src/core/troubleshooter';
import { NOW, failure, knownStatus, many } from '../support/diag-fixtures';

const ok = knownStatus('none');
const paths = ['/backend-api/a', '/backend-api/b', '/backend-api/c'];

describe('steps', () => {
  it('come in order of cost, from reload to contacting support', () => {
    expect(STEPS.map((s) => s.id)).toEqual([
      'reload',
      'status',
      'clear-site',
      'extensions',
      'other-browser',
      'devtools',
      'network',
      'api-settings',
      'retries',
      'support',
    ]);
    expect(STEPS.filter((s) => s.check).map((s) => [s.id, s.check])).toEqual([
      ['reload', 'reload'],
      ['status', 'status'],
      ['clear-site', 'clear-site'],
      ['extensions', 'conflicts'],
      ['network', 'probe'],
    ]);
    expect(STEPS.filter((s) => s.developer).map((s) => s.id)).toEqual(['api-settings', 'retries']);
  });
});

describe('transitions', () => {
  it('"no" moves to the next step, "yes" ends the walk resolved', () => {
    let s = startTroubleshooter(NOW, 7);
    expect(s).toMatchObject({ current: 'reload', resolved: false, tabId: 7 });
    s = answerStep(s, 'reload', false, NOW + 1);
    expect(s.current).toBe('status');
    s = answerStep(s, 'status', false, NOW + 2);
    s = answerStep(s, 'clear-site', true, NOW + 3);
    expect(s).toMatchObject({ current: 'done', resolved: true, updatedAt: NOW + 3 });
    expect(triedSteps(s).map((t) => [t.id, t.outcome])).toEqual([
      ['reload', 'not-fixed'],
      ['status', 'not-fixed'],
      ['clear-site', 'fixed'],
    ]);
  });

  it('walking every step with "no" ends at done, unresolved', () => {
    let s = startTroubleshooter(NOW, null);
    for (const id of STEP_IDS) s = answerStep(s, id, false, NOW);
    expect(s).toMatchObject({ current: 'done', resolved: false });
    expect(triedSteps(s)).toHaveLength(STEP_IDS.length);
  });

  it('skipping advances and is recorded; checks keep their result and outcome', () => {
    let s = startTroubleshooter(NOW, 7);
    s = recordCheck(s, 'reload', { ok: true, key: 'ts_check_reloaded', subs: ['1'], at: NOW + 5 });
    expect(s.steps.reload).toEqual({ outcome: null, at: NOW + 5, check: { ok: true, key: 'ts_check_reloaded', subs: ['1'], at: NOW + 5 } });
    expect(triedSteps(s)[0]!.outcome).toBe('checked');
    s = answerStep(s, 'reload', false, NOW + 6);
    expect(s.steps.reload!.check!.key).toBe('ts_check_reloaded');
    s = skipStep(s, 'status', NOW + 7);
    expect(s.current).toBe('clear-site');
    expect(s.steps.status!.outcome).toBe('skipped');
    s = goToStep(s, 'reload', NOW + 8);
    expect(s.current).toBe('reload');
    expect(s.steps.status!.outcome).toBe('skipped');
  });
});

describe('ruledOut', () => {
  const cases: Array<[string, CauseId, string[]]> = [
    ['OpenAI outage: local fixes will not help', 'openai-incident', ['clear-site', 'extensions', 'other-browser', 'network']],
    ['overload', 'overload', ['clear-site', 'extensions', 'other-browser', 'network']],
    ['session expired: the network works', 'session-expired', ['network']],
    ['blocked by an extension: the network is not the issue', 'blocked-by-extension', ['network']],
    ['offline: cookies will not help', 'offline-dns', ['clear-site']],
    ['nothing wrong', 'all-clear', ['clear-site', 'extensions', 'other-browser', 'network']],
  ];
  const inputs: Record<string, Parameters<typeof diagnose>[0]> = {
    'openai-incident': { records: many(3, (i) => ({ path: paths[i], status: 500 })), now: NOW, status: knownStatus('major'), conflicts: null },
    overload: { records: many(3, { status: 503 }), now: NOW, status: ok, conflicts: null },
    'session-expired': { records: many(3, { status: 401 }), now: NOW, status: ok, conflicts: null },
    'blocked-by-extension': { records: many(3, { error: 'net::ERR_BLOCKED_BY_CLIENT' }), now: NOW, status: ok, conflicts: null },
    'offline-dns': { records: many(3, { error: 'net::ERR_NAME_NOT_RESOLVED' }), now: NOW, status: null, conflicts: null },
    'all-clear': { records: [], now: NOW, status: ok, conflicts: null },
  };
  it.each(cases)('%s', (_, id, steps) => {
    const d = diagnose(inputs[id]!);
    expect(d.verdict.id).toBe(id);
    expect(Object.keys(ruledOut(d)).sort()).toEqual([...steps].sort());
  });

  it('rules nothing out without a diagnosis or when unsure', () => {
    expect(ruledOut(null)).toEqual({});
    const unsure = diagnose({ records: [failure({ status: 500 })], now: NOW, status: ok, conflicts: null });
    expect(unsure.verdict.id).toBe('unknown');
    expect(ruledOut(unsure)).toEqual({});
  });
});

describe('TROUBLESHOOTER.read', () => {
  it('round-trips a real state', () => {
    const s = recordCheck(answerStep(startTroubleshooter(NOW, 3), 'reload', false, NOW), 'status', {
      ok: false,
      key: 'ts_check_status_outage',
      subs: ['Major'],
      at: NOW,
    });
    expect(TROUBLESHOOTER.read(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', '{"v":1}'],
    ['wrong version', { ...startTroubleshooter(NOW, 1), v: 2 }],
    ['unknown step', { ...startTroubleshooter(NOW, 1), current: 'format-disk' }],
    ['bad outcome', { ...startTroubleshooter(NOW, 1), steps: { reload: { outcome: 'maybe', at: 1 } } }],
    [
      'huge subs',
      { ...startTroubleshooter(NOW, 1), steps: { reload: { outcome: null, at: 1, check: { ok: true, key: 'k', subs: ['x'.repeat(10_000)], at: 1 } } } },
    ],
  ])('rejects %s', (_, raw) => {
    expect(TROUBLESHOOTER.read(raw)).toBeNull();
  });
});

describe('troubleshooter messages', () => {
  const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;
  it('every step, skip reason, outcome and check result has its text', () => {
    const keys = [
      ...STEPS.flatMap((s) => [s.titleKey, s.bodyKey]),
      ...[...readFileSync('src/core/troubleshooter.ts', 'utf8').matchAll(/'(ts_skip_\w+)'/g)].map((m) => m[1]!),
      ...[...readFileSync('src/pages/step-checks.tsx', 'utf8').matchAll(/'(ts_check_\w+)'/g)].map((m) => m[1]!),
      ...['fixed', 'not_fixed', 'skipped', 'checked'].flatMap((o) => [`ts_outcome_${o}`, `report_outcome_${o}`]),
    ];
    expect(keys.length).toBeGreaterThan(40);
    for (const key of keys) expect(key in messages || `${key}_other` in messages, key).toBe(true);
  });
});

describe('troubleshooter order follows the verdict', () => {
  const verdict = (id: string, side: string) => ({ verdict: { id, side, confidence: 0.8 }, causes: [], outageReported: false }) as never;
  it("OpenAI's side: the status page first; the user's side: the step that tries the verdict's fix", async () => {
    const { stepOrder, currentStep, answerStep, startTroubleshooter } = await import('../../src/core/troubleshooter');
    expect(
      stepOrder(verdict('gateway', 'openai'))
        .map((s) => s.id)
        .slice(0, 2),
    ).toEqual(['status', 'reload']);
    expect(stepOrder(verdict('blocked-by-extension', 'user'))[0]!.id).toBe('extensions');
    expect(stepOrder(verdict('session-expired', 'user'))[0]!.id).toBe('clear-site');
    expect(stepOrder(null)[0]!.id).toBe('reload');
    const order = stepOrder(verdict('openai-incident', 'openai'));
    const fresh = startTroubleshooter(NOW, 1);
    expect(currentStep(fresh, order)).toBe('status');
    const next = answerStep({ ...fresh, current: 'status' }, 'status', false, NOW + 1, order);
    expect(currentStep(next, order)).toBe('reload');
  });
});
