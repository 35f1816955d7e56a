import { categoryColor, worstCategory } from './categories';
import type { ErrorRecord } from './error-record';

export const BADGE_WINDOW_MS = 10 * 60 * 1000;

export interface BadgeState {
  /** Empty when the tab had no failures in the window. */
  text: string;
  color: string;
}

const NO_BADGE: BadgeState = { text: '', color: '#5f6368' };

/** Per tab: failures in the last 10 minutes, telemetry excluded, coloured by the worst category. */
export function badgesByTab(records: readonly ErrorRecord[], now: number, windowMs = BADGE_WINDOW_MS): Map<number, BadgeState> {
  const byTab = new Map<number, ErrorRecord[]>();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.time < now - windowMs) break; // records are in time order
    if (r.telemetry || r.tabId < 0 || r.time > now + 60_000) continue;
    const list = byTab.get(r.tabId);
    if (list) list.push(r);
    else byTab.set(r.tabId, [r]);
  }
  const badges = new Map<number, BadgeState>();
  for (const [tabId, list] of byTab) {
    const worst = worstCategory(list.map((r) => r.category));
    badges.set(tabId, { text: list.length > 999 ? '999+' : String(list.length), color: worst ? categoryColor(worst) : NO_BADGE.color });
  }
  return badges;
}

/**
 * The toolbar icon on every tab without a badge of its own (another site, a new tab page):
 * ChatGPT's failures in the window across all its tabs, so a user elsewhere sees it failing.
 */
export function badgeForAll(records: readonly ErrorRecord[], now: number, windowMs = BADGE_WINDOW_MS): BadgeState & { count: number } {
  let count = 0;
  for (const badge of badgesByTab(records, now, windowMs).values()) count += Number(badge.text.replace('+', '')) || 0;
  const worst = worstCategory(recentCategories(records, now, windowMs));
  return { text: count === 0 ? '' : count > 999 ? '999+' : String(count), color: worst ? categoryColor(worst) : NO_BADGE.color, count };
}

function* recentCategories(records: readonly ErrorRecord[], now: number, windowMs: number): Iterable<ErrorRecord['category']> {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.time < now - windowMs) return;
    if (!r.telemetry && r.tabId >= 0 && r.time <= now + 60_000) yield r.category;
  }
}
