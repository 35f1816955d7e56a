import { browser } from './browser';
import { errorText } from '../core/error-text';

export interface CookieSweep {
  /** Removed cookies per cookie domain (names and values are never kept). */
  removed: Record<string, number>;
  /** Cookies that match but could not be removed, with the browser's reason. */
  failed: string[];
}

interface CookieLike {
  name: string;
  domain: string;
  path: string;
  secure: boolean;
  storeId: string;
  partitionKey?: unknown;
}

/** Every cookie of every store whose domain is `root` or below it (`getAll({domain})` never matches a parent). */
export async function cookiesUnder(roots: readonly string[]): Promise<CookieLike[]> {
  const stores = await browser.cookies.getAllCookieStores().catch(() => [{ id: undefined as unknown as string }]);
  const lists = await Promise.all(
    stores.flatMap((store) => roots.map((domain) => browser.cookies.getAll({ domain, ...(store.id ? { storeId: store.id } : {}) }))),
  );
  const seen = new Map<string, CookieLike>();
  for (const cookie of lists.flat() as CookieLike[]) seen.set(`${cookie.storeId}|${cookie.domain}|${cookie.path}|${cookie.name}`, cookie);
  return [...seen.values()];
}

/** A cookie's own URL: `cookies.remove` finds a cookie by URL + name, so host, path and scheme must match it. */
function cookieUrl(cookie: CookieLike): string {
  return `http${cookie.secure ? 's' : ''}://${cookie.domain.replace(/^\./, '')}${cookie.path}`;
}

/**
 * Removes, host by host, the cookies `isTarget` accepts among those under `roots`. Used where a
 * registrable domain is shared (chat.openai.com): `.openai.com` cookies never match the roots.
 */
export async function removeCookiesUnder(roots: readonly string[], isTarget: (domain: string) => boolean): Promise<CookieSweep> {
  const sweep: CookieSweep = { removed: {}, failed: [] };
  for (const cookie of await cookiesUnder(roots)) {
    if (!isTarget(cookie.domain)) continue;
    try {
      const details = {
        url: cookieUrl(cookie),
        name: cookie.name,
        storeId: cookie.storeId,
        ...(cookie.partitionKey ? { partitionKey: cookie.partitionKey } : {}),
      };
      const done = await browser.cookies.remove(details as Parameters<typeof browser.cookies.remove>[0]);
      if (done) sweep.removed[cookie.domain] = (sweep.removed[cookie.domain] ?? 0) + 1;
      else sweep.failed.push(cookie.domain);
    } catch (error) {
      sweep.failed.push(`${cookie.domain}: ${errorText(error)}`);
    }
  }
  return sweep;
}

/** Counts, per cookie domain, what is left: the proof that a clear worked. */
export async function countCookiesUnder(roots: readonly string[], isTarget: (domain: string) => boolean): Promise<Record<string, number>> {
  const left: Record<string, number> = {};
  for (const cookie of await cookiesUnder(roots)) if (isTarget(cookie.domain)) left[cookie.domain] = (left[cookie.domain] ?? 0) + 1;
  return left;
}
