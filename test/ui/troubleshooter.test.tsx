import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatusSnapshot } from '../../src/core/status';
import { TROUBLESHOOTER } from '../../src/contract/troubleshooter';
import type { TroubleshooterState } from '../../src/core/troubleshooter-state';
import { answerStep, startTroubleshooter } from '../../src/core/troubleshooter';
import { Troubleshooter } from '../../src/pages/troubleshooter';
import { installFakeBrowsingData } from '../support/fakes/browsing-data';
import { installTypicalCookies } from '../support/fakes/cookies';
import { installFakeManagement } from '../support/fakes/management';
import { storedLogItems } from '../support/stored-log';
import { until as waitUntil } from '../support/until';
import { domRoot } from '../support/dom-root';
import { knownStatus } from '../support/diag-fixtures';
import { makeRecord } from '../support/records';
import { STEPS } from '../../src/core/troubleshooter';

const operational: StatusSnapshot = knownStatus('none', { components: [], checkedAt: Date.now() });

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const seen: Array<{ type: string; params: unknown }> = [];
let replies: Record<string, (params: never) => Promise<unknown> | unknown> = {};

/** A stand-in background with canned answers (status check, probe); the page stores its progress itself. */
function fakeBackground() {
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; params: never }, _sender: unknown, sendResponse: (r: Reply) => void) => {
    seen.push(message);
    const handler = replies[message.type];
    if (!handler) sendResponse({ ok: false, error: { code: 'x', message: `no ${message.type}` } });
    else
      Promise.resolve()
        .then(() => handler(message.params))
        .then(
          (value) => sendResponse({ ok: true, value }),
          (error: Error) => sendResponse({ ok: false, error: { code: 'failed', message: error.message } }),
        );
    return true;
  }) as never);
}

/** The APIs the fixes call from this page: a cookie jar, browsingData, no other extensions, one ChatGPT tab (7). */
function fakeFixApis() {
  const cookies = installTypicalCookies();
  const browsingData = installFakeBrowsingData(cookies.jar);
  installFakeManagement([]);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
  const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
  return { ...cookies, ...browsingData, reload };
}
let fixes: ReturnType<typeof fakeFixApis>;

let root: HTMLElement;
const until = <T,>(check: () => T, what: string) => waitUntil(check, what, () => root.textContent?.slice(0, 400) ?? '');
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const current = () => $('.ts-step.is-current')?.getAttribute('data-step');
const stored = async () => (await fakeBrowser.storage.local.get(TROUBLESHOOTER.name))[TROUBLESHOOTER.name] as TroubleshooterState | undefined;
const click = async (sel: string) => (await until(() => $(sel), sel)).click();

