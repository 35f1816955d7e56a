import { APP_URL_PATTERNS } from '../core/hosts';
import { reloadTabsMatching } from '../platform/tabs';

/** Reloads `tabId` when it shows ChatGPT, otherwise every ChatGPT tab; no tab open is a failure the button names. */
export async function reloadChatGpt(tabId: number | null): Promise<{ reloaded: number }> {
  const reloaded = await reloadTabsMatching(APP_URL_PATTERNS, tabId);
  if (!reloaded) throw Object.assign(new Error('No ChatGPT tab is open.'), { code: 'no-tab' });
  return { reloaded };
}
