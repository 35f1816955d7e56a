import type { Category } from './categories';

/**
 * The outcome of a request as far as failure goes: a category and the i18n key of its
 * plain-language meaning, or null for successes and user cancellations.
 */
export interface Classification {
  category: Category;
  /** i18n message key, e.g. `meaning_500`. */
  meaning: string;
}

export interface StatusContext {
  /** The request went to an API path (`/backend-api/`, `/api/`). */
  api: boolean;
  /** An API path answered with HTML and no `x-oai-request-id`: a Cloudflare page. */
  htmlOnApi: boolean;
  /** `cf-mitigated: challenge`: Cloudflare's own word that it served a check, on any path. */
  challenge?: boolean;
  /** The page itself (a `main_frame` request) answered with HTML. */
  htmlDocument?: boolean;
  /** A sign-in host (auth.openai.com): its 5xx mean the sign-in service, not the chat. */
  signIn?: boolean;
}

/** Statuses with a message of their own, `meaning_<status>` (and Cloudflare's 520-526, below). */
const OWN_MEANING: Readonly<Record<number, Category>> = { 429: 'rate-limit', 500: 'server', 502: 'gateway', 503: 'overload', 504: 'gateway' };

export function classifyStatus(status: number, ctx: StatusContext): Classification | null {
  if (!Number.isInteger(status) || status < 400) return null;
  // Cloudflare marks every challenge it serves with `cf-mitigated: challenge`, whatever the path
  // (https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response/):
  // the check is about this browser, never the session or OpenAI.
  if (ctx.challenge) return { category: 'cloudflare', meaning: 'meaning_cf_challenge' };
  if (status === 401 || status === 403) {
    // A Cloudflare block answers 403 with HTML; the app's own refusals are JSON.
    if (ctx.htmlOnApi || (!ctx.api && ctx.htmlDocument)) return { category: 'cloudflare', meaning: 'meaning_cloudflare_page' };
    if (ctx.api) return { category: 'session', meaning: `meaning_${status}` };
  }
  const found = serverSide(status);
  if (found && ctx.signIn && found.category !== 'rate-limit') return { category: found.category, meaning: 'meaning_signin_down' };
  return found;
}

function serverSide(status: number): Classification | null {
  const category = OWN_MEANING[status];
  if (category) return { category, meaning: `meaning_${status}` };
  if (status < 500) return null;
  // Cloudflare's edge errors: 520-526 are each explained, the rest of 52x-530 together.
  if (status >= 520 && status <= 530) return { category: 'gateway', meaning: status <= 526 ? `meaning_${status}` : 'meaning_52x' };
  return { category: 'server', meaning: 'meaning_5xx' };
}

/**
 * Network errors as Chrome (`net::ERR_*`) and Firefox (`NS_ERROR_*`) report them in
 * `webRequest.onErrorOccurred`. Unknown errors are still failures: "connection". A pattern
 * matches anywhere in the name: PROXY covers NS_ERROR_UNKNOWN_PROXY_HOST, RESET
 * NS_ERROR_NET_RESET, CONNECTION_REFUSED both browsers' refusals.
 */
const NETWORK_ERRORS: ReadonlyArray<readonly [RegExp, Category, string]> = [
  // Firefox reports a request cancelled by an extension (a declarativeNetRequest block rule or a
  // webRequest `{cancel: true}`) as NS_ERROR_ABORT; a page's own abort is NS_BINDING_ABORTED.
  // Verified in Firefox ESR by test/e2e/recorder.test.ts.
  [/ERR_BLOCKED_BY_CLIENT|NS_ERROR_CONTENT_BLOCKED|NS_ERROR_BLOCKED_BY_POLICY|^NS_ERROR_ABORT$/i, 'blocked', 'meaning_blocked'],
  [/ERR_BLOCKED_BY_ADMINISTRATOR/i, 'blocked', 'meaning_blocked_admin'],
  [/PROXY|TUNNEL_CONNECTION_FAILED|ERR_SOCKS/i, 'proxy', 'meaning_proxy'],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|NS_ERROR_UNKNOWN_HOST|DNS/i, 'network', 'meaning_dns'],
  [/ERR_INTERNET_DISCONNECTED|NS_ERROR_OFFLINE/i, 'network', 'meaning_offline'],
  [/ERR_NETWORK_CHANGED|ERR_ADDRESS_UNREACHABLE|NS_ERROR_NET_UNREACHABLE/i, 'network', 'meaning_network_changed'],
  [/TIMED_OUT|NS_ERROR_NET_TIMEOUT/i, 'connection', 'meaning_timeout'],
  [/RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|NS_ERROR_NET_INTERRUPT/i, 'connection', 'meaning_reset'],
  [/CONNECTION_REFUSED/i, 'connection', 'meaning_refused'],
  [/CERT|SSL|NS_ERROR_GENERATE_FAILURE|SEC_ERROR|TLS/i, 'connection', 'meaning_tls'],
];

/** Cancellations are the user's or the page's own choice, never a failure. */
// ERR_CACHE_MISS: a page load DevTools replays from the cache (or a form resubmission), not a
// network failure.
const CANCELLATIONS = /ERR_ABORTED|NS_BINDING_ABORTED|ERR_CANCELLED|NS_BINDING_REDIRECTED|ERR_CACHE_MISS/i;

export function classifyNetworkError(error: string): Classification | null {
  if (!error || CANCELLATIONS.test(error)) return null;
  for (const [pattern, category, meaning] of NETWORK_ERRORS) {
    if (pattern.test(error)) return { category, meaning };
  }
  return { category: 'connection', meaning: 'meaning_network_other' };
}
