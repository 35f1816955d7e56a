import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOG_KEY } from '../../src/contract/stored-log';
import { STATUS } from '../../src/contract/status';
import type { ErrorRecord } from '../../src/core/error-record';
import { Panel } from '../../src/devtools/panel';
import { ROW_HEIGHT } from '../../src/devtools/failure-table-view';
import { panelTabId } from '../../src/devtools/use-panel-tab';
import { contentOf, devtoolsTheme, onThemeChanged } from '../../src/platform/devtools';
import { generateRecords } from '../fixtures/records';
import { installFakeDevtools, type FakeDevtools } from '../support/fakes/devtools';
import { domRoot } from '../support/dom-root';
import { storedLogItems } from '../support/stored-log';
import { wakeLogStore } from '../support/wake-log-store';
// Up to 5 s, not 300 polls: the details pane, the fix list's extras and the exports are imported
// on the click, which the test runner compiles on first use.
import { until } from '../support/until';
import { incident, knownStatus } from '../support/diag-fixtures';

let root: HTMLElement;
let devtools: FakeDevtools | null = null;

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const rowIds = () => $$('tr.failure-row').map((tr) => tr.dataset.recordId!);
const click = (el: Element | null) => {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
};

async function store(records: ErrorRecord[], extra: Record<string, unknown> = {}) {
  await fakeBrowser.storage.local.set({ ...storedLogItems(records), ...extra });
}

async function mount(tabId: number | null = 7) {
  render(<Panel tabId={tabId} />, root);
  await until(() => $('tr.failure-row') ?? $('.empty'), 'the table');
  // The newest records come first, the rest of the log right after.
  await until(() => !/loading the rest/.test($('.live')!.textContent ?? ''), 'the whole log');
}

const rootOf = domRoot();
beforeEach(() => {
  root = rootOf();
});
afterEach(() => {
  devtools?.uninstall();
  devtools = null;
  vi.restoreAllMocks();
});

