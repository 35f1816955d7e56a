import { beforeAll, describe, expect, it } from 'vitest';
import { DEVTOOLS_PAGE, OPTIONS_PAGE, PAGES, PRIVACY_PAGE } from '../../src/contract/pages';
import { BROWSERS, browserFixture, waitFor } from '../support/driver';
import { sendFrom, storedRecords } from '../support/recorder-checks';

/**
 * Every extension page renders in each browser without a script or console error, from a log with
 * a failure in it (in Firefox: module scripts in moz-extension://, the polyfill handing back the
 * native `browser`). The other tests drive the pages feature by feature.
 */
/** Every page with a UI script: not the devtools page (it only creates the panel, inside DevTools) nor the static privacy policy. */
const PAGE_PATHS = Object.values(PAGES).filter((page) => page !== DEVTOOLS_PAGE && page !== PRIVACY_PAGE);

describe.each(BROWSERS)('extension pages in %s', (name) => {
  const t = browserFixture(name, { chat: true });

  beforeAll(async () => {
    expect(await sendFrom(t.chat(), '/backend-api/status/502', 'GET')).toBe(502);
    await waitFor(async () => (await storedRecords(t.driver())).length > 0, { what: 'a record to show' });
  });

  it('sees a script error in an extension page (the check below can fail)', async () => {
    const page = await t.driver().open(OPTIONS_PAGE);
    await page.evaluate(
      () =>
        void setTimeout(() => {
          throw new Error('planted error');
        }),
    );
    await waitFor(async () => (await page.errors()).some((e) => e.includes('planted error')), { what: 'the planted error' });
    await page.close();
  });

  it.each(PAGE_PATHS)('%s renders without script errors', async (path) => {
    const page = await t.driver().open(`${path}?tabId=${t.tabId()}`);
    const text = await waitFor(() => page.evaluate(() => (document.body.innerText.trim().length > 20 ? document.body.innerText : '')), {
      timeoutMs: 10_000,
      what: `${path} to render`,
    });
    expect(text).not.toMatch(/undefined|\[object Object\]|__MSG_/);
    // Scripts that failed to load or threw leave no trace in innerText; the page says so itself.
    expect(await page.evaluate(() => document.querySelectorAll('script[type="module"]').length)).toBeGreaterThan(0);
    // Let late work (storage reads, requests to the background) finish before asking.
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
