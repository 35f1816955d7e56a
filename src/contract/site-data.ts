/** What a "Clear cookies & cache for ChatGPT" run reports back, checked by reading cookies again. */
import type { SiteDataType } from '../core/site-data-plan';

export interface SiteClearParams {
  /** Reload ChatGPT's open tabs afterwards (on by default in the UI). */
  reloadTabs: boolean;
  /** Firefox only: also clear the WHOLE cache of every site, chosen explicitly. */
  wholeCache: boolean;
}

export interface SiteClearReport {
  dataTypes: SiteDataType[];
  /** Cookies removed by the `cookies` API sweep, per cookie domain (browsingData does not count). */
  removedCookies: Record<string, number>;
  /** ChatGPT cookies still there when read back: empty when the clear worked. */
  remainingCookies: Record<string, number>;
  /** Cookies seen before the clear, per cookie domain: what browsingData and the sweep removed together. */
  cookiesBefore: Record<string, number>;
  verified: boolean;
  /** Steps that failed, with the browser's reason; the others still ran. */
  failures: string[];
  wholeCacheCleared: boolean;
  reloadedTabs: number;
}