describe('Panel table', () => {
  it("lists only the inspected tab's failures, newest first, with every column", async () => {
    const records = generateRecords({ count: 40, now: Date.now(), tabIds: [7, 8] });
    await store(records);
    await mount(7);
    const mine = records.filter((r) => r.tabId === 7);
    expect(rowIds()).toEqual(mine.map((r) => r.id).reverse());
    const first = $$('tr.failure-row')[0]!;
    const newest = mine.at(-1)!;
    expect(first.querySelector('.c-status')!.textContent).toBe(newest.status !== null ? String(newest.status) : newest.error!.replace('net::', ''));
    expect(first.querySelector('.c-method')!.textContent).toBe(newest.method);
    expect(first.querySelector('.c-url')!.textContent).toBe(newest.host === 'chatgpt.com' ? newest.path : newest.host + newest.path); // the host only when it is not chatgpt.com
    expect(first.querySelector('.c-url .path-text')!.getAttribute('title')).toBe(newest.host + newest.path);
    expect(first.querySelector('.c-meaning')!.textContent).not.toMatch(/^meaning_/);
    expect($$('thead th').map((th) => th.textContent)).toEqual(['Time ▼', 'Status', 'Meaning', 'Method', 'Path', 'Duration', 'Request id']);
    expect($('.live')!.textContent).toBe('20 shown of 20');
  });

  it('renders a window of 10,000 records and moves it when scrolled', async () => {
    await store(generateRecords({ count: 10_000, now: Date.now() }));
    const started = performance.now();
    await mount();
    expect(performance.now() - started).toBeLessThan(3000);
    expect($$('tr.failure-row').length).toBeLessThan(60);
    const scroller = $('.table-scroll')!;
    const pads = $$('tr.pad');
    expect(pads.length).toBe(1);
    scroller.scrollTop = 5000 * ROW_HEIGHT;
    scroller.dispatchEvent(new Event('scroll'));
    await until(() => $$('tr.failure-row')[0]?.getAttribute('aria-rowindex') !== '2', 'the window to move');
    const firstIndex = Number($$('tr.failure-row')[0]!.getAttribute('aria-rowindex'));
    expect(firstIndex).toBeGreaterThan(4900);
    expect(firstIndex).toBeLessThan(5001);
    expect($$('tr.pad')).toHaveLength(2);
  });

  it('shows the newest failures first, then the whole log, with exports waiting for it', async () => {
    const records = generateRecords({ count: 500, now: Date.now(), tabIds: [7] });
    await store(records);
    const seen: Array<{ live: string; rows: number; exportDisabled: boolean }> = [];
    const watcher = new MutationObserver(() => {
      const live = $('.live')?.textContent ?? '';
      if ($('tr.failure-row') && seen.at(-1)?.live !== live)
        seen.push({ live, rows: $$('tr.failure-row').length, exportDisabled: $<HTMLButtonElement>('#export-json')!.disabled });
    });
    watcher.observe(root, { subtree: true, childList: true, characterData: true });
    await mount(7);
    watcher.disconnect();
    expect(seen[0]).toMatchObject({ live: expect.stringMatching(/^\d+ newest shown, loading the rest…$/), exportDisabled: true });
    expect(Number.parseInt(seen[0]!.live, 10)).toBeLessThan(records.length);
    expect(Number.parseInt(seen[0]!.live, 10)).toBeGreaterThanOrEqual(100);
    expect(seen.at(-1)).toMatchObject({ live: '500 shown of 500', exportDisabled: false });
    // The newest stay on top: the first rows the panel showed are the newest of the whole log.
    expect(rowIds()[0]).toBe(records.at(-1)!.id);
  });

  it('sorts by a column and toggles the direction', async () => {
    await store(generateRecords({ count: 60, now: Date.now() }));
    await mount();
    click($$('th .sort')[1]!);
    await until(() => $('th[aria-sort="ascending"]'), 'ascending sort');
    const asc = $$('tr.failure-row .c-status').map((td) => td.textContent!);
    expect(asc[0]).toBe('401');
    click($$('th .sort')[1]!);
    await until(() => $('th[aria-sort="descending"]'), 'descending sort');
    const desc = $$('tr.failure-row .c-status').map((td) => td.textContent!);
    // Network errors have no status: after every status ascending, so before them descending.
    expect(desc[0]).toMatch(/^[A-Z_]+$/);
  });

  it('filters by category group and by text, and clears', async () => {
    const records = generateRecords({ count: 200, now: Date.now() });
    await store(records);
    await mount();
    click($('.chip[data-group="overload"]'));
    await until(() => $('.chip[aria-pressed="true"]'), 'a pressed chip');
    const overload = records.filter((r) => !r.telemetry && (r.category === 'overload' || r.category === 'rate-limit'));
    expect($('.live')!.textContent).toBe(`${overload.length} shown of 200`);
    expect($$('tr.failure-row').every((tr) => /grp-overload/.test(tr.className))).toBe(true);
    expect($('.chip[data-group="overload"] .count')!.textContent).toBe(String(overload.length));
    const input = $<HTMLInputElement>('.text-filter')!;
    input.value = 'CHAT-REQUIREMENTS';
    input.dispatchEvent(new Event('input'));
    await until(() => $$('tr.failure-row').length === records.filter((r) => r.status === 429).length, 'only 429s');
    expect($$('tr.failure-row').every((tr) => tr.querySelector('.c-status')!.textContent === '429')).toBe(true);
    input.value = 'nothing matches this';
    input.dispatchEvent(new Event('input'));
    await until(() => $$('tr.failure-row').length === 0, 'no rows');
    expect($('.no-match')!.textContent).toBe('No failure matches these filters.');
    click($('.clear-filters'));
    await until(() => $('.live')!.textContent === '200 shown of 200', 'all rows back');
  });

  it('keeps scroll position and selection when new failures arrive', async () => {
    const now = Date.now();
    const records = generateRecords({ count: 500, now: now - 60_000 });
    await store(records);
    await mount();
    const scroller = $('.table-scroll')!;
    scroller.scrollTop = 100 * ROW_HEIGHT;
    scroller.dispatchEvent(new Event('scroll'));
    await until(() => $('tr.failure-row[aria-rowindex="102"]'), 'scrolled rows');
    const target = $('tr.failure-row[aria-rowindex="105"]')!;
    const targetId = target.dataset.recordId!;
    click(target);
    await until(() => $('.details h2'), 'details');
    const fresh = generateRecords({ count: 7, now, spanMs: 30_000, startIndex: 10_000 });
    await store([...records, ...fresh]);
    await until(() => $('.live')!.textContent === '507 shown of 507', 'the new rows');
    await until(() => scroller.scrollTop === 107 * ROW_HEIGHT, 'the anchored scroll offset');
    expect($('tr.selected')!.dataset.recordId).toBe(targetId);
    expect($('.details')!.dataset.recordId).toBe(targetId);
  });

  it('at the top, shows new failures at the top', async () => {
    const now = Date.now();
    const records = generateRecords({ count: 30, now: now - 60_000 });
    await store(records);
    await mount();
    const [fresh] = generateRecords({ count: 1, now, spanMs: 1000, startIndex: 5000 });
    await store([...records, fresh!]);
    await until(() => rowIds()[0] === fresh!.id, 'the new failure on top');
    expect($('.table-scroll')!.scrollTop).toBe(0);
  });

  it('moves the selection with the keyboard', async () => {
    const records = generateRecords({ count: 50, now: Date.now() });
    await store(records);
    await mount();
    const scroller = $('.table-scroll')!;
    scroller.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await until(() => $('tr.selected'), 'a selection');
    expect($('tr.selected')!.getAttribute('aria-rowindex')).toBe('2');
    scroller.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await until(() => $('tr.selected')?.getAttribute('aria-rowindex') === '3', 'the next row');
    scroller.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await until(() => $('.details')?.dataset.recordId === records[0]!.id, 'the oldest failure selected');
    expect($('tr.selected')!.getAttribute('aria-rowindex')).toBe('51');
  });

  it('says so when the tab has no failures, and survives a corrupt log', async () => {
    await fakeBrowser.storage.local.set({ [LOG_KEY]: { v: 1, records: [{ nonsense: true }, 42], dropped: 0, notice: null } });
    await mount();
    // Before the background's first wake repairs it, the page shows an empty log.
    expect($('.empty')!.textContent).toBe('No failed ChatGPT requests in this tab.');
    await wakeLogStore();
    await until(() => $('.notice'), 'the notice of the repair');
    expect($('.empty')!.textContent).toBe('No failed ChatGPT requests in this tab.');
    expect($('.notice')!.textContent).toContain('2');
  });
});

