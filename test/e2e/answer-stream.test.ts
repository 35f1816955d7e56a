import { describe, expect, it } from 'vitest';
import {
  expectCompleteAnswerLeftAlone,
  expectErrorInsideAnswerRecordedAndShown,
  expectSocketErrorsRecorded,
  expectWrapsLookNative,
  type AnswerContext,
} from '../support/answer-checks';
import { BROWSERS, browserFixture } from '../support/driver';

/**
 * Errors inside a 200 answer stream, in each browser (content scripts in world MAIN need Firefox
 * 128; the manifest asks for 140). The checks: test/support/answer-checks.ts.
 */
describe.each(BROWSERS)('errors inside the answer, %s', (name) => {
  const t = browserFixture(name, { chat: true });
  const ctx = (): AnswerContext => ({ world: t.world(), driver: t.driver(), chat: t.chat(), tabId: t.tabId() });

  it('an error inside a 200 stream is listed in the popup and the panel, and the page gets the stream byte for byte', () =>
    expectErrorInsideAnswerRecordedAndShown(ctx()));

  it('complete answers are left alone (byte for byte, nothing recorded); one that stops halfway is recorded', () => expectCompleteAnswerLeftAlone(ctx()));

  it('an error inside an answer over the WebSocket (both frame formats) is recorded, and the page gets every frame', () => expectSocketErrorsRecorded(ctx()));

  it('the wrapped fetch and WebSocket look like the native ones where a page would look', () => expectWrapsLookNative(ctx(), name));

  // Chromium only: management.getPermissionWarningsByManifest is Chrome's; Firefox has no such call.
  it.skipIf(name === 'firefox')('the content scripts add no install warning: Chrome gives the same warnings with and without them', async () => {
    const warnings = await t.driver().ext(async (api) => {
      const manifest = api.runtime.getManifest() as unknown as Record<string, unknown>;
      const without = { ...manifest };
      delete without.content_scripts;
      const management = api.management as unknown as { getPermissionWarningsByManifest(m: string): Promise<string[]> };
      return {
        scripts: (manifest.content_scripts as unknown[]).length,
        with: await management.getPermissionWarningsByManifest(JSON.stringify(manifest)),
        without: await management.getPermissionWarningsByManifest(JSON.stringify(without)),
      };
    });
    expect(warnings.scripts).toBe(2);
    expect(warnings.with).toEqual(warnings.without);
  });
});
