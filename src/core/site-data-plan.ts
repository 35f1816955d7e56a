/**
 * What "Clear cookies & cache for ChatGPT" removes, computed before anything is touched, so the
 * confirmation can say exactly which sites will be signed out.
 *
 * Two browser traps shape the plan:
 * - Chrome's `browsingData` `origins` filter removes cookies for the whole registrable domain
 *   (https://developer.chrome.com/docs/extensions/reference/api/browsingData#type-RemovalOptions):
 *   passing https://chat.openai.com would sign the user out of platform.openai.com, the help
 *   center and the status page too. Cookies on a registrable domain shared with other OpenAI
 *   sites are therefore removed host by host through the `cookies` API instead.
 * - Firefox filters by `hostnames` (no `origins`, which it rejects), cannot clear the cache per
 *   site, and does not match subdomains: every host is listed, and the whole-cache clear is a
 *   separate, explicit choice.
 */
import { APP_URL_PATTERNS, WATCHED_HOSTS } from './hosts';

export type SiteDataBrowser = 'chrome' | 'firefox';

export type SiteDataType = 'cookies' | 'cache' | 'cacheStorage' | 'localStorage' | 'indexedDB' | 'serviceWorkers';

/** One `browsingData.remove` call. */
export interface BrowsingDataStep {
  filter: 'origins' | 'hostnames';
  values: string[];
  dataTypes: SiteDataType[];
}

export interface SiteDataPlan {
  browser: SiteDataBrowser;
  steps: BrowsingDataStep[];
  /** Cookie domains swept through the `cookies` API (each root and its subdomains), then read back. */
  cookieRoots: string[];
  /** What the user loses: they must sign in again here. */
  signedOut: string[];
  /** Other sites on a shared registrable domain that stay signed in. */
  keptSignedIn: string[];
  /** False in Firefox: the cache cannot be cleared for one site there. */
  cachePerSite: boolean;
  /** Every data type that is cleared for ChatGPT's sites (for the confirmation and the report). */
  dataTypes: SiteDataType[];
}

/**
 * Registrable domains that belong to ChatGPT alone: clearing all of their cookies signs the
 * user out of ChatGPT and nothing else.
 */
const CHATGPT_ONLY_DOMAINS = ['chatgpt.com', 'oaiusercontent.com'];

/** Other sites on the registrable domains ChatGPT shares, named in the confirmation. */
const SHARED_DOMAIN_SITES: Readonly<Record<string, readonly string[]>> = {
  'openai.com': ['platform.openai.com', 'help.openai.com', 'status.openai.com', 'openai.com'],
  'oaistatic.com': [],
};

/** Subdomains the app is known to use; Firefox's `hostnames` and Chrome's `origins` take no wildcards. */
const KNOWN_SUBDOMAINS: Readonly<Record<string, readonly string[]>> = {
  'chatgpt.com': ['ab.chatgpt.com', 'ws.chatgpt.com'],
  'oaiusercontent.com': ['files.oaiusercontent.com'],
};

/**
 * The last two labels. Enough for the watched hosts, whose public suffixes (.com) are one label;
 * a full Public Suffix List would be dead weight here.
 */
export function registrableDomain(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').split('.').slice(-2).join('.');
}

/** Concrete host names for the watched patterns: `*.x` becomes the known subdomains of x. */
export function concreteHosts(patterns: readonly string[] = WATCHED_HOSTS): string[] {
  const hosts = patterns.flatMap((p) => (p.startsWith('*.') ? (KNOWN_SUBDOMAINS[p.slice(2)] ?? []) : [p]));
  return [...new Set(hosts)];
}

const ALL_STORAGE: SiteDataType[] = ['cache', 'cacheStorage', 'localStorage', 'indexedDB', 'serviceWorkers'];
const FIREFOX_STORAGE: SiteDataType[] = ['localStorage', 'indexedDB', 'serviceWorkers'];

export function siteDataPlan(browser: SiteDataBrowser, patterns: readonly string[] = WATCHED_HOSTS): SiteDataPlan {
  const hosts = concreteHosts(patterns);
  const chatgptOnly = (host: string) => CHATGPT_ONLY_DOMAINS.includes(registrableDomain(host));
  const sharedDomains = [...new Set(hosts.map(registrableDomain).filter((d) => !CHATGPT_ONLY_DOMAINS.includes(d)))];
  // Cookie roots: a ChatGPT-only registrable domain as a whole, otherwise the exact host only
  // (`cookies.getAll({domain})` matches that host and its subdomains, never its parent).
  const cookieRoots = [...new Set(patterns.map((p) => (p.startsWith('*.') ? p.slice(2) : p)).map((h) => (chatgptOnly(h) ? registrableDomain(h) : h)))];
  const steps: BrowsingDataStep[] =
    browser === 'chrome'
      ? [
          { filter: 'origins', values: hosts.map((h) => `https://${h}`), dataTypes: ALL_STORAGE },
          // Only whole registrable domains that are ChatGPT's alone: see the note at the top.
          { filter: 'origins', values: CHATGPT_ONLY_DOMAINS.map((d) => `https://${d}`), dataTypes: ['cookies'] },
        ]
      : [
          { filter: 'hostnames', values: hosts, dataTypes: FIREFOX_STORAGE },
          { filter: 'hostnames', values: hosts.filter(chatgptOnly), dataTypes: ['cookies'] },
        ];
  // The sites a user signs into are the app's own; the CDN and file hosts hold no session.
  const appHosts = APP_URL_PATTERNS.map((u) => new URL(u.replace('/*', '/')).host);
  const signedOut = cookieRoots.filter((root) => appHosts.includes(root));
  return {
    browser,
    steps,
    cookieRoots,
    signedOut,
    keptSignedIn: sharedDomains.flatMap((d) => SHARED_DOMAIN_SITES[d] ?? []).filter((site) => !hosts.includes(site)),
    cachePerSite: browser === 'chrome',
    dataTypes: browser === 'chrome' ? ['cookies', ...ALL_STORAGE] : ['cookies', ...FIREFOX_STORAGE],
  };
}

/** Whether a cookie (by its `domain` attribute, leading dot or not) is one the plan removes. */
export function isPlannedCookie(plan: SiteDataPlan, cookieDomain: string): boolean {
  const d = cookieDomain.toLowerCase().replace(/^\./, '');
  return plan.cookieRoots.some((root) => d === root || d.endsWith(`.${root}`));
}
