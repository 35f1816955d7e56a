import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/chromium';
import { chromiumFixture } from '../support/chromium-fixture';
import { expectBlockedRecorded, expectOnlyChatGptFailuresRecorded, expectServerErrorRecordedAndShown, sendFrom, storedRecords, type RecorderContext } from '../support/recorder-checks';

/** The recorder in real Chromium, on the real host names mapped to a fake ChatGPT on loopback. */
describe('recorder in Chromium', () => {
  const { world, session, chat, tabId } = chromiumFixture({ extraExtensions: [resolve('test/fixtures/extensions/blocker')] }, { chat: true });

  const records = () => storedRecords(session());
  const send = sendFrom;

  const ctx = (): RecorderContext => ({ world: world(), session: session(), chat: chat(), tabId: tabId() });

  it('records a 500 on POST /backend-api/f/conversation and shows it in the popup with its request id', () => expectServerErrorRecordedAndShown(ctx()));

  it('does not record a 200, nor another site’s 500', () => expectOnlyChatGptFailuresRecorded(ctx()));

  it('records a request blocked by another extension as blocked', () => expectBlockedRecorded(ctx(), 'net::ERR_BLOCKED_BY_CLIENT'));

  it('badges the tab with its failures of the last 10 minutes', async () => {
    const text = await waitFor(
      () => session().inExtension((id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId()),
      { what: 'badge text' },
    );
    expect(text).toBe(String((await records()).length));
  });

  /** Whether the extension's service worker runs: Chrome lists a target for it only then. */
  const workerRunning = () => session().browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session().extensionId}/`));

  it('keeps every record when the service worker is stopped, and records again after', async () => {
    // A failure wakes the worker, so the stop below has a worker to stop.
    expect(await send(chat(), '/backend-api/status/502', 'GET')).toBe(502);
    await waitFor(async () => (await records()).some((r) => r.path === '/backend-api/status/502') && workerRunning(), { what: 'the worker running' });
    const before = await records();
    await session().stopWorkers();
    // The stop happened (without this, a no-op stop would pass the test).
    await waitFor(() => !workerRunning(), { what: 'the worker to be stopped' });
    expect(await send(chat(), '/backend-api/status/503', 'GET')).toBe(503);
    await waitFor(async () => (await records()).some((r) => r.path === '/backend-api/status/503'), { what: 'a record after the stop' });
    await session().stopWorkers();
    const after = await records();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });
});
