import type { ErrorRecord } from './error-record';

/** The popup reads only the newest records: enough for the verdict (15 minutes) and the list (50). */
export const POPUP_RECENT = 250;

/** Whose failures the popup shows: the active ChatGPT tab's, or every ChatGPT tab's. */
export type PopupScope =
  | { kind: 'tab'; tabId: number }
  /** `chatTabs`: how many ChatGPT tabs are open (0 when none is); `onChatGpt`: the user chose "all" on one. */
  | { kind: 'all'; chatTabs: number; onChatGpt: boolean };

/**
 * On a ChatGPT tab the popup is about that tab, unless the user picks "All tabs". On any other
 * tab (a news site, a new tab page) "this tab" would always say all is well: the popup shows
 * every ChatGPT tab's failures instead, and says so.
 */
export function popupScope(activeTabId: number | null, chatTabIds: readonly number[], choice: 'tab' | 'all'): PopupScope {
  const onChatGpt = activeTabId !== null && chatTabIds.includes(activeTabId);
  if (onChatGpt && choice === 'tab') return { kind: 'tab', tabId: activeTabId };
  return { kind: 'all', chatTabs: chatTabIds.length, onChatGpt };
}

export function scopeTabId(scope: PopupScope): number | null {
  return scope.kind === 'tab' ? scope.tabId : null;
}

/** The records the scope shows, oldest first as stored. */
export function scopedRecords(records: readonly ErrorRecord[], scope: PopupScope): readonly ErrorRecord[] {
  return scope.kind === 'tab' ? records.filter((r) => r.tabId === scope.tabId) : records;
}

/** Failures that count for the user (telemetry is harmless), as the scope's sentence says them. */
export function countedFailures(records: readonly ErrorRecord[]): number {
  let n = 0;
  for (const r of records) if (!r.telemetry) n++;
  return n;
}
