import type { ErrorRecord } from './error-record';
import { primaryRequestId } from './headers';
import type { NetworkExtra } from './network-extra';
import { stripQueryValues } from './redact';

/**
 * A HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of the failures, safe to attach to
 * a support ticket: no cookies, no authorization, no request bodies, query values removed. Built
 * only from the record's allow-listed evidence and, when DevTools saw the request, the redacted
 * body gist and timings.
 */
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    queryString: HarHeader[];
    headersSize: -1;
    bodySize: -1;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: -1;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number };
  _errorDoctor: { category: string; meaning: string; requestId: string | null; telemetry: boolean };
}

export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; pages: []; entries: HarEntry[] };
}

function responseHeaders(r: ErrorRecord): HarHeader[] {
  const pairs: Array<[string, string | null]> = [
    ['content-type', r.contentType],
    ['server', r.server],
    ['cf-ray', r.ids.cfRay],
    ['x-request-id', r.ids.xRequestId],
    ['x-oai-request-id', r.ids.oaiRequestId],
    ['retry-after', r.retryAfter],
  ];
  return pairs.filter((p): p is [string, string] => p[1] !== null).map(([name, value]) => ({ name, value }));
}

function queryString(search: string): HarHeader[] {
  return stripQueryValues(search)
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((pair) => ({ name: pair.replace(/=$/, ''), value: '' }));
}

function phase(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : -1;
}

export function harEntry(r: ErrorRecord, extra?: NetworkExtra): HarEntry {
  const duration = extra ? Math.max(0, extra.finishedAt - extra.startedAt) : Math.max(0, r.durationMs ?? 0);
  const started = extra ? extra.startedAt : r.time - duration;
  const search = extra ? stripQueryValues(extra.search) : '';
  const gist = extra?.gist;
  const t = extra?.timings;
  return {
    startedDateTime: new Date(Number.isFinite(started) ? started : 0).toISOString(),
    time: duration,
    request: {
      method: r.method,
      url: `https://${r.host}${r.path}${search}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: (extra?.requestHeaders ?? []).map((h) => ({ name: h.name, value: h.value })),
      queryString: queryString(search),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: r.status ?? 0,
      statusText: r.statusLine ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders(r),
      content: { size: gist ? gist.excerpt.length : 0, mimeType: r.contentType ?? 'x-unknown', ...(gist ? { text: gist.excerpt } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(r.error ? { _error: r.error } : {}),
    },
    cache: {},
    // send, wait and receive must not be -1 in HAR 1.2; without DevTools the whole time is "wait".
    timings: t
      ? {
          blocked: phase(t.blocked),
          dns: phase(t.dns),
          connect: phase(t.connect),
          ssl: phase(t.ssl),
          send: Math.max(0, phase(t.send)),
          wait: Math.max(0, phase(t.wait)),
          receive: Math.max(0, phase(t.receive)),
        }
      : { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: duration, receive: 0 },
    _errorDoctor: { category: r.category, meaning: r.meaning, requestId: primaryRequestId(r.ids), telemetry: r.telemetry },
  };
}

export function buildHar(records: readonly ErrorRecord[], extras: ReadonlyMap<string, NetworkExtra>, version: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Error Doctor', version },
      pages: [],
      entries: records.map((r) => harEntry(r, extras.get(r.id))),
    },
  };
}
