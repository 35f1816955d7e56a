import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeNotifications } from '../support/fakes/notifications';
import { installFakeWebRequest } from '../support/fakes/web-request';

/**
 * The real background over fakeBrowser with fake alarms, notifications and webRequest, and a
 * scripted status page behind a stubbed fetch: failures, the monitor's alarm, alerts and clicks.
 */
const fixture = (name: string) => readFileSync(`test/fixtures/status/${name}.json`, 'utf8');
let summary = fixture('operational');
let statusFails = false;

function stubFetch() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (statusFails) return new Response('<html>oops</html>', { status: 502, headers: { 'content-type': 'text/html' } });
      if (url.endsWith('/api/v2/summary.json')) return new Response(summary, { headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/api/v2/components.json')) return new Response(fixture('components'), { headers: { 'content-type': 'application/json' } });
      return new Response('ok', { status: 200, headers: { 'content-type': 'text/plain' } });
    }),
  );
}

async function settle() {
  for (let i = 0; i < 60; i++) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 50));
}

async function start() {
  vi.resetModules();
  const web = installFakeWebRequest();
  const notes = installFakeNotifications();
  await import('../../src/background/index');
  return { web, notes };
}

async function stored<T = unknown>(key: string): Promise<T> {
  return (await fakeBrowser.storage.local.get(key))[key] as T;
}

async function fireAlarm(name: string) {
  await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now(), persistAcrossSessions: false } as Parameters<
    typeof fakeBrowser.alarms.onAlarm.trigger
  >[0]);
  await settle();
}

