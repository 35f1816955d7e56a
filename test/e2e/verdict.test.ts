import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { BROWSERS, browserFixture } from '../support/driver';
import { expectVerdict, USER_SIDE_SCENARIOS } from '../support/verdict-checks';

/** The popup's verdict on the user's side, in each browser (test/support/verdict-checks.ts). */
describe.each(BROWSERS)('verdict on the user’s side in %s', (name) => {
  const t = browserFixture(name, { extraExtensions: [resolve('test/fixtures/extensions/blocker')], chat: true });

  it.each(USER_SIDE_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) =>
    expectVerdict({ world: t.world(), driver: t.driver(), chat: t.chat(), tabId: t.tabId() }, scenario),
  );
});
