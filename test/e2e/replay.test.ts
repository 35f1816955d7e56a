import { describe } from 'vitest';
import { chromiumFixture } from '../support/chromium-fixture';
import { replayEveryCorpusFile } from '../support/replay-checks';

/** The reality corpus (test/fixtures/real/) replayed through the built extension in Chromium. */
describe('reality corpus in Chromium', () => {
  const { world, session } = chromiumFixture();
  replayEveryCorpusFile(() => ({ world: world(), session: session() }));
});
