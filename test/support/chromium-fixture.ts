import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession } from './chromium';
import { startFakeWorld, type FakeWorld } from './fake-world';
import { openChatTab } from './recorder-checks';

export interface FixtureSetup {
  /** Routes to add to the fake world before the browser starts. */
  prepare?: (world: FakeWorld) => void;
  /** Open a tab on the fake https://chatgpt.com/ (see `chat()` and `tabId()`). */
  chat?: boolean;
}

/**
 * A fake world and a Chromium with the extension for the whole file: started before the first
 * test and closed after the last. The getters are valid inside tests and hooks.
 */
export function chromiumFixture(options: Parameters<typeof launchChromium>[1] = {}, setup: FixtureSetup = {}) {
  let world: FakeWorld | undefined;
  let session: ChromiumSession | undefined;
  let chat: { chat: Page; tabId: number } | undefined;
  beforeAll(async () => {
    world = await startFakeWorld();
    setup.prepare?.(world);
    session = await launchChromium(world, options);
    if (setup.chat) chat = await openChatTab(session);
  });
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });
  return { world: () => world!, session: () => session!, chat: () => chat!.chat, tabId: () => chat!.tabId };
}
