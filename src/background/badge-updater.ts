import { badgeForAll, badgesByTab } from '../core/badge';
import type { FailureLog } from '../core/failure-log';
import { setTabBadge } from '../platform/badge';
import { showFailing } from './global-indicator';

/**
 * Keeps each tab's badge equal to its failures in the last 10 minutes. Remembers which tabs it
 * badged so it can clear them when their failures age out; after a worker restart the log itself
 * says which tabs may still carry a badge.
 */
export function createBadgeUpdater(now: () => number) {
  const shown = new Map<number, string>();
  let primed = false;

  return async function updateBadges(log: FailureLog): Promise<void> {
    if (!primed) {
      primed = true;
      for (const r of log.records) if (r.tabId >= 0) shown.set(r.tabId, '?');
    }
    const badges = badgesByTab(log.records, now());
    // Tabs without failures of their own (another site) show ChatGPT failing elsewhere.
    const updates: Promise<void>[] = [showFailing(badgeForAll(log.records, now()))];
    for (const [tabId, badge] of badges) {
      const key = `${badge.text}|${badge.color}`;
      if (shown.get(tabId) === key) continue;
      shown.set(tabId, key);
      updates.push(setTabBadge(tabId, badge.text, badge.color));
    }
    for (const tabId of [...shown.keys()]) {
      if (badges.has(tabId)) continue;
      shown.delete(tabId);
      updates.push(setTabBadge(tabId, '', ''));
    }
    await Promise.all(updates);
  };
}