describe('Panel details', () => {
  it('shows evidence with the headers that matter highlighted, the meaning and the next step', async () => {
    const records = generateRecords({ count: 100, now: Date.now() });
    const cf = records.find((r) => r.category === 'cloudflare')!;
    await store(records);
    await mount();
    const input = $<HTMLInputElement>('.text-filter')!;
    input.value = cf.ids.cfRay!;
    input.dispatchEvent(new Event('input'));
    await until(() => $$('tr.failure-row').length === 1, 'one row');
    click($('tr.failure-row'));
    const details = await until(() => $('.details[data-record-id]'), 'details');
    expect(details.querySelector('.explain')!.textContent).toMatch(/Cloudflare/i);
    expect(details.querySelector('.next-step')!.textContent).toContain('Cloudflare answered instead of ChatGPT');
    const highlighted = [...details.querySelectorAll('tr.hl th')].map((th) => th.textContent);
    expect(highlighted).toEqual(expect.arrayContaining(['Status', 'cf-ray', 'content-type', 'x-oai-request-id']));
    expect(details.textContent).toContain(cf.ids.cfRay!);
    expect(details.querySelector('.no-extra')!.textContent).toContain('Network panel');
  });

  it('copies the request id and a fetch without secrets', async () => {
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (s: string) => void writes.push(s) }, configurable: true });
    const records = generateRecords({ count: 5, now: Date.now() });
    await store(records);
    await mount();
    click($$('tr.failure-row').find((tr) => tr.querySelector('.c-id')!.textContent !== '–')!);
    const details = await until(() => $('.details[data-record-id]'), 'details');
    const rec = records.find((r) => r.id === details.dataset.recordId)!;
    const [copyId, copyFetch] = [...details.querySelectorAll<HTMLButtonElement>('.detail-actions button')];
    copyId!.click();
    copyFetch!.click();
    await until(() => writes.length === 2, 'two copies');
    expect(writes[0]).toBe(rec.ids.cfRay);
    expect(writes[1]).toContain(`fetch("https://${rec.host}${rec.path}"`);
    expect(writes[1]).not.toMatch(/cookie|authorization/i);
  });

  it('adds the body gist and timings DevTools saw, matched to the record', async () => {
    devtools = installFakeDevtools({ tabId: 7 });
    const now = Date.now();
    const record: ErrorRecord = {
      ...generateRecords({ count: 1, now })[0]!,
      method: 'POST',
      host: 'chatgpt.com',
      path: '/backend-api/f/conversation',
      status: 500,
      error: null,
      category: 'server',
      meaning: 'meaning_500',
      telemetry: false,
      time: now - 1000,
    };
    await store([record]);
    await mount(panelTabId(''));
    devtools.finish(
      {
        startedDateTime: new Date(now - 1800).toISOString(),
        time: 800,
        request: { method: 'POST', url: 'https://chatgpt.com/backend-api/f/conversation?x=secret', headers: [{ name: 'cookie', value: 'a=SECRET' }] },
        response: { status: 500, content: { mimeType: 'application/json' } },
        timings: { blocked: 2, dns: -1, connect: -1, ssl: -1, send: 1, wait: 780, receive: 17 },
      },
      '{"detail":"Something went wrong. sk-proj-abcdefghijklmnop leaked"}',
    );
    // A success and another site are ignored.
    devtools.finish({
      startedDateTime: new Date(now).toISOString(),
      time: 5,
      request: { method: 'GET', url: 'https://chatgpt.com/' },
      response: { status: 200 },
    });
    devtools.finish({
      startedDateTime: new Date(now).toISOString(),
      time: 5,
      request: { method: 'GET', url: 'https://example.com/x' },
      response: { status: 500 },
    });
    click($('tr.failure-row'));
    const detail = await until(() => $('.gist-detail'), 'the gist');
    expect(detail.textContent).toBe('Error detail: Something went wrong. [key] leaked');
    expect($$('.timing dt').map((d) => d.textContent)).toEqual(['Queued', 'Send', 'Waiting (server)', 'Download']);
    expect($('.details')!.textContent).not.toContain('SECRET');
  });
});

