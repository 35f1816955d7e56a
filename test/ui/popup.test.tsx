import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictEntry } from '../../src/contract/conflicts';
import type { SiteClearReport } from '../../src/contract/site-data';
import type { ErrorRecord } from '../../src/core/error-record';
import { siteDataPlan } from '../../src/core/site-data-plan';
import { Popup } from '../../src/popup/popup';

function record(i: number, over: Partial<ErrorRecord> = {}): ErrorRecord {
  return {
    id: `r${i}`, time: Date.now() - (1000 - i) * 1000, tabId: i % 2 ? 7 : 8, type: 'xmlhttprequest', method: 'POST', host: 'chatgpt.com',
    path: `/backend-api/f/conversation/${i}`, status: 500, statusLine: 'HTTP/1.1 500', error: null, category: 'server', meaning: 'meaning_500',
    telemetry: false, durationMs: 40, ids: { cfRay: `ray-${i}`, xRequestId: null, oaiRequestId: null }, retryAfter: null, retryAfterSec: null,
    server: 'cloudflare', contentType: 'application/json', htmlOnApi: false, ...over,
  };
}

const blocker: ConflictEntry = { id: 'blk', name: 'Test Ad Blocker', version: '1.0', score: 55, kind: 'blocker', reasons: [{ key: 'popup_conflict_reason_blocker' }], enabled: true, canDisable: true, manageUrl: 'chrome://extensions/?id=blk' };
const report: SiteClearReport = {
  dataTypes: ['cookies', 'cache'], removedCookies: { 'chat.openai.com': 1 }, remainingCookies: {}, cookiesBefore: { '.chatgpt.com': 2, 'chat.openai.com': 1 },
  verified: true, failures: [], wholeCacheCleared: false, reloadedTabs: 1,
};

/** A stand-in background: answers our typed requests the way the real handlers reply. */
const seen: Array<{ type: string; params: unknown }> = [];
function fakeBackground(replies: Record<string, unknown>) {
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; params: unknown }, _sender: unknown, sendResponse: (r: unknown) => void) => {
    seen.push(message);
    const value = replies[message.type];
    sendResponse(value === undefined ? { ok: false, error: { code: 'x', message: `no ${message.type}` } } : { ok: true, value });
    return true;
  }) as never);
}

