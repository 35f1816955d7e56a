import { inspectedTabId } from '../platform/devtools';
import { tabIdFromQuery } from '../ui/tab-id-from-query';

/**
 * The tab the panel is about: `?tabId=N` (pop-out window, tests) wins, then the tab DevTools
 * inspects. Null means neither: the panel then shows every tab and says so.
 */
export function panelTabId(search = globalThis.location?.search ?? ''): number | null {
  return tabIdFromQuery(search) ?? inspectedTabId();
}
