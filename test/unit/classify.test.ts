import { describe, expect, it } from 'vitest';
import { classifyNetworkError, classifyStatus } from '../../src/core/classify';

const api = { api: true, htmlOnApi: false };
const page = { api: false, htmlOnApi: false };

describe('classifyStatus', () => {
  it.each([
    [500, api, 'server', 'meaning_500'],
    [501, api, 'server', 'meaning_5xx'],
    [502, api, 'gateway', 'meaning_502'],
    [503, api, 'overload', 'meaning_503'],
    [504, api, 'gateway', 'meaning_504'],
    [520, api, 'gateway', 'meaning_520'],
    [522, page, 'gateway', 'meaning_522'],
    [524, api, 'gateway', 'meaning_524'],
    [527, api, 'gateway', 'meaning_52x'],
    [530, api, 'gateway', 'meaning_52x'],
    [599, page, 'server', 'meaning_5xx'],
    [429, page, 'rate-limit', 'meaning_429'],
    [401, api, 'session', 'meaning_401'],
    [403, api, 'session', 'meaning_403'],
    [403, { api: true, htmlOnApi: true }, 'cloudflare', 'meaning_cloudflare_page'],
  ] as const)('%i on %o is %s', (status, ctx, category, meaning) => {
    expect(classifyStatus(status, ctx)).toEqual({ category, meaning });
  });

  it.each([
    [200, api],
    [204, api],
    [301, page],
    [304, page],
    [401, page],
    [403, page],
    [404, api],
    [499, api],
    [NaN, api],
    [500.5, api],
    [-1, api],
  ])('%s on %o is not a failure', (status, ctx) => {
    expect(classifyStatus(status, ctx)).toBeNull();
  });
});

describe('classifyNetworkError', () => {
  it.each([
    ['net::ERR_BLOCKED_BY_CLIENT', 'blocked'],
    ['NS_ERROR_CONTENT_BLOCKED', 'blocked'],
    ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'blocked'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_SOCKS_CONNECTION_FAILED', 'proxy'],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'proxy'],
    ['net::ERR_NAME_NOT_RESOLVED', 'network'],
    ['NS_ERROR_UNKNOWN_HOST', 'network'],
    ['net::ERR_INTERNET_DISCONNECTED', 'network'],
    ['NS_ERROR_OFFLINE', 'network'],
    ['net::ERR_NETWORK_CHANGED', 'network'],
    ['net::ERR_CONNECTION_RESET', 'connection'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'connection'],
    ['net::ERR_TIMED_OUT', 'connection'],
    ['NS_ERROR_NET_TIMEOUT', 'connection'],
    ['net::ERR_CONNECTION_REFUSED', 'connection'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'connection'],
    ['net::ERR_SOMETHING_NEW', 'connection'],
  ])('%s is %s', (error, category) => {
    expect(classifyNetworkError(error)?.category).toBe(category);
  });

  it.each(['net::ERR_ABORTED', 'NS_BINDING_ABORTED', 'net::ERR_CACHE_MISS', ''])('%s is a cancellation, not a failure', (error) => {
    expect(classifyNetworkError(error)).toBeNull();
  });

  it('NS_ERROR_ABORT is Firefox’s word for a request another extension cancelled, not a page abort', () => {
    // Measured in Firefox ESR: DNR block and webRequest {cancel:true} give NS_ERROR_ABORT,
    // AbortController and XHR.abort() give NS_BINDING_ABORTED.
    expect(classifyNetworkError('NS_ERROR_ABORT')).toEqual({ category: 'blocked', meaning: 'meaning_blocked' });
  });
});
