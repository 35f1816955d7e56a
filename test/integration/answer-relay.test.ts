// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS } from '../../src/contract/settings';
import { ANSWER_CONFIG_EVENT, ANSWER_REPORT_EVENT, type AnswerReport } from '../../src/core/answer-report';
import { installFakeWebRequest } from '../support/fakes/web-request';
import { logFromStorage } from '../support/stored-log';

/**
 * The isolated-world relay and the real background in one process: a report dispatched as the
 * main-world observer does goes through the relay's checks, the typed message (delivered with a
 * content script's sender: the ChatGPT tab), the background's second check, into the log.
 */
const PAGE = 'https://chatgpt.com/c/6974e0a3-b684-8321-a73a-bf4e7b6dfafe';
const TAB = 7;

let sender = { tab: { id: TAB }, url: PAGE } as never as { tab: { id: number }; url: string };
let sent = 0;

async function start(settings?: Record<string, unknown>) {
  vi.resetModules();
  if (settings) await fakeBrowser.storage.local.set({ [SETTINGS.name]: settings });
  installFakeWebRequest();
  await import('../../src/background/index');
  // fakeBrowser's sendMessage has no sender; deliver as Chrome does for a content script.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => {
    sent++;
    return new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(message, sender as never, resolve);
    });
  }) as never);
  // Each test imports the relay afresh; its window listeners are removed after the test.
  const add = window.addEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation(((type: string, listener: EventListener) => {
    added.push([type, listener]);
    add(type, listener);
  }) as never);
  await import('../../src/page/answer-relay.iife');
  vi.mocked(window.addEventListener).mockRestore();
  await settle();
}

const added: Array<[string, EventListener]> = [];

async function settle() {
  for (let i = 0; i < 30; i++) await new Promise((r) => setTimeout(r, 0));
}

async function records() {
  const log = logFromStorage(await fakeBrowser.storage.local.get(null)) as unknown as { records: Array<Record<string, unknown>> } | null;
  return log?.records ?? [];
}

function report(over: Partial<AnswerReport> = {}): AnswerReport {
  return {
    time: 1_700_000_000_000,
    path: '/backend-api/f/conversation',
    ids: { cfRay: '8f1e2d3c4b5a6978-SJC', xRequestId: 'f0e1d2c3-b4a5-4697-8888-777766665555', oaiRequestId: null },
    kind: 'error-field',
    text: 'Something went wrong while generating the response.',
    via: 'fetch',
    faults: 0,
    ...over,
  };
}

const dispatch = (detail: unknown) => window.dispatchEvent(new CustomEvent(ANSWER_REPORT_EVENT, { detail }));

describe('answer relay → background', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    sender = { tab: { id: TAB }, url: PAGE };
    sent = 0;
    // Traffic stays on this machine: the status check the first failure starts gets a refusal.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline in tests'))),
    );
  });

  afterEach(() => {
    for (const [type, listener] of added.splice(0)) window.removeEventListener(type, listener);
    vi.unstubAllGlobals();
  });

  it('records an error inside an answer in its own category, with the tab and host from the sender', async () => {
    await start();
    dispatch(JSON.stringify(report({ time: 1 })));
    await settle();
    const [record] = await records();
    expect(record).toMatchObject({
      category: 'answer',
      meaning: 'meaning_answer_error',
      tabId: TAB,
      host: 'chatgpt.com',
      path: '/backend-api/f/conversation',
      status: 200,
      error: 'Something went wrong while generating the response.',
      ids: { cfRay: '8f1e2d3c4b5a6978-SJC' },
    });
    // The time is the background's, not the page's claim.
    expect(record!.time).toBeGreaterThan(1_700_000_000_000);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('1');
  });

  it('a stream that stopped halfway has its own meaning', async () => {
    await start();
    dispatch(JSON.stringify(report({ kind: 'stopped', text: 'The answer stream ended before it was complete.' })));
    await settle();
    expect((await records())[0]).toMatchObject({ category: 'answer', meaning: 'meaning_answer_stopped' });
  });

  it('drops whatever the page dispatches that is not a report: nothing is sent, nothing recorded', async () => {
    await start();
    const hostile: unknown[] = [
      report(), // an object, not the JSON string the observer sends
      'not json',
      JSON.stringify({ ...report(), extra: 'field' }),
      JSON.stringify(report({ kind: 'other' as never })),
      JSON.stringify(report({ path: '/backend-api/f/conversation?token=SECRET' })),
      JSON.stringify(report({ path: 'https://evil.example/' })),
      JSON.stringify(report({ text: 'x'.repeat(201) })),
      JSON.stringify(report({ ids: { cfRay: '<script>', xRequestId: null, oaiRequestId: null } })),
      JSON.stringify(report({ faults: -1 })),
      JSON.stringify({ ...report(), text: 'y'.repeat(1900) }),
      `${JSON.stringify(report())}${' '.repeat(3000)}`,
      null,
      42,
    ];
    for (const detail of hostile) dispatch(detail);
    await settle();
    expect(sent).toBe(0);
    expect(await records()).toEqual([]);
    // Refused by the checks, not by the rate limit: a valid report right after still goes through.
    dispatch(JSON.stringify(report()));
    await settle();
    expect(sent).toBe(1);
  });

  it('passes on at most a few a second: a flood of valid reports sends three', async () => {
    await start();
    for (let i = 0; i < 100; i++) dispatch(JSON.stringify(report()));
    await settle();
    expect(sent).toBe(3);
    expect(await records()).toHaveLength(3);
  });

  it('when the setting is off, the relay drops everything and tells the observer to stop', async () => {
    const off = vi.fn();
    window.addEventListener(ANSWER_CONFIG_EVENT, (e) => off((e as CustomEvent).detail));
    await start({ answerErrors: false });
    expect(off).toHaveBeenCalledWith('off');
    dispatch(JSON.stringify(report()));
    await settle();
    expect(sent).toBe(0);
    expect(await records()).toEqual([]);
  });

  it('the background checks again: a report from a tab that is not ChatGPT, or not a report, is refused', async () => {
    await start();
    const ask = (params: unknown, from: typeof sender) =>
      new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ edr: 1, type: 'answer/failure', params }, from as never, resolve));
    expect(await ask({ report: report() }, { tab: { id: 3 }, url: 'https://control-site.test/' } as never)).toEqual({ ok: true, value: { recorded: false } });
    expect(await ask({ report: { ...report(), text: 'z'.repeat(500) } }, sender)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // No report at all is refused before the handler, by the request's parameter check.
    expect(await ask({}, sender)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await settle();
    expect(await records()).toEqual([]);
  });

  it('a web page may send only this request: clearing the log from ChatGPT’s tab is forbidden', async () => {
    await start();
    const reply = await new Promise(
      (resolve) => void fakeBrowser.runtime.onMessage.trigger({ edr: 1, type: 'log/clear', params: {} }, sender as never, resolve),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
