import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../src/contract/alerts';
import { BROWSERS, browserFixture, waitFor } from '../support/driver';
import { majorIncidentStatus, operationalStatus } from '../support/fake-status';
import { failure } from '../support/fake-world';
import { sendFrom } from '../support/recorder-checks';

/**
 * The monitor and its alerts in each browser: the status page turns major and back, ChatGPT
 * answers 500 three times. Each alert must be a real notification and be written to the alert
 * history. Chrome's alarms fire at most every 30 s, so the test asks for a tick through the
 * 'monitor/tick' request instead of waiting.
 *
 * "A real notification": Chromium lists it in notifications.getAll(). Firefox's notifications are
 * basic only, and headless Firefox with no notification server on D-Bus (this test has none;
 * test/e2e/notification-click.test.ts has one) closes a created notification at once, so getAll()
 * is empty there; the test waits for the API's own onShown/onClosed event for that id instead
 * (Chrome has no onShown), seen from an extension page.
 */
type Seen = { edrSeen?: string[] };

describe.each(BROWSERS)('status monitor and alerts in %s', (name) => {
  const t = browserFixture(name, { chat: true, prepare: (world) => world.setStatus(operationalStatus()) });
  const driver = () => t.driver();
  const alerts = async () => ((await driver().storage(['alerts'])).alerts ?? []) as AlertRecord[];
  const badge = (tabId?: number) => driver().ext((api, id) => api.action.getBadgeText(id === null ? {} : { tabId: id }), tabId ?? null);
  const tick = () => driver().call('monitor/tick');
  /** Whether the notifications API shows (Chromium) or reported (Firefox) the notification `id`. */
  const notified = async (id: string) =>
    name === 'chromium'
      ? Object.keys(await driver().ext((api) => api.notifications.getAll())).includes(id)
      : (await driver().ext(() => (globalThis as unknown as Seen).edrSeen ?? [])).includes(id);

  beforeAll(async () => {
    if (name === 'firefox') {
      await driver().ext((api) => {
        const g = globalThis as unknown as Seen;
        g.edrSeen = [];
        api.notifications.onShown.addListener((id) => g.edrSeen!.push(id));
        api.notifications.onClosed.addListener((id) => g.edrSeen!.push(id));
      });
    }
  });

  it('operational → major: the incident alert and the "!" badge; → operational: the recovery alert', async () => {
    const world = t.world();
    expect(await tick()).toMatchObject({ ok: true, value: { state: { mode: 'normal', errors: 0 }, snapshot: { state: 'known', indicator: 'none' } } });
    expect(await alerts()).toEqual([]);

    world.setStatus(majorIncidentStatus('Elevated error rates in ChatGPT'));
    expect(await tick()).toMatchObject({ ok: true, value: { snapshot: { indicator: 'major' } } });
    const incident = await waitFor(async () => (await alerts()).find((a) => a.kind === 'incident'), { what: 'the incident alert' });
    expect(incident).toMatchObject({ shown: true, title: 'OpenAI reports an incident affecting ChatGPT', target: 'src/pages/troubleshooter.html' });
    expect(incident.message).toContain('Elevated error rates in ChatGPT');
    await waitFor(() => notified(incident.id), { what: 'the incident notification' });
    expect(await waitFor(async () => ((await badge()) === '!' ? 'yes' : ''), { what: 'the incident badge' })).toBe('yes');

    world.setStatus(operationalStatus());
    await tick();
    const recovery = await waitFor(async () => (await alerts()).find((a) => a.kind === 'recovery'), { what: 'the recovery alert' });
    expect(recovery).toMatchObject({ shown: true, title: 'ChatGPT is working again', message: 'OpenAI reports the incident affecting ChatGPT as resolved.' });
    await waitFor(() => notified(recovery.id), { what: 'the recovery notification' });
    expect(await waitFor(async () => ((await badge()) === '' ? 'cleared' : ''), { what: 'the badge to clear' })).toBe('cleared');
  });

  it('three consecutive 500s from ChatGPT: the failure alert, pointing at the panel of that tab', async () => {
    const world = t.world();
    world.route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    for (let i = 0; i < 3; i++) expect(await sendFrom(t.chat(), '/backend-api/f/conversation')).toBe(500);
    const alert = await waitFor(async () => (await alerts()).find((a) => a.kind === 'failures'), { what: 'the failure alert' });
    expect(alert).toMatchObject({ shown: true, title: 'ChatGPT keeps failing', target: `src/devtools/panel.html?tabId=${t.tabId()}` });
    expect(alert.message).toContain('3 requests failed in a row within 2 min');
    await waitFor(() => notified(alert.id), { what: 'the failure notification' });
    // Failures switch the monitor to one-minute polling.
    expect((await driver().storage(['monitor'])).monitor).toMatchObject({ mode: 'fast' });

    // An incident now: the global "!" shows, and this tab keeps its own failure count.
    world.setStatus(majorIncidentStatus('Second incident'));
    await tick();
    expect(await waitFor(async () => ((await badge()) === '!' ? 'yes' : ''), { what: 'the incident badge' })).toBe('yes');
    expect(await badge(t.tabId())).toMatch(/^\d+$/);
    world.setStatus(operationalStatus());
    await tick();

    world.clearRoutes();
    expect(await sendFrom(t.chat(), '/backend-api/f/conversation')).toBe(200);
    const recovery = await waitFor(
      async () => (await alerts()).find((a) => a.kind === 'recovery' && a.message === 'Requests to ChatGPT succeed again after the failures.'),
      { what: 'the request recovery alert' },
    );
    expect(recovery.shown).toBe(true);
  });

  it('options page: a bad value is refused with its message; a good one is saved through the background', async () => {
    const page = await driver().open('src/pages/options.html');
    await page.waitForSelector('#f-pollMinutes');
    const type = (value: string) =>
      page.$eval(
        '#f-pollMinutes',
        (el, v) => {
          const input = el as HTMLInputElement;
          input.value = v;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        value,
      );
    await type('0');
    await page.click('#options-save');
    await page.waitForSelector('#pollMinutes-error', { timeout: 5000 });
    expect(await page.$eval('#pollMinutes-error', (el) => el.textContent)).toBe('Enter a whole number of minutes from 1 to 60.');
    expect(await page.$eval('#f-pollMinutes', (el) => el.getAttribute('aria-invalid'))).toBe('true');

    await type('7');
    await page.click('#options-save');
    const saved = await waitFor(async () => ((await driver().storage(['settings'])).settings as { pollMinutes?: number } | undefined)?.pollMinutes === 7, {
      what: 'the saved settings',
    });
    expect(saved).toBe(true);
    expect(await page.$('#pollMinutes-error')).toBeNull();
    expect(((await driver().storage(['settings'])).settings as { version: number }).version).toBe(2);

    // The reachability probe, run from the page: a real request to the fake chatgpt.com, charted.
    const probeButton = await page.$$eval('.probe-history button', (buttons) => buttons.findIndex((b) => b.textContent === 'Probe now'));
    expect(probeButton).toBe(0);
    await page.click('.probe-history button');
    await page.waitForSelector('.probe-bar.probe-ok', { timeout: 10_000 });
    const probes = (await driver().storage(['probe'])).probe as Array<{ ok: boolean; status: number; latencyMs: number }>;
    expect(probes).toEqual([expect.objectContaining({ ok: true, status: 200 })]);
    expect(probes[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(t.world().requests.some((r) => r.host === 'chatgpt.com' && r.path === '/cdn-cgi/trace' && r.cookie === '')).toBe(true);
    expect(await page.$eval('.probe-summary tbody tr', (tr) => tr.textContent)).toContain('100 %');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
