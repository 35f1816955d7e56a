import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { waitFor } from './chromium';
import type { FakeWorld } from './fake-world';
import { realResponse, realStatus } from './real-corpus';
import type { Driver } from './driver';
import { sendFrom, storedRecords, type StoredRecord } from './recorder-checks';

/**
 * Replays of the reality corpus (test/fixtures/real/) through the built extension, written once
 * and run in Chromium and Firefox by test/e2e/replay.test.ts (one driver, test/support/driver.ts).
 * Each replay gets a tab of its own, and the popup is opened for that tab, so one replay's
 * failures never colour another's verdict.
 */
export type ReplaySession = Driver;

export interface ReplayContext {
  world: FakeWorld;
  session: ReplaySession;
}

interface Seen {
  verdict: string;
  side: string;
  title: string;
  failures: string;
}

/** A new tab on `url` and its browser tab id. A failing page still loads (its error page shows). */
async function openTab(session: ReplaySession, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  await page.goto(url);
  return { page, tabId: await session.tabIdOf(`${url.replace(/[?#].*$/, '')}*`) };
}

async function recordFor(session: ReplaySession, host: string, path: string, count = 1): Promise<StoredRecord> {
  const found = await waitFor(
    async () => {
      const matching = (await storedRecords(session)).filter((r) => r.host === host && r.path === path);
      return matching.length >= count ? matching.at(-1) : undefined;
    },
    { what: `${count} record(s) of ${host}${path}` },
  );
  return found;
}

/** What the popup says for one tab: the verdict (cause, side, title) and the listed failures. */
export async function popupFor(session: ReplaySession, tabId: number, expectedCause?: string): Promise<Seen> {
  const popup = await session.open(`src/popup/index.html?tabId=${tabId}`);
  const selector = expectedCause ? `.verdict[data-cause="${expectedCause}"]` : '.verdict[data-cause]';
  await popup.waitForSelector(selector, { timeout: 10_000 }).catch(() => undefined);
  const seen = await popup.evaluate(() => {
    const verdict = document.querySelector<HTMLElement>('.verdict[data-cause]');
    return {
      verdict: verdict?.dataset.cause ?? '',
      side: [...(verdict?.classList ?? [])].find((c) => c.startsWith('side-'))?.slice(5) ?? '',
      title: document.querySelector('.verdict-title')?.textContent?.trim() ?? '',
      failures: document.querySelector('.failures')?.textContent ?? '',
    };
  });
  await popup.close();
  return seen;
}

/** cf-challenge-page.json on the page itself: named as a Cloudflare check with its ray; three in a row are a loop. */
export async function replayChallengeOnPage({ world, session }: ReplayContext): Promise<void> {
  world.route('chatgpt.com', '/replay/challenge', realResponse('cf-challenge-page.json'));
  const { page, tabId } = await openTab(session, 'https://chatgpt.com/replay/challenge');
  const record = await recordFor(session, 'chatgpt.com', '/replay/challenge');
  expect(record).toMatchObject({ status: 403, category: 'cloudflare', ids: { cfRay: '7bc5307aed96cb11-DUS' } });
  const once = await popupFor(session, tabId, 'cloudflare-check');
  expect(once).toMatchObject({ verdict: 'cloudflare-check', side: 'user' });
  expect(once.title).toContain('Cloudflare is asking this browser to prove it is a person');
  expect(once.failures).toContain('7bc5307aed96cb11-DUS');

  await page.reload();
  await page.reload();
  await recordFor(session, 'chatgpt.com', '/replay/challenge', 3);
  const loop = await popupFor(session, tabId);
  expect(loop.verdict).toBe('cloudflare-check');
  expect(loop.title).toContain('keeps asking');
  await page.close();
}

/**
 * A corpus file answering an API call from the app's page: cf-challenge-page.json is a Cloudflare
 * check (not an expired session), cf-block-api.json a Cloudflare page where JSON was expected.
 */
export async function replayOnApi({ world, session }: ReplayContext, file: string, cause: 'cloudflare-check' | 'cloudflare-page'): Promise<void> {
  const path = `/backend-api/replay-${cause}`;
  world.route('chatgpt.com', path, realResponse(file));
  const { page, tabId } = await openTab(session, `https://chatgpt.com/c/replay-${cause}`);
  expect(await sendFrom(page, path, 'POST')).toBe(403);
  expect(await recordFor(session, 'chatgpt.com', path)).toMatchObject({ category: 'cloudflare' });
  expect(await popupFor(session, tabId, cause)).toMatchObject({ verdict: cause, side: 'user' });
  await page.close();
}

