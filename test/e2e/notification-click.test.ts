import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../src/contract/alerts';
import { BROWSERS, browserFixture, waitFor, type FixtureSetup } from '../support/driver';
import { majorIncidentStatus, operationalStatus } from '../support/fake-status';
import { failure } from '../support/fake-world';
import { sendFrom } from '../support/recorder-checks';
import { startNotificationServer, type NotificationServer } from '../support/system-notifications';
import { rowTexts } from '../support/ui-checks';

/**
 * A click on a notification, the whole way, in real Chromium and Firefox: the extension's alert
 * goes to the desktop's notification server over D-Bus (faked on a private bus,
 * test/support/system-notifications.ts; Firefox through libnotify with `alerts.useSystemBackend`),
 * the server sends the click back as a desktop does (ActionInvoked, "default"), and the browser
 * delivers it to notifications.onClicked. The background is stopped before each click: a click
 * comes long after the alert, and the browser must start the worker (event page) for it.
 */
describe.each(BROWSERS)('a click on an alert notification opens its page (%s, through D-Bus)', (name) => {
  let server: NotificationServer;
  const setup: FixtureSetup = { chat: true, firefoxPrefs: { 'alerts.useSystemBackend': true }, prepare: (world) => world.setStatus(operationalStatus()) };
  // Registered before the fixture's own beforeAll, so the browser starts with the bus to talk to.
  beforeAll(async () => {
    server = await startNotificationServer();
    setup.env = server.env;
  });
  afterAll(() => server?.close());
  const t = browserFixture(name, setup);
  const alerts = async () => ((await t.driver().storage(['alerts'])).alerts ?? []) as AlertRecord[];
  const shownAs = (summary: string) => waitFor(() => server.shown.find((n) => n.summary === summary), { what: `the notification "${summary}" on the desktop` });

  it('three 500s in a row: the alert reaches the desktop; its click, after a worker stop, opens the panel of that tab and clears it', async () => {
    t.world().route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    for (let i = 0; i < 3; i++) expect(await sendFrom(t.chat(), '/backend-api/f/conversation')).toBe(500);
    const shown = await shownAs('ChatGPT keeps failing');
    expect(shown.body).toContain('3 requests failed in a row within 2 min');
    // Both browsers offer the body click as the "default" action.
    expect(shown.actions).toContain('default');
    const alert = (await alerts()).find((a) => a.kind === 'failures');
    expect(alert).toMatchObject({ shown: true, target: `src/devtools/panel.html?tabId=${t.tabId()}` });

    await t.driver().stopBackground();
    expect(await t.driver().backgroundRunning()).toBe(false);
    const opened = t.driver().waitForPage(`src/devtools/panel.html?tabId=${t.tabId()}`);
    server.click(shown.id);
    const panel = await opened;
    // The panel of that tab, with its failures listed.
    await panel.waitForSelector('tr.failure-row', { timeout: 10_000 });
    expect(await panel.$eval('.scope', (el) => el.getAttribute('title'))).toBe(`Tab ${t.tabId()}`);
    expect((await rowTexts(panel)).every((row) => row.includes('/backend-api/f/conversation'))).toBe(true);
    // The extension clears the notification it acted on: Chromium closes it on the desktop.
    await waitFor(() => shown.closed, { what: 'the clicked notification to be closed' });
    expect(await panel.errors()).toEqual([]);
  });

  it("an incident's alert opens the troubleshooter", async () => {
    t.world().setStatus(majorIncidentStatus('Elevated error rates in ChatGPT'));
    expect(await t.driver().call('monitor/tick')).toMatchObject({ ok: true });
    const shown = await shownAs('OpenAI reports an incident affecting ChatGPT');
    expect(shown.body).toContain('Elevated error rates in ChatGPT');

    await t.driver().stopBackground();
    const opened = t.driver().waitForPage('src/pages/troubleshooter.html');
    server.click(shown.id);
    const page = await opened;
    await page.waitForFunction(() => document.querySelector('h1') !== null, { timeout: 10_000 });
    await waitFor(() => shown.closed, { what: 'the clicked notification to be closed' });
    expect(await page.errors()).toEqual([]);
  });

  it('a click on a notification that is not ours opens nothing (the check can fail)', async () => {
    // Counted by the extension API: BiDi does not see every tab Firefox opens for an extension.
    const tabs = () => t.driver().ext(async (api) => (await api.tabs.query({})).map((tab) => tab.url ?? ''));
    const before = await tabs();
    // Another extension's, or a web page's, id reaches the same server: ours ignores it.
    const id = await t
      .driver()
      .ext((api) => api.notifications.create('someone-else', { type: 'basic', iconUrl: 'icons/icon-48.png', title: 'Not ours', message: 'x' }));
    expect(id).toBe('someone-else');
    const shown = await shownAs('Not ours');
    server.click(shown.id);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await tabs()).toEqual(before);
  });
});
