import type { Page } from 'puppeteer-core';
import type { AlertRecord } from '../../../src/contract/alerts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { majorIncidentStatus, operationalStatus } from '../../support/fake-status';
import { launchFirefox, waitFor, type FirefoxSession } from '../../support/firefox';
import { sendFrom } from '../../support/recorder-checks';

/** What the background stores for each notification it shows. */
type StoredAlert = AlertRecord;
type NotificationEvent = { addListener(l: (id: string) => void): void };
type Apis = { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> }; notifications: { onShown: NotificationEvent; onClosed: NotificationEvent } }; edrSeen?: string[] };

/**
 * The same alerts in Firefox ESR, whose notifications are basic only (no buttons): each alert must
 * be created through the real notifications API (create resolved, `shown: true`) and land in the
 * history. Headless Firefox has no system alert service, so a created notification is closed at
 * once and browser.notifications.getAll() is empty there; the test instead waits for the API's
 * own onShown/onClosed event for that notification id, seen from an extension page.
 */
describe('status monitor and alerts in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let chat: Page;
  let tabId: number;
  const call = (type: string) => session.inExtension((t) => (globalThis as unknown as Apis).browser.runtime.sendMessage({ edr: 1, type: t, params: {} }), type);
  const alerts = async () => ((await session.storage(['alerts'])).alerts ?? []) as StoredAlert[];
  /** Ids the notifications API reported shown or closed, seen from an extension page. */
  const seen = () => session.inExtension(() => (globalThis as unknown as Apis).edrSeen ?? [], null);

  beforeAll(async () => {
    world = await startFakeWorld();
    world.setStatus(operationalStatus());
    session = await launchFirefox(world);
    chat = await session.browser.newPage();
    await chat.goto('https://chatgpt.com/');
    tabId = await session.tabIdOf('https://chatgpt.com/*');
    await session.inExtension(() => {
      const g = globalThis as unknown as Apis;
      g.edrSeen = [];
      g.browser.notifications.onShown.addListener((id) => g.edrSeen!.push(id));
      g.browser.notifications.onClosed.addListener((id) => g.edrSeen!.push(id));
    }, null);
  });
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('operational → major → operational: incident then recovery, as real notifications', async () => {
    expect(await call('monitor/tick')).toMatchObject({ ok: true, value: { snapshot: { state: 'known', indicator: 'none' } } });
    world.setStatus(majorIncidentStatus('Elevated error rates in ChatGPT'));
    await call('monitor/tick');
    const incident = await waitFor(async () => (await alerts()).find((a) => a.kind === 'incident'), { what: 'the incident alert' });
    expect(incident).toMatchObject({ shown: true, title: 'OpenAI reports an incident affecting ChatGPT' });
    await waitFor(async () => (await seen()).includes(incident.id), { what: 'the notifications API to report the incident notification' });

    world.setStatus(operationalStatus());
    await call('monitor/tick');
    const recovery = await waitFor(async () => (await alerts()).find((a) => a.kind === 'recovery'), { what: 'the recovery alert' });
    expect(recovery).toMatchObject({ shown: true, message: 'OpenAI reports the incident affecting ChatGPT as resolved.' });
  });

  it('three consecutive 500s: the failure alert for that tab', async () => {
    world.route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    for (let i = 0; i < 3; i++) expect(await sendFrom(chat, '/backend-api/f/conversation')).toBe(500);
    const alert = await waitFor(async () => (await alerts()).find((a) => a.kind === 'failures'), { what: 'the failure alert' });
    expect(alert).toMatchObject({ shown: true, title: 'ChatGPT keeps failing', target: `src/devtools/panel.html?tabId=${tabId}` });
    await waitFor(async () => (await seen()).includes(alert.id), { what: 'the notifications API to report the failure notification' });
  });
});
