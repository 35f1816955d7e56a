import type { Validators } from '../contract/status';
import type { StatusAnswer } from '../core/status-page';
import { errorText } from '../core/error-text';

export type { Validators };

export type FetchedAnswer = StatusAnswer | { kind: 'not-modified' };

export interface FetchOptions {
  timeoutMs?: number;
  /** Bodies past this many bytes are not read further: the status API answers in a few kB. */
  maxBytes?: number;
  validators?: Validators;
  fetchImpl?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1_000_000;

/**
 * One GET of a status API URL. Never throws: a timeout, a network error or an oversized body
 * come back as a `failed` answer with the reason. No cookies go out (`credentials: 'omit'`), and
 * the HTTP cache is bypassed so a stale copy cannot hide an outage; the conditional headers are
 * set by hand instead, so an unchanged page costs a 304.
 */
export async function fetchStatusUrl(url: string, options: FetchOptions = {}): Promise<{ answer: FetchedAnswer; validators: Validators }> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, validators = {}, fetchImpl = fetch } = options;
  // Covers reading the body too: a stalled stream times out like a stalled connection.
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    // A redirect is never followed: the status API has none, and one that appears (a moved page,
    // a login wall) must read as "unknown", not as whatever answers at the other end.
    const response = await fetchImpl(url, { headers, credentials: 'omit', cache: 'no-store', redirect: 'manual', signal });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
      void response.body?.cancel().catch(() => undefined);
      return { answer: { kind: 'failed', reason: 'redirect', detail: `HTTP ${response.status || 'redirect'} to another address` }, validators: {} };
    }
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    const next: Validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    // NaN (no or a bad content-length) is never over the cap; the read below still is.
    const declared = Number(response.headers.get('content-length'));
    if (response.status === 304 || declared > maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      return response.status === 304
        ? { answer: { kind: 'not-modified' }, validators: { ...validators, ...next } }
        : { answer: tooLarge(declared, maxBytes), validators: {} };
    }
    const body = await readCapped(response, maxBytes);
    if (body === null) return { answer: tooLarge(null, maxBytes), validators: {} };
    return { answer: { kind: 'answer', status: response.status, contentType: response.headers.get('content-type'), body }, validators: next };
  } catch (error) {
    const answer: StatusAnswer = signal.aborted
      ? { kind: 'failed', reason: 'timeout', detail: `no answer within ${Math.round(timeoutMs / 1000)} s` }
      : { kind: 'failed', reason: 'network', detail: errorText(error).slice(0, 200) };
    return { answer, validators: {} };
  }
}

function tooLarge(bytes: number | null, maxBytes: number): StatusAnswer {
  return { kind: 'failed', reason: 'too-large', detail: `${bytes ?? 'more than ' + maxBytes} bytes, limit ${maxBytes}` };
}

/** Reads the body up to `maxBytes`; null when it is longer (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  // `stream: true` holds back a character split between two chunks until the next one.
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let read; !(read = await reader.read()).done;) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(read.value, { stream: true });
  }
  return text + decoder.decode();
}
