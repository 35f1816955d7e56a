import { browser } from '../../../src/platform/browser';

/** Must match OPEN_HOOK_URL in test/support/firefox.ts (this file is bundled, that one is not). */
const HOOK_URL = 'https://chatgpt.com/__edr_test/open';

/** An extension-relative page path, or null for anything that could leave the extension. */
export function hookTarget(url: string): string | null {
  let page: string | null;
  try {
    page = new URL(url).searchParams.get('page');
  } catch {
    return null;
  }
  if (!page || /^[a-z][a-z0-9+.-]*:/i.test(page) || page.startsWith('/') || page.split(/[/?#]/).includes('..')) return null;
  return page;
}

/**
 * TEST-ONLY. WebDriver BiDi refuses to navigate to moz-extension:// URLs, so the Firefox e2e
 * tests navigate a tab to HOOK_URL?page=<path> and this listener loads that extension page into
 * the same tab, where the test can then evaluate code. Registered synchronously at the top level
 * like every listener, so it also wakes a suspended event page.
 */
export function installOpenHook(): void {
  browser.webRequest.onCompleted.addListener(
    (details) => {
      const page = hookTarget(details.url);
      if (page && details.tabId >= 0) void browser.tabs.update(details.tabId, { url: browser.runtime.getURL(page) });
    },
    { urls: [`${HOOK_URL}*`], types: ['main_frame'] },
  );
}
