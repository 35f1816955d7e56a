import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { waitFor, type Driver } from './driver';
import type { FakeWorld, Responder } from './fake-world';
import { sendFrom, storedRecords } from './recorder-checks';
import { translate } from './translate';

/**
 * "Whose fault it is", end to end on the user's side: real failures sent from the fake ChatGPT
 * tab, recorded by the real background, and the popup's verdict read as the user sees it (its
 * side, its words). Run in each browser by test/e2e/verdict.test.ts. OpenAI's side is proven in popup-fixes.test.ts.
 */
export interface VerdictScenario {
  name: string;
  /** The cause the verdict must name (core/diagnosis.ts) and the side it must be on. */
  cause: string;
  side: 'openai' | 'user' | 'either' | 'none';
  /** The title's message key, where it is not the cause's own `diag_<cause>_title`. */
  titleKey?: string;
  /** Sets up the fake world; returns the paths to send from the chat tab, and how each ends. */
  prepare(world: FakeWorld): { path: string; method?: string; expect: unknown }[];
}

/** A Cloudflare managed challenge on an API path, as the edge serves it: 403, HTML, `cf-mitigated`, no x-oai-request-id. */
const cloudflareChallenge: Responder = () => ({
  status: 403,
  headers: { 'content-type': 'text/html; charset=UTF-8', 'cf-mitigated': 'challenge', server: 'cloudflare' },
  body: '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>',
});

/** The app's own refusal of an expired session: JSON, on an API path. */
const sessionExpired: Responder = () => ({
  status: 401,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ detail: 'Unauthorized - Access token is missing' }),
});

export const USER_SIDE_SCENARIOS: VerdictScenario[] = [
  {
    name: 'another extension blocks ChatGPT (test/fixtures/extensions/blocker)',
    cause: 'blocked-by-extension',
    side: 'user',
    prepare: () => Array.from({ length: 3 }, () => ({ path: '/backend-api/blocked-by-test', method: 'GET', expect: 'error' })),
  },
  {
    name: 'the session expired (401 and 403 from the API)',
    cause: 'session-expired',
    side: 'user',
    prepare: (world) => {
      world.route('chatgpt.com', '/backend-api/me', sessionExpired);
      world.route('chatgpt.com', '/api/auth/session', () => ({ status: 403, headers: { 'content-type': 'application/json' }, body: '{"detail":"Forbidden"}' }));
      return [
        { path: '/backend-api/me', method: 'GET', expect: 401 },
        { path: '/api/auth/session', method: 'GET', expect: 403 },
        { path: '/backend-api/me', method: 'GET', expect: 401 },
      ];
    },
  },
  {
    name: 'a Cloudflare check answers the API, three times in a row (a loop)',
    cause: 'cloudflare-check',
    side: 'user',
    titleKey: 'diag_cloudflare_loop_title',
    prepare: (world) => {
      world.route('chatgpt.com', '/backend-api/f/conversation', cloudflareChallenge);
      return Array.from({ length: 3 }, () => ({ path: '/backend-api/f/conversation', method: 'POST', expect: 403 }));
    },
  },
];

/**
 * Clears the log, sends the scenario's failures, waits for them to be recorded, then opens the
 * popup for the chat tab and reads the verdict: its cause, side, and the sentences on screen.
 */
export async function expectVerdict(
  { world, driver, chat, tabId }: { world: FakeWorld; driver: Driver; chat: Page; tabId: number },
  scenario: VerdictScenario,
): Promise<void> {
  world.clearRoutes();
  expect(await driver.call('log/clear')).toMatchObject({ ok: true });
  await waitFor(async () => (await storedRecords(driver)).length === 0, { what: 'an empty log' });
  const sends = scenario.prepare(world);
  for (const send of sends) expect(await sendFrom(chat, send.path, send.method), send.path).toBe(send.expect);
  await waitFor(async () => (await storedRecords(driver)).length >= sends.length, { what: `${sends.length} recorded failures` });

  // Opened after the failures (BiDi cannot reload a moz-extension:// page), as the user opens it.
  const popup = await driver.open(`src/popup/index.html?tabId=${tabId}`);
  try {
    const verdict = await popup.waitForSelector(`.verdict[data-cause="${scenario.cause}"]`, { timeout: 15_000 }).catch(async () => {
      const shown = await popup.$eval('.verdict', (e) => `${e.getAttribute('data-cause')}: ${e.textContent}`).catch(() => 'no verdict');
      throw new Error(
        `expected the verdict ${scenario.cause}, the popup shows ${shown}; records: ${JSON.stringify((await storedRecords(driver)).map((r) => [r.path, r.status, r.error, r.category]))}`,
      );
    });
    expect(await verdict!.evaluate((e) => e.className)).toContain(`side-${scenario.side}`);
    const text = await verdict!.evaluate((e) => ({
      side: e.querySelector('.verdict-side')?.textContent,
      title: e.querySelector('.verdict-title')?.textContent,
      fix: e.querySelector('.verdict-fix')?.textContent,
    }));
    const stem = `diag_${scenario.cause.replace(/-/g, '_')}`;
    expect(text).toEqual({
      side: translate(`diag_side_${scenario.side}`),
      title: translate(scenario.titleKey ?? `${stem}_title`),
      fix: `${translate('diag_fix_label')} ${translate(`${stem}_fix`)}`,
    });
  } finally {
    world.clearRoutes();
    await popup.close();
  }
}
