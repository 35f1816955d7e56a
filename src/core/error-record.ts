import type { Category } from './categories';
import { classifyNetworkError, classifyStatus } from './classify';
import { headerValue, isHtml, parseRetryAfter, type HeaderList, type RequestIds } from './headers';
import { isApiPath, isOwnTelemetry, isSignInHost, isWatchedHost } from './hosts';
import { safeUrl } from './redact';

/** A finished request as the webRequest adapter hands it over (Chrome and Firefox agree on these). */
export interface RequestEvent {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  type: string;
  /** When the request finished or failed, ms since the epoch. */
  timeStamp: number;
  statusCode?: number | undefined;
  statusLine?: string | undefined;
  /** Set for `onErrorOccurred`. */
  error?: string | undefined;
  responseHeaders?: HeaderList | undefined;
  /** Sent by this extension itself (the reachability probe): its outcome is kept elsewhere. */
  fromExtension?: boolean | undefined;
}

/** One failure with its evidence. Nothing here can hold a cookie, a token, a body or a query. */
export interface ErrorRecord {
  /** Unique within the log: the browser's request id plus the time. */
  id: string;
  time: number;
  tabId: number;
  type: string;
  method: string;
  host: string;
  /** Redacted, query string dropped. */
  path: string;
  status: number | null;
  statusLine: string | null;
  error: string | null;
  category: Category;
  /** i18n key of the plain-language meaning. */
  meaning: string;
  /** ChatGPT's own telemetry: recorded, never counted as an outage. */
  telemetry: boolean;
  durationMs: number | null;
  ids: RequestIds;
  retryAfter: string | null;
  /** `retry-after` in seconds from the time of the failure, when it parses. */
  retryAfterSec: number | null;
  server: string | null;
  contentType: string | null;
  /** An API path answered with HTML and no `x-oai-request-id`: a Cloudflare page, not the app. */
  htmlOnApi: boolean;
}

const MAX_SHORT = 80;

function short(value: string | undefined | null): string | null {
  if (typeof value !== 'string' || !value) return null;
  return value.length > MAX_SHORT ? value.slice(0, MAX_SHORT) : value;
}

/**
 * Builds the record for a finished request, or null when it is not a ChatGPT failure
 * (a success, a cancellation, another site, third-party telemetry, or input too odd to trust).
 */
export function buildRecord(event: RequestEvent, startedAt?: number): ErrorRecord | null {
  if (event.fromExtension) return null;
  const url = typeof event.url === 'string' ? safeUrl(event.url) : null;
  if (!url || !isWatchedHost(url.host)) return null;
  const headers = Array.isArray(event.responseHeaders) ? event.responseHeaders : undefined;
  const contentType = headerValue(headers, 'content-type');
  const oaiRequestId = headerValue(headers, 'x-oai-request-id');
  const api = isApiPath(url.path);
  const htmlOnApi = api && isHtml(contentType) && !oaiRequestId;
  const context = {
    api,
    htmlOnApi,
    challenge: headerValue(headers, 'cf-mitigated')?.toLowerCase() === 'challenge',
    htmlDocument: event.type === 'main_frame' && isHtml(contentType),
    signIn: isSignInHost(url.host),
  };
  // classifyStatus takes only integer statuses from 400 on: a record from a status has a real one.
  const classification = typeof event.error === 'string' && event.error ? classifyNetworkError(event.error) : classifyStatus(event.statusCode!, context);
  if (!classification) return null;

  const time = Number.isFinite(event.timeStamp) ? Math.round(event.timeStamp) : 0;
  const retryAfter = headerValue(headers, 'retry-after');
  const duration = Number.isFinite(startedAt) && time >= startedAt! ? Math.round(time - startedAt!) : null;

  return {
    id: `${typeof event.requestId === 'string' || typeof event.requestId === 'number' ? String(event.requestId).slice(0, 40) : '?'}@${time}`,
    time,
    tabId: Number.isInteger(event.tabId) ? event.tabId : -1,
    type: short(event.type) ?? 'other',
    method: (short(event.method) ?? 'GET').toUpperCase(),
    host: url.host,
    path: url.path,
    status: event.error ? null : (event.statusCode ?? null),
    statusLine: event.error || typeof event.statusLine !== 'string' ? null : short(event.statusLine.trim()),
    error: short(event.error),
    category: classification.category,
    meaning: classification.meaning,
    telemetry: isOwnTelemetry(url.host, url.path),
    durationMs: duration,
    ids: {
      cfRay: headerValue(headers, 'cf-ray'),
      xRequestId: headerValue(headers, 'x-request-id'),
      oaiRequestId,
    },
    retryAfter,
    retryAfterSec: parseRetryAfter(retryAfter, time),
    server: headerValue(headers, 'server'),
    contentType,
    htmlOnApi,
  };
}
