/**
 * What kind of failure a record is. Each category has a plain-language meaning (an i18n key,
 * so the pure core never needs the browser to name it), a side (whose fault it usually is),
 * and a severity used to colour the badge by the worst one.
 */
export const CATEGORIES = [
  'server', // 500 and other 5xx: OpenAI's app failed
  'gateway', // 502, 504, Cloudflare 520-530: an edge could not reach OpenAI in time
  'overload', // 503: overloaded or in maintenance
  'rate-limit', // 429
  'session', // 401/403 on an API path: session expired or blocked
  'cloudflare', // a Cloudflare check (cf-mitigated: challenge) on any request, or its HTML block page where ChatGPT should answer
  'blocked', // net::ERR_BLOCKED_BY_CLIENT: another extension
  'proxy', // proxy and tunnel errors: a proxy or VPN
  'network', // DNS, offline, network changed
  'connection', // resets, timeouts, TLS: the path between the browser and OpenAI
  'answer', // a 200 answer stream that carried an error or stopped halfway (seen in the page, not by webRequest)
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Higher is worse; the badge takes the colour of the worst category on the tab. */
export const CATEGORY_SEVERITY: Readonly<Record<Category, number>> = {
  server: 9,
  gateway: 8,
  overload: 8,
  'rate-limit': 6,
  session: 6,
  cloudflare: 5,
  connection: 4,
  proxy: 4,
  network: 4,
  blocked: 3,
  answer: 7,
};

/** The filter groups the DevTools panel offers; telemetry is a flag, not a category. */
export const FILTER_GROUPS = ['server', 'gateway', 'overload', 'answer', 'session', 'blocked', 'network', 'telemetry'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

/**
 * The one category palette, by group: a failure wears its group's colour on the badge, its
 * chip, its row bar, its chart bar and its status text, and is counted by that chip. These are
 * the light values of theme.css's --g-<group> (a test keeps them equal). A new category needs
 * only its line in CATEGORY_GROUP (and its side and severity) to be counted and coloured.
 */
export const GROUP_COLOR: Readonly<Record<FilterGroup, string>> = {
  server: '#c5221f',
  gateway: '#c2410c',
  overload: '#8a5a00',
  session: '#8430ce',
  blocked: '#b0306a',
  network: '#1a5fb4',
  telemetry: '#5f6368',
  answer: '#00796b',
};

export const CATEGORY_GROUP: Readonly<Record<Category, Exclude<FilterGroup, 'telemetry'>>> = {
  server: 'server',
  gateway: 'gateway',
  overload: 'overload',
  'rate-limit': 'overload',
  session: 'session',
  cloudflare: 'session',
  blocked: 'blocked',
  proxy: 'network',
  network: 'network',
  // A reset, refusal or timeout never reached OpenAI's app: the network's, like DNS.
  connection: 'network',
  answer: 'answer',
};

/** The badge colour of a category: its group's. */
export function categoryColor(category: Category): string {
  return GROUP_COLOR[CATEGORY_GROUP[category]];
}

export function worstCategory(categories: Iterable<Category>): Category | null {
  let worst: Category | null = null;
  for (const c of categories) if (worst === null || CATEGORY_SEVERITY[c] > CATEGORY_SEVERITY[worst]) worst = c;
  return worst;
}