describe('Panel chart and export', () => {
  it('draws failures per minute and marks status-page incidents', async () => {
    const now = Date.now();
    await store(generateRecords({ count: 90, now, spanMs: 30 * 60_000 }), {
      [STATUS.name]: {
        ...knownStatus('major', { components: [], checkedAt: now }),
        description: 'x',
        incidents: [
          incident({ name: 'Elevated error rates', impact: 'major', startedAt: now - 20 * 60_000, updatedAt: now - 5 * 60_000 }),
          incident({ id: 'i2', name: 'Not started yet' }),
        ],
      },
    });
    await mount();
    await until(() => $('.incident-started'), 'incident marks');
    expect($$('.incident-started')).toHaveLength(1);
    expect($$('.incident-updated')).toHaveLength(1);
    expect($('.incident-started title')!.textContent).toContain('Elevated error rates');
    expect($$('rect.bar').length).toBeGreaterThan(10);
    expect($('.rate-chart svg')!.getAttribute('aria-label')).toContain('90 failures in total');
  });

  it.each([
    ['incidents not a list', { state: 'known', incidents: 'nope' }],
    [
      'malformed incidents',
      {
        state: 'known',
        checkedAt: 1,
        indicator: 'major',
        description: 'x',
        components: [],
        maintenances: [],
        pageUrl: 'https://status.openai.com/',
        incidents: [{ id: 'i2', name: 'Broken', startedAt: 'yesterday' }, { id: 'i3' }],
      },
    ],
  ])('survives a corrupt status snapshot (%s): no marks, the chart still drawn', async (_, status) => {
    await store(generateRecords({ count: 10, now: Date.now(), spanMs: 60_000 }), { [STATUS.name]: status });
    await mount();
    expect($$('rect.bar').length).toBeGreaterThan(0);
    expect($$('.incident-started, .incident-updated')).toHaveLength(0);
  });

  it("shows the popup's verdict and fixes as the same shared components, and links the support report", async () => {
    await store(generateRecords({ count: 30, now: Date.now(), spanMs: 5 * 60_000 }));
    render(<Panel tabId={7} reportUrl="chrome-extension://x/src/pages/report.html?tabId=7" />, root);
    await until(() => $('.verdict[data-cause]'), 'the verdict card');
    expect($('#fix-clear summary')!.textContent).toBe(fakeBrowser.i18n.getMessage('popup_fix_clear'));
    expect($('#fix-conflicts')).not.toBeNull();
    expect($('#fix-status')).not.toBeNull();
    expect($<HTMLAnchorElement>('#open-report')!.href).toBe('chrome-extension://x/src/pages/report.html?tabId=7');
  });

  it('loads the status summary when the fix list is first opened', async () => {
    await store(generateRecords({ count: 5, now: Date.now() }), {
      [STATUS.name]: knownStatus('none', { components: [], checkedAt: Date.now() }),
    });
    await mount();
    const list = await until(() => $<HTMLDetailsElement>('.panel-fix-list'), 'the fix list');
    expect($('#fix-status .status-summary')).toBeNull();
    list.open = true;
    list.dispatchEvent(new Event('toggle'));
    const summary = await until(() => $('#fix-status .status-summary'), 'the status summary');
    expect(summary.querySelector('.status-indicator')!.getAttribute('data-indicator')).toBe('none');
    expect($('#status-check')).not.toBeNull();
  });

  it('in a Firefox DevTools panel (no cookies, browsingData or management there) links to the same fixes in a tab', async () => {
    const apis = fakeBrowser as unknown as Record<string, unknown>;
    const saved = { cookies: apis.cookies, browsingData: apis.browsingData, management: apis.management };
    for (const name of Object.keys(saved)) delete apis[name];
    try {
      await store(generateRecords({ count: 5, now: Date.now() }));
      render(<Panel tabId={7} />, root);
      const link = await until(() => $<HTMLAnchorElement>('#open-fixes'), 'the link to the fixes');
      expect(link.href).toMatch(/\/src\/popup\/index\.html\?tabId=7$/);
      expect(link.target).toBe('_blank');
      expect($('.panel-fixes-elsewhere')!.textContent).toContain('Firefox does not let DevTools panels clear site data or manage add-ons');
      expect($('#fix-clear')).toBeNull();
      expect($('#fix-conflicts')).toBeNull();
      expect($('#fix-status')).not.toBeNull(); // the status needs only storage and the background
    } finally {
      Object.assign(apis, saved);
    }
  });

  it('exports the shown failures as JSON and as a HAR without secrets', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:fake'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const records = generateRecords({ count: 50, now: Date.now() });
    await store(records);
    await mount();
    click($('.chip[data-group="server"]'));
    await until(() => $('.chip[aria-pressed="true"]'), 'the filter');
    const shown = $$('tr.failure-row').length;
    click($('#export-json'));
    await until(() => $('.action-done'), 'export done');
    const json = JSON.parse(await blobs[0]!.text()) as { records: ErrorRecord[] };
    expect(json.records).toHaveLength(shown);
    expect(json.records.every((r) => r.category === 'server')).toBe(true);
    click($('#export-har'));
    await until(() => blobs.length === 2, 'the HAR');
    const har = JSON.parse(await blobs[1]!.text()) as { log: { version: string; entries: Array<{ request: { cookies: unknown[]; url: string } }> } };
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(shown);
    expect(har.log.entries.every((e) => e.request.cookies.length === 0 && !e.request.url.includes('='))).toBe(true);
  });
});

