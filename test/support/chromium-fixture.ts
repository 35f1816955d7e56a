import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession } from './chromium';
import { startFakeWorld, type FakeWorld } from './fake-world';

/**
 * A fake world and a Chromium with the extension for the whole file: started before the first
 * test and closed after the last. The getters are valid inside tests and hooks.
 */
export function chromiumFixture(options: Parameters<typeof launchChromium>[1] = {}) {
  let world: FakeWorld | undefined;
  let session: ChromiumSession | undefined;
  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchChromium(world, options);
  });
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });
  return { world: () => world!, session: () => session! };
}