/** cf-524-page.json and cf-502-page.json on the page itself: the page failed, OpenAI's side. */
export async function replayErrorPage(
  { world, session }: ReplayContext,
  file: 'cf-524-page.json' | 'cf-502-page.json',
  status: number,
  ray?: string,
): Promise<void> {
  const path = `/replay/${status}`;
  world.route('chatgpt.com', path, realResponse(file));
  const { page, tabId } = await openTab(session, `https://chatgpt.com${path}`);
  expect(await recordFor(session, 'chatgpt.com', path)).toMatchObject({ status, category: 'gateway' });
  const seen = await popupFor(session, tabId, 'page-failed');
  expect(seen).toMatchObject({ verdict: 'page-failed', side: 'openai' });
  expect(seen.title).toMatch(/page itself failed/);
  if (ray) expect(seen.failures).toContain(ray);
  await page.close();
}

/** signin-error-page.json on auth.openai.com: the sign-in service is failing. */
export async function replaySignInError({ world, session }: ReplayContext): Promise<void> {
  world.route('auth.openai.com', '/log-in', realResponse('signin-error-page.json'));
  const { page, tabId } = await openTab(session, 'https://auth.openai.com/log-in');
  expect(await recordFor(session, 'auth.openai.com', '/log-in')).toMatchObject({ status: 500, category: 'server' });
  const seen = await popupFor(session, tabId, 'signin-down');
  expect(seen).toMatchObject({ verdict: 'signin-down', side: 'openai' });
  expect(seen.title).toContain('sign-in service is failing');
  await page.close();
}

/**
 * chatgpt-api-headers.json: ChatGPT's real API headers. As captured (200) nothing is recorded;
 * the same headers on a 500 give the record both of its ids.
 */
export async function replayApiHeaders({ world, session }: ReplayContext): Promise<void> {
  world.route('chatgpt.com', '/backend-api/wham/usage', realResponse('chatgpt-api-headers.json'));
  world.route('chatgpt.com', '/backend-api/replay-500', realResponse('chatgpt-api-headers.json', { status: 500 }));
  const { page, tabId } = await openTab(session, 'https://chatgpt.com/c/replay-headers');
  expect(await sendFrom(page, '/backend-api/wham/usage', 'GET')).toBe(200);
  expect(await sendFrom(page, '/backend-api/replay-500', 'GET')).toBe(500);
  const record = await recordFor(session, 'chatgpt.com', '/backend-api/replay-500');
  expect(record).toMatchObject({ category: 'server', ids: { cfRay: '9cfd906fbddd14a7-LAX', xRequestId: null } });
  expect((record as unknown as { ids: { oaiRequestId: string } }).ids.oaiRequestId).toBe('52b06a95-66f0-4972-a85f-3f194f4cd9aa');
  expect((await storedRecords(session)).some((r) => r.path === '/backend-api/wham/usage')).toBe(false);
  expect((await popupFor(session, tabId)).failures).toContain('9cfd906fbddd14a7-LAX');
  await page.close();
}

/** Asks the background for a fresh status check, as the popup's "check now" does. */
async function checkStatusNow(session: ReplaySession): Promise<unknown> {
  return session.call('status/check', { force: true });
}

