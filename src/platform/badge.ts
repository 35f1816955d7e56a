import { browser } from './browser';

/** Sets one tab's badge; a tab that has closed meanwhile is not an error worth reporting. */
export async function setTabBadge(tabId: number, text: string, color: string): Promise<void> {
  try {
    await Promise.all([
      // null (not '') clears the tab's own text, so the global incident badge shows through.
      browser.action.setBadgeText({ tabId, text: text || null }),
      text ? browser.action.setBadgeBackgroundColor({ tabId, color }) : Promise.resolve(),
    ]);
  } catch {
    // "No tab with id": the tab closed between the failure and the badge update.
  }
}

/**
 * The badge and title for every tab without a badge of its own: an ongoing OpenAI incident shows
 * here, while tabs with failures keep their counts (a tab's own badge wins over the global one).
 */
export async function setGlobalIndicator(text: string, color: string, title: string): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text }),
    text ? browser.action.setBadgeBackgroundColor({ color }) : Promise.resolve(),
    browser.action.setTitle({ title }),
  ]);
}