let root: HTMLElement;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
async function until<T>(check: () => T, what: string): Promise<NonNullable<T>> {
  for (let i = 0; i < 200; i++) {
    const v = check();
    if (v) return v as NonNullable<T>;
    await tick(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeEach(() => {
  fakeBrowser.reset();
  seen.length = 0;
  history.replaceState(null, '', '/popup.html?tabId=7');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Popup', () => {
  it('renders 1,000 stored records from storage without the background', async () => {
    await fakeBrowser.storage.local.set({ log: { v: 1, records: Array.from({ length: 1000 }, (_, i) => record(i)), dropped: 0, notice: null } });
    const t0 = performance.now();
    render(<Popup />, root);
    await until(() => root.querySelector('.failure'), 'failures');
    const items = root.querySelectorAll('.failure');
    const elapsed = performance.now() - t0;
    expect(items.length).toBe(50); // the list is capped; the newest first
    expect(items[0]!.getAttribute('data-record-id')).toBe('r999');
    expect(root.querySelector('.verdict')).not.toBeNull();
    expect(root.querySelector('.verdict')!.getAttribute('aria-busy')).toBeNull();
    expect(elapsed).toBeLessThan(2000);
    // No background was there; the list did not wait for it.
    expect(seen.every((m) => m.type === 'conflicts/list')).toBe(true);
  });

  it('switches between this tab and all tabs', async () => {
    await fakeBrowser.storage.local.set({ log: { v: 1, records: [record(1), record(2)], dropped: 0, notice: null } });
    render(<Popup />, root);
    await until(() => root.querySelector('.failure'), 'failure');
    expect([...root.querySelectorAll('.failure')].map((e) => e.getAttribute('data-record-id'))).toEqual(['r1']);
    (root.querySelector('.tabs-switch button:last-child') as HTMLButtonElement).click();
    await tick(10);
    expect([...root.querySelectorAll('.failure')].map((e) => e.getAttribute('data-record-id'))).toEqual(['r2', 'r1']);
  });

  it('shows the stored status, incidents and "unknown" with its reason', async () => {
    const checkedAt = Date.now() - 60_000;
    await fakeBrowser.storage.local.set({
      status: {
        state: 'known', checkedAt, indicator: 'major', description: 'Partial System Outage', pageUrl: 'https://status.openai.com/',
        components: [{ id: 'c1', name: 'Conversations', status: 'major_outage' }, { id: 'c2', name: 'Login', status: 'operational' }],
        incidents: [{ id: 'i', name: 'Elevated error rates', status: 'identified', impact: 'major', url: null, startedAt: null, updatedAt: null, latestUpdate: 'Fix in progress.', componentIds: ['c1'] }],
        maintenances: [],
      },
    });
    render(<Popup />, root);
    const indicator = await until(() => root.querySelector('.status-indicator'), 'indicator');
    expect(indicator.getAttribute('data-indicator')).toBe('major');
    expect(root.querySelector('.incident-name')!.textContent).toBe('Elevated error rates');
    expect(root.querySelector('.incident-update')!.textContent).toBe('Fix in progress.');
    expect(root.querySelector('.components')!.textContent).toBe('Conversations: major outage');
    await fakeBrowser.storage.local.set({ status: { state: 'unknown', checkedAt, reason: 'html', detail: 'text/html' } });
    await until(() => root.querySelector('.indicator-unknown'), 'unknown');
    expect(root.querySelector('.indicator-unknown')!.textContent).toContain('answered with a web page');
    // Corrupt status never crashes: it reads as "not checked yet".
    await fakeBrowser.storage.local.set({ status: { state: 'known', checkedAt: 'yesterday' } });
    await until(() => !root.querySelector('.status-indicator'), 'no indicator');
    expect(root.textContent).toContain('Not checked yet.');
  });

  it('asks for confirmation, names the sites signed out, then reports the verified clear', async () => {
    fakeBackground({ 'site/preview': siteDataPlan('chrome'), 'site/clear': report, 'conflicts/list': [blocker] });
    render(<Popup />, root);
    (await until(() => root.querySelector<HTMLButtonElement>('#clear-site-data-start'), 'start')).click();
    const confirm = await until(() => root.querySelector('.confirm'), 'confirmation');
    expect([...confirm.querySelectorAll('.signed-out li')].map((li) => li.textContent)).toEqual(['chatgpt.com', 'chat.openai.com']);
    expect(confirm.textContent).toContain('you stay signed in: platform.openai.com, help.openai.com, status.openai.com, openai.com');
    expect(seen.some((m) => m.type === 'site/clear')).toBe(false); // nothing removed before confirming
    const reload = confirm.querySelector<HTMLInputElement>('#clear-reload')!;
    expect(reload.checked).toBe(true);
    reload.click();
    await until(() => !confirm.querySelector<HTMLInputElement>('#clear-reload')!.checked, 'unchecked');
    await tick(10); // preact re-renders after the event; the user cannot click faster than that
    confirm.querySelector<HTMLButtonElement>('#clear-site-data-confirm')!.click();
    const done = await until(() => root.querySelector('.clear-report'), 'report');
    expect(seen.find((m) => m.type === 'site/clear')!.params).toEqual({ reloadTabs: false, wholeCache: false });
    expect(done.getAttribute('data-verified')).toBe('true');
    expect(done.textContent).toContain('Removed 3 ChatGPT cookies');
    expect(done.textContent).toContain('no ChatGPT cookies are left');
  });

  it('cancelling removes nothing', async () => {
    fakeBackground({ 'site/preview': siteDataPlan('chrome'), 'conflicts/list': [] });
    render(<Popup />, root);
    (await until(() => root.querySelector<HTMLButtonElement>('#clear-site-data-start'), 'start')).click();
    const confirm = await until(() => root.querySelector('.confirm'), 'confirmation');
    [...confirm.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    await until(() => root.querySelector('#clear-site-data-start'), 'back to start');
    expect(seen.map((m) => m.type)).not.toContain('site/clear');
  });

  it('shows a failed clear with its reason', async () => {
    fakeBackground({ 'site/preview': siteDataPlan('firefox'), 'conflicts/list': [] });
    render(<Popup />, root);
    (await until(() => root.querySelector<HTMLButtonElement>('#clear-site-data-start'), 'start')).click();
    const confirm = await until(() => root.querySelector('.confirm'), 'confirmation');
    expect(confirm.textContent).toContain('Firefox cannot clear the cache of one site only');
    confirm.querySelector<HTMLButtonElement>('#clear-site-data-confirm')!.click();
    await until(() => root.querySelector('.action-failed'), 'failed');
    expect(root.querySelector('.action-failed .action-status')!.textContent).toContain('no site/clear');
  });

  it('lists conflicting extensions with reasons and disables one', async () => {
    fakeBackground({ 'conflicts/list': [blocker], 'conflicts/set-enabled': { enabled: false } });
    render(<Popup />, root);
    const item = await until(() => root.querySelector('.conflict'), 'conflict');
    expect(item.querySelector('.conflict-name')!.textContent).toBe('Test Ad Blocker');
    expect(item.textContent).toContain('Looks like an ad or content blocker.');
    [...item.querySelectorAll('button')].find((b) => b.textContent === 'Disable')!.click();
    await until(() => seen.filter((m) => m.type === 'conflicts/list').length >= 2, 'reload of the list');
    expect(seen.find((m) => m.type === 'conflicts/set-enabled')!.params).toEqual({ id: 'blk', enabled: false });
    expect(seen.filter((m) => m.type === 'conflicts/list').at(-1)!.params).toEqual({ keepIds: ['blk'] });
    expect(root.textContent).toContain('Ctrl+Shift+N');
  });
});
