import { categoryColor, worstCategory } from './categories';
import type { ErrorRecord } from './error-record';

export const BADGE_WINDOW_MS = 10 * 60 * 1000;

export interface BadgeState {
  /** Empty when the tab had no failures in the window. */
  text: string;
  color: string;
}

const NO_BADGE: BadgeState = { text: '', color: '#5f6368' };

/** The failures a badge counts, newest first: in the window, in a tab, telemetry excluded. */
function* recent(records: readonly ErrorRecord[], now: number, windowMs: number): Iterable<ErrorRecord> {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.time < now - windowMs) return; // records are in time order
    if (!r.telemetry && r.tabId >= 0 && r.time <= now + 60_000) yield r;
  }
}

/** `count` failures, coloured by the worst category among `list`. */
function badge(count: number, list: readonly ErrorRecord[]): BadgeState {
  const worst = worstCategory(list.map((r) => r.category));
  return { text: count === 0 ? '' : count > 999 ? '999+' : String(count), color: worst ? categoryColor(worst) : NO_BADGE.color };
}

function byTab(records: readonly ErrorRecord[], now: number, windowMs: number): Map<number, ErrorRecord[]> {
  const tabs = new Map<number, ErrorRecord[]>();
  for (const r of recent(records, now, windowMs)) {
    const list = tabs.get(r.tabId);
    if (list) list.push(r);
    else tabs.set(r.tabId, [r]);
  }
  return tabs;
}

/** Per tab: failures in the last 10 minutes, telemetry excluded, coloured by the worst category. */
export function badgesByTab(records: readonly ErrorRecord[], now: number, windowMs = BADGE_WINDOW_MS): Map<number, BadgeState> {
  return new Map([...byTab(records, now, windowMs)].map(([tabId, list]) => [tabId, badge(list.length, list)]));
}

/**
 * The toolbar icon on every tab without a badge of its own (another site, a new tab page):
 * ChatGPT's failures in the window across all its tabs, so a user elsewhere sees it failing.
 * A tab counts 999 at most, as its own badge does.
 */
export function badgeForAll(records: readonly ErrorRecord[], now: number, windowMs = BADGE_WINDOW_MS): BadgeState & { count: number } {
  const lists = [...byTab(records, now, windowMs).values()];
  const count = lists.reduce((sum, list) => sum + Math.min(list.length, 999), 0);
  return { ...badge(count, lists.flat()), count };
}
