import { browser } from './browser';

/** Sets one tab's badge; a tab that has closed meanwhile is not an error worth reporting. */
export async function setTabBadge(tabId: number, text: string, color: string): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      text ? browser.action.setBadgeBackgroundColor({ tabId, color }) : Promise.resolve(),
    ]);
  } catch {
    // "No tab with id": the tab closed between the failure and the badge update.
  }
}
