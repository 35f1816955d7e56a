import { afterAll, beforeAll, describe } from 'vitest';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, type FirefoxSession } from '../../support/firefox';
import { replayEveryCorpusFile } from '../../support/replay-checks';

/** The reality corpus (test/fixtures/real/) replayed through the built extension in Firefox ESR. */
describe('reality corpus in Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchFirefox(world);
  });
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });
  replayEveryCorpusFile(() => ({ world, session }));
});
