import { inspectedTabId } from '../platform/devtools';

/**
 * The tab the panel is about: `?tabId=N` (pop-out window, tests) wins, then the tab DevTools
 * inspects. Null means neither: the panel then shows every tab and says so.
 */
export function panelTabId(search = globalThis.location?.search ?? ''): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null && /^\d{1,10}$/.test(raw)) return Number(raw);
  return inspectedTabId();
}
