/**
 * The single source of truth for which hosts Error Doctor watches and fetches.
 * The manifest's host permissions are checked against this by test/unit/manifest.test.ts.
 */

/** Hosts the ChatGPT web app talks to; `*.` means the host and its subdomains. */
export const WATCHED_HOSTS = [
  'chatgpt.com',
  '*.chatgpt.com',
  'chat.openai.com',
  'cdn.oaistatic.com',
  '*.oaiusercontent.com',
] as const;

/** Fetched (status check), never watched. */
export const STATUS_HOST = 'status.openai.com';
export const STATUS_ORIGIN = `https://${STATUS_HOST}`;

/** Where users are sent to read about an outage or get help. */
export const STATUS_PAGE_URL = `${STATUS_ORIGIN}/`;
export const HELP_CENTER_URL = 'https://help.openai.com/';

/** Match patterns for `webRequest` filters: observing only, so every scheme the app may use. */
export const WATCH_URL_PATTERNS: readonly string[] = WATCHED_HOSTS.map((host) => `*://${host}/*`);

/** Host permissions the manifest must declare: watched hosts over https plus the status page. */
export const HOST_PERMISSIONS: readonly string[] = [
  ...WATCHED_HOSTS.map((host) => `https://${host}/*`),
  `${STATUS_ORIGIN}/*`,
];

/** Tabs where the ChatGPT app itself runs (for reload and for "is a ChatGPT tab open"). */
export const APP_URL_PATTERNS: readonly string[] = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];

/** The origin the app runs on today; chat.openai.com redirects (308) here. */
export const APP_ORIGIN = 'https://chatgpt.com';

export function isWatchedHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return WATCHED_HOSTS.some((pattern) =>
    pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern,
  );
}

/**
 * Third-party telemetry the page sends; blockers block it on purpose, so its failures are not
 * ChatGPT's. These hosts are outside the URL filters; the check is a second line of defence for
 * anything proxied through or redirected into the watched hosts.
 */
const THIRD_PARTY_TELEMETRY = [
  'datadoghq.com',
  'datadoghq.eu',
  'statsig.com',
  'statsigapi.net',
  'featuregates.org',
  'intercom.io',
  'intercomcdn.com',
  'sentry.io',
  'google-analytics.com',
  'googletagmanager.com',
  'segment.io',
  'segment.com',
  'browser-intake-datadoghq.com',
];

export function isThirdPartyTelemetryHost(host: string): boolean {
  const h = host.toLowerCase();
  return THIRD_PARTY_TELEMETRY.some((domain) => h === domain || h.endsWith(`.${domain}`));
}

/** ChatGPT's own telemetry: recorded, but never counted as an outage. */
export function isOwnTelemetry(host: string, path: string): boolean {
  const h = host.toLowerCase();
  return (
    path.startsWith('/ces/') ||
    path.startsWith('/cdn-cgi/rum') ||
    (h === 'ab.chatgpt.com' && path.startsWith('/v1/rgstr'))
  );
}

/** API paths are where a 401/403 means "session" and an HTML body means a Cloudflare page. */
export function isApiPath(path: string): boolean {
  return path.startsWith('/backend-api/') || path.startsWith('/backend-anon/') || path.startsWith('/api/') || path.startsWith('/public-api/');
}
