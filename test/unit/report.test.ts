import { describe, expect, it } from 'vitest';
import { buildReport, REPORT_MAX_FAILURES, type ReportInput } from '../../src/core/report';
import { answerStep, recordCheck, startTroubleshooter } from '../../src/core/troubleshooter';
import { NOW, conflict, failure, knownStatus, many, unknownStatus } from '../support/diag-fixtures';
import { translate } from '../support/translate';

const CONV = '0b7f4c52-7a8e-4a43-9a55-0e3c5c1b2f00';

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  let steps = startTroubleshooter(NOW - 60_000, 7);
  steps = recordCheck(steps, 'reload', { ok: true, key: 'ts_check_reloaded_one', subs: ['1'], at: NOW - 50_000 });
  steps = answerStep(steps, 'reload', false, NOW - 40_000);
  steps = skipStep2(steps);
  return {
    now: NOW,
    records: [
      failure({
        status: 500,
        path: `/backend-api/conversation/${CONV}`,
        agoSec: 120,
        headers: [
          { name: 'cf-ray', value: '8f1e2d3c4b5a6978-SJC' },
          { name: 'x-request-id', value: '11111111-2222-4333-8444-555555555555' },
        ],
      }),
      failure({ status: 502, path: '/backend-api/models', agoSec: 60 }),
    ],
    tabId: 7,
    status: knownStatus('major', {
      incident: 'Elevated errors for jane@example.com',
      components: [{ id: 'c', name: 'Conversations', status: 'partial_outage' }],
    }),
    conflicts: [conflict('uBlock Origin', 'blocker'), conflict('Old Thing', 'other', false)],
    troubleshooter: steps,
    environment: { browser: 'Chrome', browserVersion: '131.0.6778.85', os: 'linux', extensionVersion: '0.1.0' },
    keepConversationIds: false,
    t: translate,
    ...overrides,
  };
}
function skipStep2(s: ReturnType<typeof startTroubleshooter>) {
  return answerStep(s, 'status', false, NOW - 30_000);
}