describe('Panel page setup', () => {
  it('takes the tab from ?tabId=, else from DevTools, and follows the DevTools theme', () => {
    expect(panelTabId('?tabId=42')).toBe(42);
    devtools = installFakeDevtools({ tabId: 9, themeName: 'dark' });
    expect(panelTabId('')).toBe(9);
    expect(panelTabId('?tabId=3')).toBe(3);
    expect(panelTabId('?tabId=abc')).toBe(9);
    expect(panelTabId('?tabId=-1')).toBe(9);
    expect(devtoolsTheme()).toBe('dark');
    const seen: string[] = [];
    const controller = new AbortController();
    onThemeChanged((t) => seen.push(t), controller.signal);
    devtools.setTheme('default');
    controller.abort();
    devtools.setTheme('dark');
    expect(seen).toEqual(['light']);
  });

  it('reads a response body in every shape getContent answers with', () => {
    expect(contentOf(['{"a":1}', ''])).toEqual({ body: '{"a":1}', encoding: '' });
    expect(contentOf({ content: 'AAEC', encoding: 'base64' })).toEqual({ body: 'AAEC', encoding: 'base64' });
    expect(contentOf('<html>')).toEqual({ body: '<html>', encoding: null });
    expect(contentOf(undefined)).toEqual({ body: null, encoding: null });
    expect(contentOf({ content: 42 })).toEqual({ body: null, encoding: null });
  });
});
