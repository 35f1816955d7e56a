import type { RequestEvent } from '../../src/core/error-record';

/** Realistic webRequest details for ChatGPT's own requests, deterministic from `i`. */
export const BASE_TIME = 1_764_000_000_000;

function headers(i: number, status: number) {
  return [
    { name: 'content-type', value: i % 5 ? 'application/json' : 'text/event-stream; charset=utf-8' },
    { name: 'cf-ray', value: `8f${(i * 7919).toString(16).padStart(12, '0')}-SJC` },
    { name: 'x-request-id', value: `0b7f4c52-7a8e-4a43-9a55-${String(i).padStart(12, '0')}` },
    { name: 'server', value: 'cloudflare' },
    { name: 'cache-control', value: 'no-store' },
    { name: 'strict-transport-security', value: 'max-age=31536000; includeSubDomains; preload' },
    { name: 'date', value: 'Wed, 25 Nov 2026 03:00:00 GMT' },
    ...(status === 429 || status === 503 ? [{ name: 'retry-after', value: String(i % 60) }] : []),
    ...(status === 503 && i % 2 ? [{ name: 'Retry-After', value: 'Wed, 25 Nov 2026 03:05:00 GMT' }] : []),
  ];
}

const PATHS = ['/backend-api/f/conversation', '/backend-api/conversations', '/backend-api/sentinel/chat-requirements', '/api/auth/session', '/ces/v1/t'];

/** The two events of one request, serialized as the browser would hand them over. */
export function requestPair(i: number, status: number, base = BASE_TIME): [string, string] {
  const requestId = String(100_000 + i);
  const url = `https://chatgpt.com${PATHS[i % PATHS.length]}?offset=${i}&limit=28`;
  const common = {
    requestId,
    url,
    method: i % 3 ? 'GET' : 'POST',
    tabId: 7 + (i % 4),
    type: 'xmlhttprequest',
    frameId: 0,
    parentFrameId: -1,
    initiator: 'https://chatgpt.com',
  };
  const start = { ...common, timeStamp: base + i };
  const finish = {
    ...common,
    timeStamp: base + 250 + i,
    statusCode: status,
    statusLine: `HTTP/1.1 ${status}`,
    fromCache: false,
    ip: '104.18.32.47',
    responseHeaders: headers(i, status),
  };
  return [JSON.stringify(start), JSON.stringify(finish)];
}

export function failureEvent(i: number, base = BASE_TIME): RequestEvent {
  if (i % 4 === 3) {
    return {
      requestId: String(i),
      url: `https://chatgpt.com${PATHS[i % PATHS.length]}`,
      method: 'POST',
      tabId: 7,
      type: 'xmlhttprequest',
      timeStamp: base + i,
      error: ['net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_CONNECTION_RESET', 'net::ERR_TUNNEL_CONNECTION_FAILED'][i % 3],
    };
  }
  const status = [500, 502, 503, 429][i % 4]!;
  const [, finish] = requestPair(i, status, base);
  return JSON.parse(finish) as RequestEvent;
}
