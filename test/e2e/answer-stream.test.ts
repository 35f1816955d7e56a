import { describe, expect, it } from 'vitest';
import { expectCompleteAnswerLeftAlone, expectErrorInsideAnswerRecordedAndShown, expectWrapsLookNative } from '../support/answer-checks';
import { chromiumFixture } from '../support/chromium-fixture';
import type { RecorderContext } from '../support/recorder-checks';

/** Errors inside a 200 answer stream, in real Chromium (the checks: test/support/answer-checks.ts). */
describe('errors inside the answer, Chromium', () => {
  const { world, session, chat, tabId } = chromiumFixture({}, { chat: true });
  const ctx = (): RecorderContext => ({ world: world(), session: session(), chat: chat(), tabId: tabId() });

  it('an error inside a 200 stream is listed in the popup and the panel, and the page gets the stream byte for byte', () => expectErrorInsideAnswerRecordedAndShown(ctx()));

  it('complete answers are left alone (byte for byte, nothing recorded); one that stops halfway is recorded', () => expectCompleteAnswerLeftAlone(ctx()));

  it('the wrapped fetch and WebSocket look like the native ones where a page would look', () => expectWrapsLookNative(ctx(), 'Chromium'));

  it('the content scripts add no install warning: Chrome gives the same warnings with and without them', async () => {
    const warnings = await session().inExtension(async () => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> }; management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } } }).chrome;
      const manifest = chrome.runtime.getManifest();
      const without = { ...manifest };
      delete without.content_scripts;
      return {
        scripts: (manifest.content_scripts as unknown[]).length,
        with: await chrome.management.getPermissionWarningsByManifest(JSON.stringify(manifest)),
        without: await chrome.management.getPermissionWarningsByManifest(JSON.stringify(without)),
      };
    }, null);
    expect(warnings.scripts).toBe(2);
    expect(warnings.with).toEqual(warnings.without);
  });
});
