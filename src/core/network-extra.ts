import { bodyGist, type BodyGist } from './body-gist';
import type { ErrorRecord } from './error-record';
import { redactPath, redactText, stripQueryValues } from './redact';

/**
 * What only DevTools sees about a failed request (a HAR entry from
 * `devtools.network.onRequestFinished`): the body's gist, the timing phases and a few safe
 * request headers. Built from untrusted input, matched to recorder records, kept in memory only.
 */
export interface TimingPhases {
  blocked: number;
  dns: number;
  connect: number;
  ssl: number;
  send: number;
  wait: number;
  receive: number;
}

export interface NetworkExtra {
  host: string;
  path: string;
  /** Query names with values removed (`?a=&b=`). */
  search: string;
  method: string;
  /** 0 when the request failed without a response. */
  status: number;
  startedAt: number;
  finishedAt: number;
  timings: TimingPhases;
  gist: BodyGist | null;
  /** Only headers with no secrets (see SAFE_HEADERS). */
  requestHeaders: Array<{ name: string; value: string }>;
}

const SAFE_HEADERS = new Set(['accept', 'content-type', 'oai-language']);
const PHASES = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const;

function num(value: unknown, fallback = -1): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function obj(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Is this HAR entry a failure worth reading the body of (4xx/5xx or no response at all)? */
export function isFailedEntry(entry: unknown): boolean {
  const status = num(obj(obj(entry).response).status, 0);
  return status >= 400 || status <= 0;
}

export function networkExtra(entry: unknown, body?: unknown, mimeType?: string | null): NetworkExtra | null {
  const e = obj(entry);
  const request = obj(e.request);
  const response = obj(e.response);
  if (typeof request.url !== 'string') return null;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  if (!url.hostname) return null;
  const startedAt = typeof e.startedDateTime === 'string' ? Date.parse(e.startedDateTime) : NaN;
  if (!Number.isFinite(startedAt)) return null;
  const total = Math.max(0, num(e.time, 0));
  const rawTimings = obj(e.timings);
  const timings = Object.fromEntries(PHASES.map((p) => [p, num(rawTimings[p])])) as unknown as TimingPhases;
  const headers = Array.isArray(request.headers) ? request.headers : [];
  const requestHeaders = headers
    .map(obj)
    .filter((h) => typeof h.name === 'string' && typeof h.value === 'string' && SAFE_HEADERS.has(h.name.toLowerCase()))
    .slice(0, 10)
    .map((h) => ({ name: String(h.name).toLowerCase(), value: redactText(String(h.value)).slice(0, 200) }));
  const content = obj(response.content);
  return {
    host: url.hostname.toLowerCase(),
    path: redactPath(url.pathname || '/'),
    search: stripQueryValues(url.search),
    method: (typeof request.method === 'string' ? request.method : 'GET').toUpperCase().slice(0, 16),
    status: Math.max(0, Math.trunc(num(response.status, 0))),
    startedAt,
    finishedAt: startedAt + total,
    timings,
    gist: bodyGist(body, mimeType ?? (typeof content.mimeType === 'string' ? content.mimeType : null)),
    requestHeaders,
  };
}

/** How far apart the recorder's time and DevTools' end time may be and still be the same request. */
const SLACK_MS = 5_000;

/**
 * Pairs DevTools entries with recorder records: same method, host, redacted path and status,
 * the record's time closest to the entry's end. Each entry pairs with one record at most.
 */
export function matchExtras(records: readonly ErrorRecord[], extras: readonly NetworkExtra[]): Map<string, NetworkExtra> {
  const byKey = new Map<string, NetworkExtra[]>();
  for (const x of extras) {
    const key = `${x.method} ${x.host}${x.path} ${x.status}`;
    const list = byKey.get(key);
    if (list) list.push(x);
    else byKey.set(key, [x]);
  }
  const matched = new Map<string, NetworkExtra>();
  if (!byKey.size) return matched;
  const used = new Set<NetworkExtra>();
  for (const r of records) {
    const list = byKey.get(`${r.method} ${r.host}${r.path} ${r.status ?? 0}`);
    if (!list) continue;
    let best: NetworkExtra | null = null;
    let bestGap = Infinity;
    for (const x of list) {
      if (used.has(x) || r.time < x.startedAt - SLACK_MS) continue;
      const gap = Math.abs(r.time - x.finishedAt);
      if (gap <= SLACK_MS && gap < bestGap) {
        best = x;
        bestGap = gap;
      }
    }
    if (best) {
      used.add(best);
      matched.set(r.id, best);
    }
  }
  return matched;
}
