import { browser } from './browser';

/** The tab the user is looking at; `?tabId=N` on the page overrides it (pop-out windows, tests). */
export async function activeTabId(search = globalThis.location?.search ?? ''): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** A tab's title (host permissions give it for ChatGPT's tabs); null where the tabs API is missing. */
export async function tabTitle(tabId: number): Promise<string | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.title?.trim() || null;
  } catch {
    return null;
  }
}

export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/**
 * Reloads `tabId` when it shows one of `urlPatterns`, otherwise every tab that does. Querying
 * by URL needs host permissions for those patterns, which the manifest declares.
 */
export async function reloadTabsMatching(urlPatterns: readonly string[], tabId: number | null = null): Promise<number> {
  const tabs = await browser.tabs.query({ url: [...urlPatterns] });
  const chosen = tabId !== null && tabs.some((tab) => tab.id === tabId) ? [tabId] : tabs.map((tab) => tab.id).filter((id): id is number => id !== undefined);
  await Promise.all(chosen.map((id) => browser.tabs.reload(id)));
  return chosen.length;
}

/** How many tabs show one of `urlPatterns` (needs host permissions for them, not `tabs`). */
export async function countTabsMatching(urlPatterns: readonly string[]): Promise<number> {
  return (await tabIdsMatching(urlPatterns)).length;
}

/** The ids of the tabs showing one of `urlPatterns` (host permissions, not `tabs`). */
export async function tabIdsMatching(urlPatterns: readonly string[]): Promise<number[]> {
  return (await browser.tabs.query({ url: [...urlPatterns] })).map((tab) => tab.id).filter((id): id is number => id !== undefined);
}
