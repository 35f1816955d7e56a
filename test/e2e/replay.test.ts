import { describe } from 'vitest';
import { BROWSERS, browserFixture } from '../support/driver';
import { replayEveryCorpusFile } from '../support/replay-checks';

/** The reality corpus (test/fixtures/real/) replayed through the built extension in Chromium and Firefox. */
describe.each(BROWSERS)('reality corpus in %s', (name) => {
  const t = browserFixture(name);
  replayEveryCorpusFile(() => ({ world: t.world(), session: t.driver() }));
});
