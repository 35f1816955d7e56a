import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ManagedExtension } from '../../src/core/suspects';
import type { ErrorRecord } from '../../src/core/error-record';
import { isFirefox } from '../../src/platform/browser';
import { Popup } from '../../src/popup/popup';
import { installFakeBrowsingData } from '../support/fakes/browsing-data';
import { installTypicalCookies } from '../support/fakes/cookies';
import { installFakeManagement } from '../support/fakes/management';
import { SUMMARY_NEWEST } from '../../src/contract/log-summary';
import { storedLogItems } from '../support/stored-log';
import { wakeLogStore } from '../support/wake-log-store';
import { domRoot } from '../support/dom-root';

function record(i: number, over: Partial<ErrorRecord> = {}): ErrorRecord {
  return {
    id: `r${i}`,
    time: Date.now() - (1000 - i) * 1000,
    tabId: i % 2 ? 7 : 8,
    type: 'xmlhttprequest',
    method: 'POST',
    host: 'chatgpt.com',
    path: `/backend-api/f/conversation/${i}`,
    status: 500,
    statusLine: 'HTTP/1.1 500',
    error: null,
    category: 'server',
    meaning: 'meaning_500',
    telemetry: false,
    durationMs: 40,
    ids: { cfRay: `ray-${i}`, xRequestId: null, oaiRequestId: null },
    retryAfter: null,
    retryAfterSec: null,
    server: 'cloudflare',
    contentType: 'application/json',
    htmlOnApi: false,
    ...over,
  };
}

const blocker: ManagedExtension = {
  id: 'blk',
  name: 'Test Ad Blocker',
  version: '1.0',
  type: 'extension',
  enabled: true,
  permissions: ['declarativeNetRequest'],
};

/** Every message to the background: the fixes run in the page, so none should be sent for them. */
const seen: Array<{ type: string; params: unknown }> = [];
function watchBackground() {
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; params: unknown }, _sender: unknown, sendResponse: (r: unknown) => void) => {
    seen.push(message);
    sendResponse({ ok: false, error: { code: 'x', message: `no ${message.type}` } });
    return true;
  }) as never);
}

/** ChatGPT's cookies and others in a fake jar, a Chrome-like browsingData, and the given extensions. */
function fakeFixApis(extensions: ManagedExtension[] = []) {
  const cookies = installTypicalCookies();
  const browsingData = installFakeBrowsingData(cookies.jar);
  const management = installFakeManagement(extensions);
  const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
  return { ...cookies, ...browsingData, ...management, reload };
}

/** The ChatGPT tabs open (tabs.query by URL), as the popup asks the browser for them. */
function chatTabs(ids: number[]) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (q: { url?: unknown }) => (q.url ? ids.map((id) => ({ id })) : [{ id: 7 }])) as never);
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

const rootOf = domRoot();
beforeEach(() => {
  root = rootOf();
  seen.length = 0;
  watchBackground();
  history.replaceState(null, '', '/popup.html?tabId=7');
  chatTabs([7, 8]);
});
afterEach(() => {
  vi.mocked(isFirefox).mockReturnValue(false);
  vi.restoreAllMocks();
});

/** The clear's start button: in the fixes, or the verdict's own when it recommends the clear. */
async function openClear(): Promise<HTMLButtonElement> {
  return until(() => root.querySelector<HTMLButtonElement>('#clear-site-data-start'), 'start');
}

/** Opens the extension list and returns its first entry. */
async function openConflicts(): Promise<Element> {
  (await until(() => root.querySelector<HTMLButtonElement>('#review-extensions'), 'review')).click();
  return until(() => root.querySelector('.conflict'), 'conflict');
}