const rootOf = domRoot();
beforeEach(async () => {
  root = rootOf();
  seen.length = 0;
  fixes = fakeFixApis();
  replies = {
    'status/check': () => operational,
    'probe/run': () => ({ time: Date.now(), ok: false, status: null, latencyMs: null, error: 'timed out after 10 s' }),
  };
  fakeBackground();
  await fakeBrowser.storage.local.set({ status: operational });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('Troubleshooter', () => {
  it('walks the steps in order: check, "did that fix it?", next; progress is stored', async () => {
    render(<Troubleshooter search="?tabId=7" />, root);
    await until(() => current() === 'reload', 'first step');
    expect([...root.querySelectorAll('.ts-step')].map((e) => e.getAttribute('data-step'))).toEqual(STEPS.map((step) => step.id));
    // One numbering: the list's own (no "Step 1 of 10" repeated in the heading).
    expect($('.ts-step.is-current h2')!.textContent).not.toContain('Step 1 of');
    expect($('.ts-step.is-current')).toBe($('.ts-steps > li:first-child'));
    expect($('.verdict')).not.toBeNull();

    await click('#ts-check-reload');
    await until(() => $('.ts-check-result')?.textContent === 'Reloaded 1 ChatGPT tab.', 'reload result');
    expect(fixes.reload.mock.calls).toEqual([[7]]);
    expect((await stored())!.steps.reload!.check).toMatchObject({ ok: true, key: 'ts_check_reloaded_one', subs: ['1'] });

    await click('#ts-no');
    await until(() => current() === 'status', 'status step');
    // Keyboard users land on the next step, not on the body.
    await until(() => document.activeElement === $('.ts-step.is-current h2'), 'focus on the next step');
    expect((await stored())!.steps.reload!.outcome).toBe('not-fixed');
    expect($('[data-step="reload"] .ts-outcome')!.textContent).toBe('did not help');

    await click('#ts-check-status');
    await until(() => $('.ts-check-result')?.textContent === 'OpenAI reports all systems operational.', 'status result');
    await click('#ts-skip');
    await until(() => current() === 'clear-site', 'clear step');
    expect($('[data-step="status"] .ts-outcome')!.textContent).toBe('skipped');

    await click('#ts-clear-preview');
    await until(() => $('.confirm')?.textContent?.includes('This signs you out of:'), 'preview');
    await click('#ts-clear-confirm');
    await until(() => $('.ts-check-result')?.textContent?.startsWith("Cleared ChatGPT's cookies"), 'cleared');
    // ChatGPT's cookies only, then its tab reloaded; never the whole cache.
    expect(fixes.jar.map((c) => c.name).sort()).toEqual(['control', 'platform', 'shared']);
    expect(fixes.state.cacheCleared).toBe(0);
    expect(fixes.reload.mock.calls).toEqual([[7], [7]]);

    await click('#ts-yes');
    await until(() => $('.ts-done'), 'done');
    expect($('.ts-done')!.textContent).toContain('Glad it works again.');
    expect(await stored()).toMatchObject({ current: 'done', resolved: true, tabId: 7 });
    // Only the status check needed the worker: the page ran the fixes and stored its progress itself.
    expect(seen.map((m) => m.type)).toEqual(['status/check']);
  });

  it('survives closing the page: a new page resumes where the stored progress is', async () => {
    let state = startTroubleshooter(Date.now(), 7);
    for (const id of ['reload', 'status', 'clear-site', 'extensions', 'other-browser', 'devtools'] as const) state = answerStep(state, id, false, Date.now());
    await fakeBrowser.storage.local.set({ [TROUBLESHOOTER.name]: state });
    render(<Troubleshooter search="?tabId=7" />, root);
    await until(() => current() === 'network', 'resumed at network');
    await click('#ts-check-probe');
    await until(() => $('.ts-check-result')?.textContent === 'chatgpt.com could not be reached: timed out after 10 s', 'probe result');
    // Going back to an earlier step keeps what was recorded after it.
    (await until(() => $('[data-step="reload"] .ts-redo'), 'redo')).click();
    await until(() => current() === 'reload', 'back at reload');
    expect((await stored())!.steps.network!.check!.key).toBe('ts_check_probe_failed');
  });

  it('offers the report when nothing helped, and starts over', async () => {
    let state = startTroubleshooter(Date.now(), 7);
    for (const id of ['reload', 'status', 'clear-site', 'extensions', 'other-browser', 'devtools', 'network', 'api-settings', 'retries'] as const)
      state = answerStep(state, id, false, Date.now());
    await fakeBrowser.storage.local.set({ [TROUBLESHOOTER.name]: state });
    render(<Troubleshooter search="?tabId=7" />, root);
    await until(() => current() === 'support', 'support step');
    expect($('#ts-open-report')!.getAttribute('href')).toMatch(/src\/pages\/report\.html\?tabId=7$/);
    await click('#ts-no');
    await until(() => $('.ts-done'), 'done');
    expect($('.ts-done')!.textContent).toContain('Nothing so far has fixed it.');
    await click('#ts-restart');
    await until(() => current() === 'reload', 'restarted');
    expect((await stored())!.steps).toEqual({});
  });

  it('marks the steps the diagnosis rules out and still lets them run', async () => {
    const now = Date.now();
    const records = ['/backend-api/a', '/backend-api/b', '/backend-api/c'].map((path, i) =>
      makeRecord(i, {
        time: now - 30_000,
        tabId: 7,
        method: 'POST',
        path,
        status: 500,
        category: 'server',
        meaning: 'meaning_500',
        error: null,
        telemetry: false,
      }),
    );
    await fakeBrowser.storage.local.set({ ...storedLogItems(records), status: { ...operational, indicator: 'major', description: 'Major Service Outage' } });
    render(<Troubleshooter search="?tabId=7" />, root);
    await until(() => $('.verdict[data-cause="openai-incident"]'), 'incident verdict');
    const ruledOut = [...root.querySelectorAll('.ts-tag-ruled-out')].map((e) => e.closest('.ts-step')!.getAttribute('data-step'));
    expect(ruledOut).toEqual(['clear-site', 'extensions', 'other-browser', 'network']);
    await click('#ts-no');
    await click('#ts-no');
    await until(() => current() === 'clear-site', 'clear step');
    expect($('.ts-ruled-out')!.textContent).toBe("Probably not needed: the trouble is on OpenAI's side, so this will not help.");
    expect($('#ts-clear-preview')).not.toBeNull();
  });

  it('says so when progress cannot be saved, and keeps working', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    render(<Troubleshooter search="?tabId=7" />, root);
    await until(() => current() === 'reload', 'first step');
    await click('#ts-no');
    await until(() => $('[role="alert"]'), 'alert');
    expect($('[role="alert"]')!.textContent).toBe('Progress could not be saved: QUOTA_BYTES quota exceeded');
    expect(current()).toBe('status');
  });

  it('shows the retry snippet and the developer tag', async () => {
    let state = startTroubleshooter(Date.now(), null);
    for (const id of ['reload', 'status', 'clear-site', 'extensions', 'other-browser', 'devtools', 'network', 'api-settings'] as const)
      state = answerStep(state, id, false, Date.now());
    await fakeBrowser.storage.local.set({ [TROUBLESHOOTER.name]: state });
    render(<Troubleshooter search="" />, root);
    await until(() => current() === 'retries', 'retries');
    expect($('.ts-snippet code')!.textContent).toContain('Math.random() * backoff');
    expect($('[data-step="retries"] .tag')!.textContent).toBe('For developers');
  });
});
