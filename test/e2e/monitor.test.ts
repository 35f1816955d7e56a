import type { Page } from 'puppeteer-core';
import type { AlertRecord } from '../../src/contract/alerts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitFor, type ChromiumSession } from '../support/chromium';
import { majorIncidentStatus, operationalStatus } from '../support/fake-status';
import { failure, startFakeWorld, type FakeWorld } from '../support/fake-world';
import { sendFrom } from '../support/recorder-checks';

/** What the background stores for each notification it shows. */
type StoredAlert = AlertRecord;
type ChromeApis = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> }; notifications: { getAll(): Promise<Record<string, boolean>> }; tabs: { query(q: object): Promise<Array<{ id: number }>> }; action: { getBadgeText(d: object): Promise<string> } } };

/**
 * The monitor and its alerts in real Chromium: the status page turns major and back, ChatGPT
 * answers 500 three times. Each alert must be a real notification (chrome.notifications.getAll)
 * and be written to the alert history. Alarms fire at most every 30 s, so the test asks for a
 * tick through the 'monitor/tick' request instead of waiting.
 */
describe('status monitor and alerts in Chromium', () => {
  let world: FakeWorld;
  let session: ChromiumSession;
  let ext: Page;
  let chat: Page;
  let tabId: number;

  const call = (type: string, params: object = {}) => ext.evaluate((t, p) => (globalThis as unknown as ChromeApis).chrome.runtime.sendMessage({ edr: 1, type: t, params: p }), type, params) as Promise<{ ok: boolean; value: unknown }>;
  const alerts = async () => ((await session.storage(['alerts'])).alerts ?? []) as StoredAlert[];
  const liveNotifications = () => ext.evaluate(() => (globalThis as unknown as ChromeApis).chrome.notifications.getAll());
  const badge = () => ext.evaluate(() => (globalThis as unknown as ChromeApis).chrome.action.getBadgeText({}));

  beforeAll(async () => {
    world = await startFakeWorld();
    world.setStatus(operationalStatus());
    session = await launchChromium(world);
    chat = await session.browser.newPage();
    await chat.goto('https://chatgpt.com/');
    ext = await session.openExtensionPage('src/pages/options.html');
    tabId = await waitFor(async () => (await ext.evaluate(() => (globalThis as unknown as ChromeApis).chrome.tabs.query({ url: 'https://chatgpt.com/*' })))[0]?.id, { what: 'the ChatGPT tab' });
  });
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('operational → major: the incident alert and the "!" badge; → operational: the recovery alert', async () => {
    const first = await call('monitor/tick');
    expect(first).toMatchObject({ ok: true, value: { state: { mode: 'normal', errors: 0 }, snapshot: { state: 'known', indicator: 'none' } } });
    expect(await alerts()).toEqual([]);

    world.setStatus(majorIncidentStatus('Elevated error rates in ChatGPT'));
    expect(await call('monitor/tick')).toMatchObject({ ok: true, value: { snapshot: { indicator: 'major' } } });
    const incident = await waitFor(async () => (await alerts()).find((a) => a.kind === 'incident'), { what: 'the incident alert' });
    expect(incident).toMatchObject({ shown: true, title: 'OpenAI reports an incident affecting ChatGPT', target: 'src/pages/troubleshooter.html' });
    expect(incident.message).toContain('Elevated error rates in ChatGPT');
    expect(Object.keys(await liveNotifications())).toContain(incident.id);
    expect(await waitFor(async () => ((await badge()) === '!' ? 'yes' : ''), { what: 'the incident badge' })).toBe('yes');

    world.setStatus(operationalStatus());
    await call('monitor/tick');
    const recovery = await waitFor(async () => (await alerts()).find((a) => a.kind === 'recovery'), { what: 'the recovery alert' });
    expect(recovery).toMatchObject({ shown: true, title: 'ChatGPT is working again', message: 'OpenAI reports the incident affecting ChatGPT as resolved.' });
    expect(Object.keys(await liveNotifications())).toContain(recovery.id);
    expect(await waitFor(async () => ((await badge()) === '' ? 'cleared' : ''), { what: 'the badge to clear' })).toBe('cleared');
  });

  it('three consecutive 500s from ChatGPT: the failure alert, pointing at the panel of that tab', async () => {
    world.route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    for (let i = 0; i < 3; i++) expect(await sendFrom(chat, '/backend-api/f/conversation')).toBe(500);
    const alert = await waitFor(async () => (await alerts()).find((a) => a.kind === 'failures'), { what: 'the failure alert' });
    expect(alert).toMatchObject({ shown: true, title: 'ChatGPT keeps failing', target: `src/devtools/panel.html?tabId=${tabId}` });
    expect(alert.message).toContain('3 requests failed in a row within 2 min');
    expect(Object.keys(await liveNotifications())).toContain(alert.id);
    // Failures switch the monitor to one-minute polling.
    expect((await session.storage(['monitor'])).monitor).toMatchObject({ mode: 'fast' });

    // An incident now: the global "!" shows, and this tab keeps its own failure count.
    world.setStatus(majorIncidentStatus('Second incident'));
    await call('monitor/tick');
    expect(await waitFor(async () => ((await badge()) === '!' ? 'yes' : ''), { what: 'the incident badge' })).toBe('yes');
    const tabBadge = await ext.evaluate((id) => (globalThis as unknown as ChromeApis).chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(tabBadge).toMatch(/^\d+$/);
    world.setStatus(operationalStatus());
    await call('monitor/tick');

    world.clearRoutes();
    expect(await sendFrom(chat, '/backend-api/f/conversation')).toBe(200);
    const recovery = await waitFor(async () => (await alerts()).find((a) => a.kind === 'recovery' && a.message === 'Requests to ChatGPT succeed again after the failures.'), { what: 'the request recovery alert' });
    expect(recovery.shown).toBe(true);
  });

  it('options page: a bad value is refused with its message; a good one is saved through the background', async () => {
    const page = await session.openExtensionPage('src/pages/options.html');
    await page.waitForSelector('#f-pollMinutes');
    await page.$eval('#f-pollMinutes', (el) => {
      const input = el as HTMLInputElement;
      input.value = '0';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('#options-save');
    await page.waitForSelector('#pollMinutes-error', { timeout: 5000 });
    expect(await page.$eval('#pollMinutes-error', (el) => el.textContent)).toBe('Enter a whole number of minutes from 1 to 60.');
    expect(await page.$eval('#f-pollMinutes', (el) => el.getAttribute('aria-invalid'))).toBe('true');

    await page.$eval('#f-pollMinutes', (el) => {
      const input = el as HTMLInputElement;
      input.value = '7';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('#options-save');
    const saved = await waitFor(async () => ((await session.storage(['settings'])).settings as { pollMinutes?: number } | undefined)?.pollMinutes === 7, { what: 'the saved settings' });
    expect(saved).toBe(true);
    expect(await page.$('#pollMinutes-error')).toBeNull();
    expect(((await session.storage(['settings'])).settings as { version: number }).version).toBe(2);

    // The reachability probe, run from the page: a real request to the fake chatgpt.com, charted.
    const probeButton = await page.$$eval('.probe-history button', (buttons) => buttons.findIndex((b) => b.textContent === 'Probe now'));
    expect(probeButton).toBe(0);
    await page.click('.probe-history button');
    await page.waitForSelector('.probe-bar.probe-ok', { timeout: 10_000 });
    const probes = (await session.storage(['probe'])).probe as Array<{ ok: boolean; status: number; latencyMs: number }>;
    expect(probes).toEqual([expect.objectContaining({ ok: true, status: 200 })]);
    expect(probes[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(world.requests.some((r) => r.host === 'chatgpt.com' && r.path === '/cdn-cgi/trace' && r.cookie === '')).toBe(true);
    expect(await page.$eval('.probe-summary tbody tr', (tr) => tr.textContent)).toContain('100 %');
    await page.close();
  });
});
