import { browser } from './browser';

/** Lets the tab switch paint before capturing it; captureVisibleTab takes what is on screen. */
const SETTLE_MS = 300;

/**
 * A PNG of the ChatGPT tab. captureVisibleTab captures the ACTIVE tab of a window, and this page
 * is usually that tab, so the ChatGPT tab is brought forward, captured, and this tab restored.
 * Needs `activeTab` or host access to the page (https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab);
 * the browser's own error message is passed on when it refuses.
 */
export async function captureTab(tabId: number): Promise<string> {
  const target = await browser.tabs.get(tabId);
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  const switched = !target.active;
  if (switched) {
    await browser.tabs.update(tabId, { active: true });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
  try {
    return await browser.tabs.captureVisibleTab(target.windowId, { format: 'png' });
  } finally {
    if (switched && self?.id !== undefined) await browser.tabs.update(self.id, { active: true }).catch(() => undefined);
  }
}
