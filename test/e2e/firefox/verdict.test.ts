import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, type FirefoxSession } from '../../support/firefox';
import { openChatTab } from '../../support/recorder-checks';
import { expectVerdict, USER_SIDE_SCENARIOS } from '../../support/verdict-checks';

/** The popup's verdict on the user's side, in real Firefox ESR (test/support/verdict-checks.ts). */
describe('verdict on the user’s side in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let chat: Page;
  let tabId: number;

  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchFirefox(world, { extraExtensions: [resolve('test/fixtures/extensions/blocker')] });
    ({ chat, tabId } = await openChatTab(session));
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it.each(USER_SIDE_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => expectVerdict({ world, session, chat, tabId }, scenario));
});
