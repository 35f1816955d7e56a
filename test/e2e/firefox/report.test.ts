import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, waitFor, type FirefoxSession } from '../../support/firefox';
import { sendFrom, storedRecords } from '../../support/recorder-checks';

const PLANTED = ['jane@example.com', 'jane%40example.com', 'sk-proj-ABCDEF1234567890', 'SECRET-SESSION', 'eyJhbGciOiJIUzI1NiJ9'];

/**
 * The support report in Firefox ESR: browser and version from runtime.getBrowserInfo (Chromium
 * uses client hints instead), the request ids the server sent, none of the planted secrets.
 */
describe('support report in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let tabId: number;
  const sentIds: string[] = [];

  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchFirefox(world);
    const chat = await session.browser.newPage();
    await chat.goto('https://chatgpt.com/');
    tabId = await session.tabIdOf('https://chatgpt.com/*');
    world.route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    expect(await sendFrom(chat, '/backend-api/f/conversation?email=jane@example.com&key=sk-proj-ABCDEF1234567890')).toBe(500);
    const seen = world.requests.findLast((r) => r.path === '/backend-api/f/conversation')!;
    expect(seen.cookie).toContain('SECRET-SESSION');
    sentIds.push(seen.cfRay!, seen.requestId!);
    await waitFor(async () => (await storedRecords(session)).length > 0, { what: 'the record' });
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('names Firefox and its version, carries the request ids, leaks nothing', async () => {
    const page = await session.openExtensionPage(`src/pages/report.html?tabId=${tabId}`);
    const markdown = await waitFor(
      () => page.evaluate(() => {
        const text = document.querySelector('#report-preview')?.textContent ?? '';
        return text.includes('## Failures (1') ? text : '';
      }),
      { timeoutMs: 15_000, what: 'the report preview' },
    );
    expect(markdown).toMatch(/\| Firefox \d+[\d.]*\S* \| linux/);
    for (const id of sentIds) expect(markdown).toContain(id);
    for (const secret of PLANTED) expect(markdown).not.toContain(secret);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
