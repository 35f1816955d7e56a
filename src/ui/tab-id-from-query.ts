/**
 * `?tabId=N` names the ChatGPT tab a page is about (the troubleshooter and the report open as
 * tabs of their own, so "the active tab" would be themselves). Without it: null, every tab.
 */
export function tabIdFromQuery(search: string): number | null {
  const value = Number(new URLSearchParams(search).get('tabId'));
  return Number.isInteger(value) && value > 0 ? value : null;
}