describe('buildReport', () => {
  it('carries the window, failures with request ids, environment, status, conflicts, steps and diagnosis', () => {
    const { json, markdown } = buildReport(input());
    expect(json.window).toEqual({ from: '2026-11-25T09:00:00Z', to: '2026-11-25T10:00:00Z' });
    expect(json.failures.map((f) => [f.time, f.status, f.method, f.path])).toEqual([
      ['2026-11-25T09:59:00Z', 502, 'POST', '/backend-api/models'],
      ['2026-11-25T09:58:00Z', 500, 'POST', '/backend-api/conversation/[id]'],
    ]);
    expect(json.failures[1]!.requestIds).toEqual({ cfRay: '8f1e2d3c4b5a6978-SJC', xRequestId: '11111111-2222-4333-8444-555555555555', oaiRequestId: null });
    expect(json.environment).toEqual({ browser: 'Chrome', browserVersion: '131.0.6778.85', os: 'linux', extensionVersion: '0.1.0' });
    expect(json.statusPage).toMatchObject({
      state: 'known',
      indicator: 'major',
      incidents: ['Elevated errors for [email] (investigating, major)'],
      components: ['Conversations: partial_outage'],
    });
    expect(json.conflicts.map((c) => c.name)).toEqual(['uBlock Origin', 'Old Thing']);
    expect(json.steps).toEqual([
      { step: 'Reload the page', outcome: 'not-fixed', check: 'Reloaded 1 ChatGPT tab.' },
      { step: "Check OpenAI's status", outcome: 'not-fixed', check: null },
    ]);
    expect(json.diagnosis.verdict).toMatchObject({ id: 'openai-incident', side: 'openai', title: 'OpenAI is having an outage' });
    expect(json.masking).toEqual({ conversationIds: 'masked' });

    expect(markdown).toContain('# ChatGPT problem report');
    expect(markdown).toContain('2026-11-25T09:00:00Z – 2026-11-25T10:00:00Z');
    expect(markdown).toContain(
      '| 2026-11-25T09:58:00Z | 500 | POST | `chatgpt.com/backend-api/conversation/[id]` | `8f1e2d3c4b5a6978-SJC` | `11111111-2222-4333-8444-555555555555` | – |',
    );
    expect(markdown).toContain('- uBlock Origin 1.0 (blocker)');
    expect(markdown).not.toContain('Old Thing'); // disabled: not interfering
    expect(markdown).toContain('- Reload the page: did not help — Reloaded 1 ChatGPT tab.');
    expect(markdown).toContain('**OpenAI is having an outage**');
    expect(markdown).not.toContain('jane@example.com');
    expect(markdown).not.toContain(CONV);
  });

  it('keeps conversation ids when asked, and still masks user ids', () => {
    const records = [failure({ path: `/backend-api/conversation/${CONV}/user-AbCdEf123456`, status: 500 })];
    const { json, markdown } = buildReport(input({ records, keepConversationIds: true }));
    expect(json.failures[0]!.path).toBe(`/backend-api/conversation/${CONV}/user-[id]`);
    expect(markdown).toContain(CONV);
    expect(json.masking.conversationIds).toBe('kept');
  });

  it('request ids survive even when conversation ids are masked', () => {
    const { json } = buildReport(input());
    expect(json.failures.every((f) => f.requestIds.xRequestId && /^[0-9a-f-]{36}$/.test(f.requestIds.xRequestId))).toBe(true);
  });

  it('filters by tab, falls back to the last day, and bounds the list', () => {
    expect(buildReport(input({ tabId: 99 })).json.failures).toEqual([]);
    const old = buildReport(input({ records: [failure({ status: 500, agoSec: 5 * 3600 })] }));
    expect(old.json.window.from).toBe('2026-11-24T10:00:00Z');
    expect(old.json.failures).toHaveLength(1);
    const lots = buildReport(input({ records: many(REPORT_MAX_FAILURES + 20, (i) => ({ status: 500, agoSec: 600 - i })) }));
    expect(lots.json.failures).toHaveLength(REPORT_MAX_FAILURES);
    expect(lots.json.failuresOmitted).toBe(20);
    expect(lots.markdown).toContain('20 older failures in the window are not listed.');
  });

  it('says so when there is nothing: no failures, no status, no conflicts, no steps', () => {
    const { json, markdown } = buildReport(input({ records: [], status: null, conflicts: null, troubleshooter: null }));
    expect(json.diagnosis.verdict.id).toBe('all-clear');
    expect(markdown).toContain('No failures were recorded in this window.');
    expect(markdown).toContain('The status page was not checked.');
    expect(markdown.match(/^None\.$/gm)).toHaveLength(2);
  });

  it('reports an unknown status with its reason', () => {
    const { markdown } = buildReport(input({ status: unknownStatus }));
    expect(markdown).toContain('could not be read (timeout: timed out after 10 s)');
  });

  it('keeps the Markdown table intact with pipes, newlines and backticks in values', () => {
    const records = [failure({ status: 500, path: '/backend-api/a|b`c' })];
    const env = { browser: 'Evil | Browser\n# heading', browserVersion: '1', os: 'os`x', extensionVersion: '0.1.0' };
    const { markdown } = buildReport(input({ records, environment: env }));
    expect(markdown).toContain("`chatgpt.com/backend-api/a\\|b'c`");
    expect(markdown).toContain('| Evil \\| Browser # heading 1 |');
    expect(markdown).not.toMatch(/^# heading/m);
  });

  it('masks secrets that reach the report through any outside string', () => {
    const secretStatus = knownStatus('minor', { incident: 'Token Bearer abcdefghijkl123 leaked sk-proj-ABCDEF1234567890' });
    const { json, markdown } = buildReport(
      input({
        status: secretStatus,
        conflicts: [conflict('Ext by jane@example.com', 'blocker')],
        environment: {
          browser: 'Chrome',
          browserVersion: '1?session=SECRET-SESSION',
          os: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz',
          extensionVersion: '0.1.0',
        },
      }),
    );
    const all = markdown + JSON.stringify(json);
    for (const secret of ['jane@example.com', 'abcdefghijkl123', 'sk-proj-ABCDEF1234567890', 'SECRET-SESSION', 'eyJhbGciOiJIUzI1NiJ9'])
      expect(all).not.toContain(secret);
  });
});
