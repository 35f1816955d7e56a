import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReportPage } from '../../src/pages/report-page';
import { failure } from '../support/diag-fixtures';
import { installFakeManagement } from '../support/fakes/management';
import { storedLogItems } from '../support/stored-log';
import { until as waitUntil } from '../support/until';
import { domRoot } from '../support/dom-root';

const CONV = '0b7f4c52-7a8e-4a43-9a55-0e3c5c1b2f00';
const seen: string[] = [];
let root: HTMLElement;
const until = <T,>(check: () => T, what: string) => waitUntil(check, what, () => root.textContent?.slice(0, 300) ?? '');
const preview = () => root.querySelector('#report-preview')?.textContent ?? '';

const rootOf = domRoot();
beforeEach(async () => {
  root = rootOf();
  seen.length = 0;
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string }, _s: unknown, sendResponse: (r: unknown) => void) => {
    seen.push(message.type);
    const values: Record<string, unknown> = { 'log/flush': { records: 2 } };
    sendResponse(message.type in values ? { ok: true, value: values[message.type] } : { ok: false, error: { code: 'x', message: 'no' } });
    return true;
  }) as never);
  installFakeManagement([]);
  // Records as the recorder stores them, but with "now" as the real clock: the page uses Date.now().
  const now = Date.now();
  const records = [
    { ...failure({ status: 500, path: `/backend-api/conversation/${CONV}`, tabId: 7 }), time: now - 60_000 },
    { ...failure({ status: 502, path: '/u/jane%40example.com/x', tabId: 7 }), time: now - 30_000 },
    { ...failure({ status: 500, tabId: 8 }), time: now - 20_000 },
  ];
  await fakeBrowser.storage.local.set(storedLogItems(records));
});

describe('ReportPage', () => {
  it('previews the Markdown for this tab with request ids, masked paths, and flushes the log first', async () => {
    render(<ReportPage search="?tabId=7" />, root);
    await until(() => preview().includes('# ChatGPT problem report'), 'preview');
    expect(seen).toContain('log/flush');
    expect(preview()).toContain('## Failures (2, newest first)');
    expect(preview()).toContain('/backend-api/conversation/[id]');
    expect(preview()).toContain('/u/[email]/x');
    expect(preview()).not.toContain(CONV);
    expect(preview()).toMatch(/`8f1e2d3c4b5a\d{4}-SJC`/);
    expect(root.querySelector('#report-help-center')!.getAttribute('href')).toBe('https://help.openai.com/');
  });

  it('keeps conversation ids when switched on, and shows the JSON', async () => {
    render(<ReportPage search="?tabId=7" />, root);
    const box = await until(() => root.querySelector<HTMLInputElement>('#report-keep-ids'), 'switch');
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => preview().includes(CONV), 'conversation id kept');
    [...root.querySelectorAll<HTMLButtonElement>('.report-preview button')].find((b) => b.textContent === 'JSON')!.click();
    await until(() => preview().startsWith('{'), 'json view');
    const json = JSON.parse(preview());
    expect(json).toMatchObject({ schema: 'error-doctor-report/1', masking: { conversationIds: 'kept' } });
    expect(json.failures).toHaveLength(2);
  });

  it('explains why there is no screenshot without a ChatGPT tab', async () => {
    render(<ReportPage search="" />, root);
    (await until(() => root.querySelector<HTMLButtonElement>('#report-screenshot'), 'button')).click();
    await until(() => root.querySelector('.report-screenshot .action-failed'), 'failure');
    expect(root.querySelector('.report-screenshot .action-status')!.textContent).toContain('No ChatGPT tab is known for this report');
    expect(root.querySelector('.report-screenshot .notice')!.textContent).toContain('including your conversation');
  });
});
