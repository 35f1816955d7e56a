import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectCompleteAnswerLeftAlone, expectErrorInsideAnswerRecordedAndShown, expectWrapsLookNative } from '../../support/answer-checks';
import { startFakeWorld, type FakeWorld } from '../../support/fake-world';
import { launchFirefox, type FirefoxSession } from '../../support/firefox';
import { openChatTab, type RecorderContext } from '../../support/recorder-checks';

/**
 * Errors inside a 200 answer stream, in real Firefox ESR (content scripts in world MAIN need
 * Firefox 128; the manifest asks for 140). The checks: test/support/answer-checks.ts.
 */
describe('errors inside the answer, Firefox', () => {
  let world: FakeWorld;
  let session: FirefoxSession;
  let chat: Page;
  let tabId: number;
  const ctx = (): RecorderContext => ({ world, session, chat, tabId });

  beforeAll(async () => {
    world = await startFakeWorld();
    session = await launchFirefox(world);
    ({ chat, tabId } = await openChatTab(session));
  });

  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  it('an error inside a 200 stream is listed in the popup and the panel, and the page gets the stream byte for byte', () => expectErrorInsideAnswerRecordedAndShown(ctx()));

  it('complete answers are left alone (byte for byte, nothing recorded); one that stops halfway is recorded', () => expectCompleteAnswerLeftAlone(ctx()));

  it('the wrapped fetch and WebSocket look like the native ones where a page would look', () => expectWrapsLookNative(ctx(), 'Firefox'));
});
