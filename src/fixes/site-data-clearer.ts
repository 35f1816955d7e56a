import type { SiteClearParams, SiteClearReport } from '../contract/site-data';
import { APP_URL_PATTERNS } from '../core/hosts';
import { isPlannedCookie, siteDataPlan, type SiteDataPlan } from '../core/site-data-plan';
import { isFirefox } from '../platform/browser';
import { countCookiesUnder, removeCookiesUnder } from '../platform/cookies';
import { removeSiteData, removeWholeCache } from '../platform/site-data';
import { reloadTabsMatching } from '../platform/tabs';
import { errorText } from '../core/error-text';

/**
 * "Clear cookies & cache for ChatGPT", run by the page the user clicks in (popup, panel,
 * troubleshooter), loaded with import() on the click: no worker is needed to call browsingData
 * and cookies, and the service worker stays small (it cannot load code lazily).
 */
export function currentPlan(): SiteDataPlan {
  return siteDataPlan(isFirefox() ? 'firefox' : 'chrome');
}

/**
 * Runs the plan: browsingData per step, then a host-by-host cookie sweep (the only way to clear
 * chat.openai.com without signing out of the rest of openai.com), then reads cookies back. A
 * failed step does not stop the others; the report names it, and `verified` stays false.
 */
export async function clearSiteData(params: SiteClearParams): Promise<SiteClearReport> {
  const plan = currentPlan();
  const mine = (domain: string) => isPlannedCookie(plan, domain);
  const failures: string[] = [];
  const cookiesBefore = await countCookiesUnder(plan.cookieRoots, mine).catch((error: unknown) => {
    failures.push(`cookies: ${errorText(error)}`);
    return {};
  });
  for (const step of plan.steps) {
    await removeSiteData(step).catch((error: unknown) => failures.push(`${step.dataTypes.join(', ')}: ${errorText(error)}`));
  }
  const sweep = await removeCookiesUnder(plan.cookieRoots, mine).catch((error: unknown) => {
    failures.push(`cookies: ${errorText(error)}`);
    return { removed: {}, failed: [] as string[] };
  });
  failures.push(...sweep.failed.map((f) => `cookie ${f}`));
  let wholeCacheCleared = false;
  if (params.wholeCache && !plan.cachePerSite) {
    await removeWholeCache().then(
      () => (wholeCacheCleared = true),
      (error: unknown) => failures.push(`cache: ${errorText(error)}`),
    );
  }
  const remainingCookies = await countCookiesUnder(plan.cookieRoots, mine).catch((error: unknown) => {
    failures.push(`verify: ${errorText(error)}`);
    return { unverified: 1 } as Record<string, number>;
  });
  // Reload last, so the app starts from clean data.
  const reloadedTabs = params.reloadTabs
    ? await reloadTabsMatching(APP_URL_PATTERNS).catch((error: unknown) => {
        failures.push(`reload: ${errorText(error)}`);
        return 0;
      })
    : 0;
  return {
    dataTypes: plan.dataTypes,
    removedCookies: sweep.removed,
    remainingCookies,
    cookiesBefore,
    verified: Object.keys(remainingCookies).length === 0,
    failures,
    wholeCacheCleared,
    reloadedTabs,
  };
}
