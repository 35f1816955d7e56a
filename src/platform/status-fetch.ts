import type { StatusAnswer } from '../core/status-page';

/** Validators from the last good answer, for a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

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
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await fetchImpl(url, { headers, credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: controller.signal });
    const next: Validators = {
      ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
      ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified')! } : {}),
    };
    if (response.status === 304) {
      void response.body?.cancel().catch(() => undefined);
      return { answer: { kind: 'not-modified' }, validators: { ...validators, ...next } };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      return { answer: tooLarge(declared, maxBytes), validators: {} };
    }
    const body = await readCapped(response, maxBytes);
    if (body === null) return { answer: tooLarge(null, maxBytes), validators: {} };
    return { answer: { kind: 'answer', status: response.status, contentType: response.headers.get('content-type'), body }, validators: next };
  } catch (error) {
    if (timedOut) return { answer: { kind: 'failed', reason: 'timeout', detail: `no answer within ${Math.round(timeoutMs / 1000)} s` }, validators: {} };
    const message = error instanceof Error ? error.message : String(error);
    return { answer: { kind: 'failed', reason: 'network', detail: message.slice(0, 200) }, validators: {} };
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(bytes: number | null, maxBytes: number): StatusAnswer {
  return { kind: 'failed', reason: 'too-large', detail: `${bytes ?? 'more than ' + maxBytes} bytes, limit ${maxBytes}` };
}

/** Reads the body up to `maxBytes`; null when it is longer (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
