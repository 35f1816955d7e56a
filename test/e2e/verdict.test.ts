import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { chromiumFixture } from '../support/chromium-fixture';
import { expectVerdict, USER_SIDE_SCENARIOS } from '../support/verdict-checks';

/** The popup's verdict on the user's side, in real Chromium (test/support/verdict-checks.ts). */
describe('verdict on the user’s side in Chromium', () => {
  const { world, session, chat, tabId } = chromiumFixture({ extraExtensions: [resolve('test/fixtures/extensions/blocker')] }, { chat: true });

  it.each(USER_SIDE_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => expectVerdict({ world: world(), session: session(), chat: chat(), tabId: tabId() }, scenario));
});
