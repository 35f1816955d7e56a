import { browser } from './browser';

/** The tab the user is looking at; `?tabId=N` on the page overrides it (pop-out windows, tests). */
export async function activeTabId(search = globalThis.location?.search ?? ''): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