async function popupText(session: ReplaySession, tabId: number, selector: string): Promise<string> {
  const popup = await session.open(`src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector(selector, { timeout: 10_000 });
  const text = await popup.$eval('body', (b: Element) => b.textContent ?? '');
  await popup.close();
  return text;
}

/**
 * status/incident-missing-from-summary.json: summary.json carries no incident, the provider's own
 * JSON lists one; the popup names it, and ties the voice failures to the Voice mode component.
 */
export async function replayIncidentMissingFromSummary({ world, session }: ReplayContext): Promise<void> {
  world.setStatus(realStatus('incident-missing-from-summary.json'));
  world.route('chatgpt.com', '/realtime/wm', { status: 502, headers: { 'content-type': 'text/html' }, body: 'Bad gateway' });
  world.route('chatgpt.com', '/realtime/status', { status: 502, headers: { 'content-type': 'text/html' }, body: 'Bad gateway' });
  const reply = (await checkStatusNow(session)) as { ok: boolean; value: { incidents: Array<{ name: string }> } };
  expect(reply.value.incidents.map((i) => i.name)).toEqual(['Voice mode unavailable for some users']);
  const { page, tabId } = await openTab(session, 'https://chatgpt.com/c/replay-voice');
  expect(await sendFrom(page, '/realtime/wm', 'POST')).toBe(502);
  expect(await sendFrom(page, '/realtime/status', 'POST')).toBe(502);
  await recordFor(session, 'chatgpt.com', '/realtime/status');
  const text = await popupText(session, tabId, '.verdict[data-cause="openai-incident"]');
  expect(text).toContain('Voice mode unavailable for some users');
  expect(text).toContain('Voice mode is down (status page), and 2 of your failures are its requests.');
  await page.close();
}

/** status/maintenance.json: maintenance under way is shown as such, not as an outage. */
export async function replayMaintenance({ world, session }: ReplayContext): Promise<void> {
  world.setStatus(realStatus('maintenance.json'));
  const reply = (await checkStatusNow(session)) as {
    value: { indicator: string; incidents: unknown[]; maintenances: Array<{ name: string; status: string }> };
  };
  expect(reply.value).toMatchObject({
    indicator: 'none',
    incidents: [],
    maintenances: [{ name: 'Scheduled database maintenance for Conversations', status: 'in_progress' }],
  });
}

/** status/incident-listed.json: the provider answers HTML, incidents.json lists the incident; unresolved.json's HTML 404 is never read. */
export async function replayIncidentListed({ world, session }: ReplayContext): Promise<void> {
  world.setStatus(realStatus('incident-listed.json'));
  const reply = (await checkStatusNow(session)) as { value: { state: string; incidents: Array<{ name: string }> } };
  expect(reply.value.state).toBe('known');
  expect(reply.value.incidents.map((i) => i.name)).toEqual(['Voice mode unavailable for some users']);
}

/** status/operational.json: all clear, nothing missing. */
export async function replayOperational({ world, session }: ReplayContext): Promise<void> {
  world.setStatus(realStatus('operational.json'));
  const reply = (await checkStatusNow(session)) as { value: Record<string, unknown> };
  expect(reply.value).toMatchObject({ state: 'known', indicator: 'none', incidents: [], maintenances: [] });
  expect(reply.value.incidentsMissing).toBeUndefined();
}

/** Every corpus file's replay, registered once for whichever browser `ctx` drives. */
export function replayEveryCorpusFile(ctx: () => ReplayContext): void {
  it('cf-challenge-page.json on the page: a Cloudflare check, with its ray; three are a loop', () => replayChallengeOnPage(ctx()));
  it('cf-challenge-page.json on an API call: a Cloudflare check, not a session', () => replayOnApi(ctx(), 'cf-challenge-page.json', 'cloudflare-check'));
  it('cf-block-api.json: a Cloudflare page where the API should answer', () => replayOnApi(ctx(), 'cf-block-api.json', 'cloudflare-page'));
  it('cf-524-page.json on the page: the page itself failed', () => replayErrorPage(ctx(), 'cf-524-page.json', 524));
  it('cf-502-page.json on the page: the page itself failed, with its ray', () => replayErrorPage(ctx(), 'cf-502-page.json', 502, '9067a590dcc3d0ba-CDG'));
  it('signin-error-page.json on auth.openai.com: the sign-in service is failing', () => replaySignInError(ctx()));
  it('chatgpt-api-headers.json: nothing recorded as captured; both ids kept on a 500', () => replayApiHeaders(ctx()));
  it('status/operational.json: all clear, nothing missing', () => replayOperational(ctx()));
  it('status/incident-listed.json: the incident from incidents.json when the provider answers HTML', () => replayIncidentListed(ctx()));
  it('status/maintenance.json: maintenance under way, not an outage', () => replayMaintenance(ctx()));
  it('status/incident-missing-from-summary.json: the incident named, and the voice failures tied to Voice mode', () => replayIncidentMissingFromSummary(ctx()));
}