describe('Popup', () => {
  it('renders 1,000 stored records from storage without the background', async () => {
    await fakeBrowser.storage.local.set(storedLogItems(Array.from({ length: 1000 }, (_, i) => record(i))));
    const t0 = performance.now();
    render(<Popup />, root);
    await until(() => root.querySelector('.failure'), 'failures');
    // The first frame shows the summary key's newest failures; the log loads after it.
    expect(root.querySelectorAll('.failure').length).toBeLessThanOrEqual(SUMMARY_NEWEST);
    expect(root.querySelector('.failure')!.getAttribute('data-record-id')).toBe('r999');
    await until(() => root.querySelectorAll('.failure').length === 50, 'the newest 50 from the log');
    const items = root.querySelectorAll('.failure');
    const elapsed = performance.now() - t0;
    expect(items.length).toBe(50); // the list is capped; the newest first
    expect(items[0]!.getAttribute('data-record-id')).toBe('r999');
    // The popup loaded the newest chunks (about 250 records) of 1,000: its count says so instead of passing for the whole.
    expect(root.querySelector('#recent-title .count')!.textContent).toMatch(/^\d+ failures among the newest \d+ of 1000 stored$/);
    expect(elapsed).toBeLessThan(2000);
    // The verdict is worked out from the summary too, once the extensions it weighs are read.
    await until(() => root.querySelector('.verdict[data-cause]'), 'the verdict');
    expect(root.querySelectorAll('.verdict').length).toBe(1);
    expect(root.querySelector('.verdict')!.getAttribute('aria-busy')).toBeNull();
    // Nothing asked the background: the list did not wait for it.
    expect(seen).toEqual([]);
  });

  it('shows a version 1 log left by an older version once the background has migrated it, and no crash before', async () => {
    await fakeBrowser.storage.local.set({ log: { v: 1, records: [record(2), record(1), { nonsense: true }], dropped: 4, notice: null } });
    render(<Popup />, root);
    await until(() => root.querySelector('.empty'), 'the empty list');
    expect(root.querySelector('.failure')).toBeNull();
    await wakeLogStore();
    await until(() => root.querySelector('.failure'), 'the migrated failure');
    (root.querySelector('.tabs-switch button:last-child') as HTMLButtonElement).click();
    await tick(10);
    expect([...root.querySelectorAll('.failure')].map((e) => e.getAttribute('data-record-id'))).toEqual(['r2', 'r1']);
    // The record that could not be read is not lost silently.
    expect(root.querySelector('.notice')!.textContent).toContain('1');
  });

  it('switches between this tab and all tabs', async () => {
    await fakeBrowser.storage.local.set(storedLogItems([record(1), record(2)]));
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
        state: 'known',
        checkedAt,
        indicator: 'major',
        description: 'Partial System Outage',
        pageUrl: 'https://status.openai.com/',
        components: [
          { id: 'c1', name: 'Conversations', status: 'major_outage' },
          { id: 'c2', name: 'Login', status: 'operational' },
        ],
        incidents: [
          {
            id: 'i',
            name: 'Elevated error rates',
            status: 'identified',
            impact: 'major',
            url: null,
            startedAt: null,
            updatedAt: null,
            latestUpdate: 'Fix in progress.',
            componentIds: ['c1'],
          },
        ],
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
    const fake = fakeFixApis([blocker]);
    render(<Popup />, root);
    (await openClear()).click();
    const confirm = await until(() => root.querySelector('.confirm'), 'confirmation');
    expect([...confirm.querySelectorAll('.signed-out li')].map((li) => li.textContent)).toEqual(['chatgpt.com', 'chat.openai.com']);
    expect(confirm.textContent).toContain('you stay signed in: platform.openai.com, help.openai.com, status.openai.com, openai.com');
    expect(fake.calls).toEqual([]); // nothing removed before confirming
    expect(fake.jar).toHaveLength(7);
    const reload = confirm.querySelector<HTMLInputElement>('#clear-reload')!;
    expect(reload.checked).toBe(true);
    reload.click();
    await until(() => !confirm.querySelector<HTMLInputElement>('#clear-reload')!.checked, 'unchecked');
    await tick(10); // preact re-renders after the event; the user cannot click faster than that
    confirm.querySelector<HTMLButtonElement>('#clear-site-data-confirm')!.click();
    const done = await until(() => root.querySelector('.clear-report'), 'report');
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(fake.reload).not.toHaveBeenCalled(); // "reload ChatGPT" was unticked
    expect(fake.jar.map((c) => c.name).sort()).toEqual(['control', 'platform', 'shared']);
    expect(done.getAttribute('data-verified')).toBe('true');
    expect(done.textContent).toContain('Removed 4 ChatGPT cookies');
    expect(done.textContent).toContain('no ChatGPT cookies are left');
    expect(seen).toEqual([]);
  });

  it('cancelling removes nothing', async () => {
    const fake = fakeFixApis();
    render(<Popup />, root);
    (await openClear()).click();
    const confirm = await until(() => root.querySelector('.confirm'), 'confirmation');
    [...confirm.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    await until(() => root.querySelector('#clear-site-data-start'), 'back to start');
    expect(fake.calls).toEqual([]);
    expect(fake.jar).toHaveLength(7);
  });

  it('shows a partly failed clear with its reasons (Firefox: no per-site cache, browsingData refusing)', async () => {
    vi.mocked(isFirefox).mockReturnValue(true);
    const fake = fakeFixApis();
    fake.state.fail = 'Invalid hostnames';
    fake.failRemove.add('flags');
    render(<Popup />, root);
    (await openClear()).click();
    const confirm = await until(() => root.querySelector('.confirm'), 'confirmation');
    expect(confirm.textContent).toContain('Firefox cannot clear the cache of one site only');
    confirm.querySelector<HTMLButtonElement>('#clear-site-data-confirm')!.click();
    const done = await until(() => root.querySelector('.clear-report'), 'report');
    expect(done.getAttribute('data-verified')).toBe('false');
    expect(done.textContent).toContain('Invalid hostnames');
    expect(done.textContent).toContain('cookie ab.chatgpt.com');
  });

  it('lists conflicting extensions with reasons and disables one', async () => {
    const fake = fakeFixApis([blocker]);
    render(<Popup />, root);
    // Read at open, before the list loads: one extension looks like a blocker.
    await until(() => root.querySelector('#fix-conflicts .suspects')?.textContent === 'Test Ad Blocker (blocker)', 'the suspects named');
    const item = await openConflicts();
    expect(item.querySelector('.conflict-name')!.textContent).toBe('Test Ad Blocker');
    expect(item.textContent).toContain('Looks like an ad or content blocker.');
    [...item.querySelectorAll('button')].find((b) => b.textContent === 'Disable')!.click();
    // Disabled here, it stays listed so it can be turned back on.
    await until(() => root.querySelector('.conflict.is-disabled'), 'the list reloaded with it disabled');
    expect(fake.list.find((e) => e.id === 'blk')!.enabled).toBe(false);
    expect(root.querySelector('.conflict.is-disabled .conflict-name')!.textContent).toBe('Test Ad Blocker');
    expect(root.textContent).toContain('Ctrl+Shift+N');
    // The page read its suspects again: a disabled blocker no longer counts, for the tag or the verdict.
    await until(() => root.querySelector('#fix-conflicts .suspects')?.textContent === 'None looks like a blocker, VPN or proxy.', 'none named');
    expect(seen).toEqual([]);
  });

  it('says why a fix failed: an extension the browser will not disable', async () => {
    const fake = fakeFixApis([blocker]);
    vi.spyOn(fake.management, 'setEnabled').mockRejectedValue(new Error('Cannot change the state of a policy-installed extension'));
    render(<Popup />, root);
    const item = await openConflicts();
    [...item.querySelectorAll('button')].find((b) => b.textContent === 'Disable')!.click();
    await until(() => root.querySelector('.action-failed'), 'failed');
    expect(root.querySelector('.action-failed .action-status')!.textContent).toContain('Cannot change the state of a policy-installed extension');
  });

  it('ranks a blocker that blocked ChatGPT first, from the failures the popup shows', async () => {
    fakeFixApis([blocker, { id: 'other', name: 'Another Extension', version: '1', type: 'extension', enabled: true, permissions: ['storage'] }]);
    await fakeBrowser.storage.local.set(storedLogItems([record(1, { status: null, error: 'net::ERR_BLOCKED_BY_CLIENT', category: 'blocked' })]));
    render(<Popup />, root);
    const first = await openConflicts();
    expect(first.querySelector('.conflict-name')!.textContent).toBe('Test Ad Blocker');
    expect(first.querySelector('.reasons')!.textContent).toContain('ChatGPT requests were blocked by an extension 1 time,');
  });

  it('from another site\'s tab: every ChatGPT tab\'s failures, said so, weighed by the verdict, and no "This tab"', async () => {
    history.replaceState(null, '', '/popup.html?tabId=42'); // a news site: not among the ChatGPT tabs
    chatTabs([7]);
    const eight = Array.from({ length: 8 }, (_, i) => record(i * 2 + 1, { time: Date.now() - (8 - i) * 90_000, path: `/backend-api/p${i}`, tabId: 7 }));
    await fakeBrowser.storage.local.set(storedLogItems(eight));
    render(<Popup />, root);
    const note = await until(() => root.querySelector('.scope-note'), 'the scope sentence');
    expect(note.textContent).toBe('Your ChatGPT tab has 8 failures.');
    expect(root.querySelectorAll('.failure')).toHaveLength(8);
    expect(root.querySelector('#recent-title')!.textContent).toContain('8 failures');
    expect(root.querySelector('.tabs-switch')).toBeNull();
    await until(() => root.querySelector('.verdict[data-cause]'), 'the verdict');
    expect(root.querySelector('.verdict')!.getAttribute('data-cause')).not.toBe('all-clear');
    expect(root.textContent).not.toContain('All is well');
  });

  it('on a ChatGPT tab: that tab by default, with the switch to all tabs', async () => {
    await fakeBrowser.storage.local.set(storedLogItems([record(1), record(2)]));
    render(<Popup />, root);
    await until(() => root.querySelector('.failure'), 'failure');
    expect(root.querySelector('.scope-note')).toBeNull();
    expect(root.querySelector('.tabs-switch button[aria-pressed="true"]')!.textContent).toBe('This tab');
  });

  it('no ChatGPT tab open: says so, and still shows what was recorded', async () => {
    history.replaceState(null, '', '/popup.html?tabId=42');
    chatTabs([]);
    await fakeBrowser.storage.local.set(storedLogItems([record(1)]));
    render(<Popup />, root);
    expect((await until(() => root.querySelector('.scope-note'), 'note')).textContent).toBe('No ChatGPT tab is open. Recorded: 1 failure.');
  });

  it('the verdict carries its fix: a session refusal offers the clear right in the verdict, then one confirmation', async () => {
    fakeFixApis();
    await fakeBrowser.storage.local.set(
      storedLogItems([
        record(1, { time: Date.now() - 60_000, status: 401, category: 'session', meaning: 'meaning_401', path: '/api/auth/session' }),
        record(3, { time: Date.now() - 30_000, status: 401, category: 'session', meaning: 'meaning_401', path: '/api/auth/session' }),
      ]),
    );
    render(<Popup />, root);
    const start = await until(() => root.querySelector<HTMLButtonElement>('.verdict #clear-site-data-start'), 'the clear in the verdict');
    expect(start.classList.contains('primary')).toBe(true);
    expect(root.querySelectorAll('#clear-site-data-start')).toHaveLength(1); // not twice
    start.click();
    await until(() => root.querySelector('.verdict .confirm'), 'the confirmation in place');
    root.querySelector<HTMLButtonElement>('#clear-site-data-confirm')!.click();
    await until(() => root.querySelector('.verdict .clear-report'), 'the result in place');
  });

  it('the three fixes show without opening anything: the clear, the extensions named, the status', async () => {
    fakeFixApis([blocker]);
    render(<Popup />, root);
    await until(() => root.querySelector('#clear-site-data-start'), 'clear');
    await until(() => root.querySelector('#fix-conflicts .suspects')?.textContent?.includes('Test Ad Blocker'), 'extensions');
    expect(root.querySelector('#fix-status .status-summary')).not.toBeNull();
    expect(root.querySelector('details#fix-clear, details#fix-conflicts')).toBeNull();
  });

  it('mixed evidence: "could be either side", the cheapest test first, no outage words, no alternatives', async () => {
    await fakeBrowser.storage.local.set({
      status: {
        state: 'known',
        checkedAt: Date.now() - 60_000,
        indicator: 'none',
        description: 'All Systems Operational',
        pageUrl: 'https://status.openai.com/',
        components: [],
        incidents: [],
        maintenances: [],
      },
    });
    const at = (i: number, status: number) =>
      record(i * 2 + 1, {
        time: Date.now() - (10 - i) * 20_000,
        status,
        category: status === 503 ? 'overload' : 'server',
        meaning: `meaning_${status}`,
        path: `/backend-api/e${i}`,
      });
    await fakeBrowser.storage.local.set(storedLogItems([at(0, 503), at(1, 503), at(2, 500), at(3, 500), at(4, 500)]));
    render(<Popup />, root);
    const verdict = await until(() => root.querySelector('.verdict[data-cause]'), 'verdict');
    expect(verdict.getAttribute('data-cause')).toBe('mixed');
    expect(verdict.querySelector('.verdict-title')!.textContent).toContain('Could be either side');
    expect(verdict.querySelector('#verdict-status')!.textContent).toBe("Check OpenAI's status");
    expect(root.querySelector('.alternatives')).toBeNull();
    expect(root.textContent!.toLowerCase()).not.toContain('outage');
    // The two causes it weighs are listed, on both sides, so nothing below contradicts the headline.
    expect([...verdict.querySelectorAll('.verdict-others li[data-cause]')].map((li) => li.getAttribute('data-cause'))).toEqual(
      expect.arrayContaining(['overload', 'local-only']),
    );
  });
});