describe('monitor and alerts over fakeBrowser', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    summary = fixture('operational');
    statusFails = false;
    stubFetch();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('three 500s in a tab: one failure notification pointing at the panel; a success: recovery', async () => {
    const { web, notes } = await start();
    for (let i = 0; i < 3; i++) web.request('https://chatgpt.com/backend-api/f/conversation', { status: 500, method: 'POST', tabId: 4 });
    await settle();
    expect(notes.created.map((n) => n.options.title)).toEqual(['ChatGPT keeps failing']);
    expect(notes.created[0]!.options).toMatchObject({ type: 'basic', message: '3 requests failed in a row within 2 min. Click to see what failed and why.' });
    const alerts = await stored<Array<{ kind: string; target: string; shown: boolean }>>('alerts');
    expect(alerts).toEqual([expect.objectContaining({ kind: 'failures', target: 'src/devtools/panel.html?tabId=4', shown: true })]);

    // Clicking opens the panel for that tab and clears the notification.
    notes.click(notes.created[0]!.id);
    await settle();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('src/devtools/panel.html?tabId=4'));
    expect(notes.cleared).toEqual([notes.created[0]!.id]);

    // A fourth failure is the same outage: no new notification.
    web.request('https://chatgpt.com/backend-api/f/conversation', { status: 500, tabId: 4 });
    await settle();
    expect(notes.created).toHaveLength(1);

    web.request('https://chatgpt.com/backend-api/conversations', { status: 200, tabId: 4 });
    await settle();
    expect(notes.created.map((n) => n.options.title)).toEqual(['ChatGPT keeps failing', 'ChatGPT is working again']);
  });

  it('telemetry, blocked requests and requests from no tab never raise the failure alert', async () => {
    const { web, notes } = await start();
    for (let i = 0; i < 5; i++) {
      web.request('https://chatgpt.com/ces/v1/t', { status: 500, tabId: 4 });
      web.request('https://chatgpt.com/backend-api/f/conversation', { error: 'net::ERR_BLOCKED_BY_CLIENT', tabId: 4 });
      web.request('https://chatgpt.com/backend-api/f/conversation', { status: 500, tabId: -1 });
    }
    await settle();
    expect(notes.created).toEqual([]);
  });

  it('the monitor alarm: operational → major raises the incident alert and the "!" badge; back raises recovery', async () => {
    const { web, notes } = await start();
    // A ChatGPT tab made a request, so the monitor is not paused.
    web.request('https://chatgpt.com/backend-api/me', { status: 200, tabId: 2 });
    await settle();
    await fireAlarm('status-monitor');
    expect(await stored('status')).toMatchObject({ state: 'known', indicator: 'none' });
    expect(notes.created).toEqual([]);
    const armed = await fakeBrowser.alarms.get('status-monitor');
    expect(armed?.scheduledTime).toBeGreaterThan(Date.now() + 4 * 60_000);

    summary = fixture('major');
    await fireAlarm('status-monitor');
    expect(notes.created.map((n) => n.options.message)).toEqual([
      'Elevated error rates in ChatGPT (Partial System Outage). Retrying will not help until it is fixed; click for what you can do.',
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('Error Doctor: OpenAI incident: Elevated error rates in ChatGPT');

    summary = fixture('operational');
    await fireAlarm('status-monitor');
    expect(notes.created.map((n) => n.options.title)).toEqual(['OpenAI reports an incident affecting ChatGPT', 'ChatGPT is working again']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('the global "!" does not replace a tab\'s failure count', async () => {
    const { web } = await start();
    web.request('https://chatgpt.com/backend-api/f/conversation', { status: 500, tabId: 9 });
    summary = fixture('major');
    await settle();
    await fireAlarm('status-monitor');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('1');
  });

  it('ChatGPT failing in one tab shows on every other tab\'s icon (the global badge and title); an incident\'s "!" wins', async () => {
    const { web } = await start();
    web.request('https://chatgpt.com/backend-api/f/conversation', { status: 500, tabId: 9 });
    web.request('https://chatgpt.com/backend-api/models', { status: 502, tabId: 9 });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe('Error Doctor: ChatGPT failed 2 times in the last 10 minutes. Click for whose fault it is.');
    summary = fixture('major');
    await fireAlarm('status-monitor');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    summary = fixture('operational');
    await fireAlarm('status-monitor');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('an unreadable status page backs off and keeps the error count in storage; success resets it', async () => {
    const { web } = await start();
    web.request('https://chatgpt.com/backend-api/me', { status: 200, tabId: 2 });
    await settle();
    statusFails = true;
    await fireAlarm('status-monitor');
    await fireAlarm('status-monitor');
    expect(await stored('monitor')).toMatchObject({ errors: 2, mode: 'backoff' });
    expect(await stored('status')).toMatchObject({ state: 'unknown', reason: 'http' });
    const next = (await fakeBrowser.alarms.get('status-monitor'))!.scheduledTime - Date.now();
    expect(next).toBeGreaterThanOrEqual(29_000);
    expect(next).toBeLessThanOrEqual(2 * 60_000 + 1000);
    statusFails = false;
    await fireAlarm('status-monitor');
    expect(await stored('monitor')).toMatchObject({ errors: 0, mode: 'normal' });
  });

  it('no ChatGPT tab seen: the monitor pauses without fetching; a ChatGPT request wakes it', async () => {
    const { web } = await start();
    await fireAlarm('status-monitor');
    expect(await stored('monitor')).toMatchObject({ mode: 'paused', nextAt: null });
    expect(await stored('status')).toBeUndefined();
    web.request('https://chatgpt.com/backend-api/me', { status: 200, tabId: 2 });
    await settle();
    expect(await stored('status')).toMatchObject({ state: 'known' });
    expect(await stored('monitor')).toMatchObject({ mode: 'normal' });
  });

  it('failures switch the monitor to one-minute polling', async () => {
    const { web } = await start();
    web.request('https://chatgpt.com/backend-api/me', { status: 200, tabId: 2 });
    await settle();
    await fireAlarm('status-monitor');
    web.request('https://chatgpt.com/backend-api/f/conversation', { status: 502, tabId: 2 });
    await settle();
    const next = (await fakeBrowser.alarms.get('status-monitor'))!.scheduledTime - Date.now();
    expect(next).toBeLessThanOrEqual(61_000);
    expect(await stored('monitor')).toMatchObject({ mode: 'fast' });
  });

  it('a notification the browser refuses is recorded with the reason, not thrown', async () => {
    const { web, notes } = await start();
    notes.failNext('Notifications are blocked');
    for (let i = 0; i < 3; i++) web.request('https://chatgpt.com/backend-api/f/conversation', { status: 500, tabId: 4 });
    await settle();
    expect(await stored('alerts')).toEqual([expect.objectContaining({ kind: 'failures', shown: false, error: 'Notifications are blocked' })]);
  });

  it('a burst of 200 failures costs a handful of monitor and alert-state writes, not 200', async () => {
    const { web } = await start();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    for (let i = 0; i < 200; i++) web.request('https://chatgpt.com/backend-api/f/conversation', { status: 500, tabId: 4 });
    await settle();
    const writesOf = (key: string) => set.mock.calls.filter(([items]) => key in (items as object)).length;
    expect(writesOf('alertState')).toBeLessThanOrEqual(3);
    expect(writesOf('monitor')).toBeLessThanOrEqual(3);
    expect(writesOf('alerts')).toBe(1);
  });

  it('a worker restart keeps an armed alarm (no re-rolled jitter); saved settings re-arm it', async () => {
    const { web } = await start();
    web.request('https://chatgpt.com/backend-api/me', { status: 200, tabId: 2 });
    await settle();
    await fireAlarm('status-monitor');
    const armed = (await fakeBrowser.alarms.get('status-monitor'))!.scheduledTime;
    // The worker starts again over the same storage and alarms.
    vi.resetModules();
    await import('../../src/background/index');
    await settle();
    expect((await fakeBrowser.alarms.get('status-monitor'))!.scheduledTime).toBe(armed);

    const reply = await fakeBrowser.runtime.sendMessage({ edr: 1, type: 'settings/save', params: { settings: { pollMinutes: 15 } } });
    expect(reply).toMatchObject({ ok: true, value: { errors: {}, settings: { pollMinutes: 15 } } });
    await settle();
    const state = await stored<{ lastCheckAt: number }>('monitor');
    expect((await fakeBrowser.alarms.get('status-monitor'))!.scheduledTime).toBe(state.lastCheckAt + 15 * 60_000);
  });

  it('settings/save refuses bad values with their keys and stores nothing', async () => {
    await start();
    const reply = await fakeBrowser.runtime.sendMessage({ edr: 1, type: 'settings/save', params: { settings: { pollMinutes: 0, alternatives: 'x' } } });
    expect(reply).toEqual({
      ok: true,
      value: { settings: null, errors: { pollMinutes: 'options_invalid_pollMinutes', alternatives: 'options_invalid_alternatives' } },
    });
    expect(await stored('settings')).toBeUndefined();
  });

  it('the probe alarm appends an outcome with its latency', async () => {
    await start();
    await fireAlarm('reachability-probe');
    expect(await stored('probe')).toEqual([expect.objectContaining({ ok: true, status: 200, error: null })]);
  });
});
