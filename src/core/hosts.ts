/**
 * The single source of truth for which hosts Error Doctor watches and fetches.
 * The manifest's host permissions are checked against this by test/unit/conventions.test.ts.
 */

/**
 * Where ChatGPT's sign-in runs: auth.openai.com since 2025 (its /log-in, /log-in/password,
 * /api/accounts/... pages; also the OAuth issuer of OpenAI's own Codex CLI), auth0.openai.com
 * before it (its /u/login/... pages, still linked from older sessions). Sources in
 * test/fixtures/real/README.md. A 5xx there means "the sign-in service is failing", not the chat.
 */
export const SIGN_IN_HOSTS = ['auth.openai.com', 'auth0.openai.com'] as const;

/** Hosts the ChatGPT web app talks to; `*.` means the host and its subdomains. */
export const WATCHED_HOSTS = ['chatgpt.com', '*.chatgpt.com', 'chat.openai.com', 'cdn.oaistatic.com', '*.oaiusercontent.com', ...SIGN_IN_HOSTS] as const;

/** Fetched (status check), never watched. */
export const STATUS_HOST = 'status.openai.com';
export const STATUS_ORIGIN = `https://${STATUS_HOST}`;

/** Where users are sent to read about an outage or get help. */
export const STATUS_PAGE_URL = `${STATUS_ORIGIN}/`;
export const HELP_CENTER_URL = 'https://help.openai.com/';

/** Match patterns for `webRequest` filters: observing only, so every scheme the app may use. */
export const WATCH_URL_PATTERNS: readonly string[] = WATCHED_HOSTS.map((host) => `*://${host}/*`);

/**
 * Host permissions the manifest must declare: watched hosts over https plus the status page. A
 * function, not a constant: only pages ask, and a constant would be computed in the worker too.
 */
export function hostPermissions(): string[] {
  return [...WATCHED_HOSTS, STATUS_HOST].map((host) => `https://${host}/*`);
}

/** Tabs where the ChatGPT app itself runs (for reload and for "is a ChatGPT tab open"). */
export const APP_URL_PATTERNS: readonly string[] = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];

/** Tabs of the sign-in flow: the popup speaks of such a tab as of a ChatGPT tab. */
export const SIGN_IN_URL_PATTERNS: readonly string[] = /* @__PURE__ */ SIGN_IN_HOSTS.map((host) => `https://${host}/*`);

/** The origin the app runs on today; chat.openai.com redirects (308) here. */
export const APP_ORIGIN = 'https://chatgpt.com';

/**
 * Only these hosts are recorded. Third-party telemetry the page sends (Datadog, Statsig, Sentry,
 * ...) is outside the webRequest filters and can never match here, so it needs no list of its own.
 */
export function isWatchedHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return WATCHED_HOSTS.some((pattern) => (pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern));
}

export function isSignInHost(host: string): boolean {
  return (SIGN_IN_HOSTS as readonly string[]).includes(host.toLowerCase().replace(/\.$/, ''));
}

/**
 * Paths of ChatGPT's own telemetry on watched hosts, which content blockers block on purpose:
 * the event pipeline (/ces/v1/t, /ces/v1/rgstr, /ces/v1/telemetry/intake, /ces/statsc/flush),
 * beacons (/backend-api/beacons/), latency reports (/backend-api/lat/r), Cloudflare's RUM beacon,
 * and all of ab.chatgpt.com (the Statsig proxy: /v1/initialize, /v1/rgstr, /v1/sdk_exception; the
 * app falls back to its defaults without it). Paths seen in public HAR-based tests and captures,
 * listed in test/fixtures/real/README.md.
 * Third parties (Datadog, Statsig's own hosts, Sentry, Intercom, Google analytics) are outside
 * the webRequest filters and can never be recorded at all.
 */
const TELEMETRY_PATHS = ['/ces/', '/backend-api/beacons/', '/backend-api/lat/', '/cdn-cgi/rum'];

/** ChatGPT's own telemetry: recorded, but never counted as an outage. */
export function isOwnTelemetry(host: string, path: string): boolean {
  return host.toLowerCase() === 'ab.chatgpt.com' || TELEMETRY_PATHS.some((prefix) => path.startsWith(prefix));
}

/** API paths are where a 401/403 means "session" and an HTML body means a Cloudflare page. */
export function isApiPath(path: string): boolean {
  return /^\/(backend-api|backend-anon|api|public-api)\//.test(path);
}
