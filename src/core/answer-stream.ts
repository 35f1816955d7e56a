import { clip } from './clip';
import { maskIds, redactText } from './redact';

/**
 * Finds the failures inside a ChatGPT answer stream (`200 text/event-stream` from
 * `/backend-api/f/conversation` and its kin), fed chunk by chunk as text. Pure and incremental:
 * memory is bounded whatever the page receives, and no input makes it throw.
 *
 * The forms it knows, each from public code that reads chatgpt.com's streams (sources in
 * test/fixtures/real/README.md, "Answer streams"):
 * - a JSON event with a non-null top-level `error`, the older whole-message framing
 *   (`data: {"message": null, "conversation_id": "…", "error": "Our systems have detected…"}`);
 * - the same in the delta encoding (`event: delta_encoding` / `data: "v1"`, then JSON-patch
 *   frames `{"p","o","v","c"}`): a root added with a non-null `error`, or a patch to `/error`;
 * - an `event: error` block;
 * - an event whose `type` names an error (`"type": "error"`, `"stream_error"`, …);
 * - a stream that ends without `message_stream_complete` or `data: [DONE]` (stopped halfway).
 *
 * Why our own line reading over eventsource-parser 4.1.3 (measured 2026-12-04): it adds 1,609 B
 * gzip to the page-world script (2,843 -> 4,452 B, before removing ours), and past its
 * maxBufferSize it stops parsing until reset(), where this skips the one oversized event and
 * reads on: an error can follow a huge answer event.
 */
export type AnswerErrorKind = 'error-field' | 'error-event' | 'error-type' | 'stopped';

export interface AnswerError {
  kind: AnswerErrorKind;
  /** Masked (secrets, emails, ids) and at most MAX_ERROR_TEXT characters; never message content. */
  text: string;
}

export const ANSWER_ERROR_KINDS: readonly AnswerErrorKind[] = ['error-field', 'error-event', 'error-type', 'stopped'];
export const MAX_ERROR_TEXT = 200;
/** A longer line or event is answer content, not an error: it is skipped, not kept. */
const MAX_EVENT_CHARS = 64 * 1024;
/** More errors than this in one stream say nothing new. */
const MAX_ERRORS = 3;

export interface AnswerStreamParser {
  /** Feeds the next decoded piece of the stream; returns errors found in it (usually none). */
  push(text: string): AnswerError[];
  /** The stream ended (or broke): flushes the last event; adds `stopped` when it never finished. */
  end(): AnswerError[];
  /** Events seen so far (for the bench and tests). */
  readonly events: number;
}

/** The text a user may see, masked and cut: what an error may carry out of the page. */
export function maskErrorText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Cut first so masking works on little; then again, since a mask can be longer than what it hides.
  const masked = maskIds(redactText(flat.slice(0, MAX_ERROR_TEXT * 2)));
  return clip(masked, MAX_ERROR_TEXT);
}

/** An error value as text: a string, or an object's message/detail/code. */
function errorText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    for (const key of ['message', 'detail', 'error', 'code', 'type']) {
      const inner = o[key];
      if (typeof inner === 'string' && inner.trim()) return inner;
    }
    return 'error';
  }
  return null;
}

const ERROR_TYPE = /(^|[_.-])error($|[_.-])|^(error|failed|failure)$/i;

export function asObject(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** What one parsed JSON event says: an error (kind + raw text), completion, or nothing. */
function inspect(payload: unknown): { error?: { kind: AnswerErrorKind; text: string }; complete?: boolean } {
  const o = asObject(payload);
  if (!o) return {};
  if (o.type === 'message_stream_complete') return { complete: true };
  if (typeof o.type === 'string' && ERROR_TYPE.test(o.type)) {
    return { error: { kind: 'error-type', text: errorText(o.message) ?? errorText(o.detail) ?? errorText(o.error) ?? o.type } };
  }
  // Older whole-message frames, and the root of the delta encoding's first frame.
  const top = errorText(o.error ?? null);
  if (top) return { error: { kind: 'error-field', text: top } };
  // Delta encoding: {"p": "", "o": "add", "v": {root}} or a bare {"v": {root}, "c": n}.
  const root = asObject(o.v);
  if (root && (o.p === '' || o.p === undefined)) {
    const inRoot = errorText(root.error ?? null);
    if (inRoot) return { error: { kind: 'error-field', text: inRoot } };
  }
  if (o.p === '/error') {
    const patched = errorText(o.v);
    if (patched) return { error: { kind: 'error-field', text: patched } };
  }
  if (o.o === 'patch' && Array.isArray(o.v)) {
    for (const op of o.v.slice(0, 50)) {
      const p = asObject(op);
      if (p && p.p === '/error') {
        const patched = errorText(p.v);
        if (patched) return { error: { kind: 'error-field', text: patched } };
      }
    }
  }
  return {};
}

export function createAnswerStreamParser(): AnswerStreamParser {
  let partial = '';
  let skippingLine = false;
  let eventName = '';
  let data = '';
  let dataChars = 0;
  let oversized = false;
  let finished = false;
  let events = 0;
  let reported = 0;
  /** The last chunk ended in CR: a LF opening the next one belongs to the same line end. */
  let pendingCr = false;
  const found: AnswerError[] = [];

  function report(kind: AnswerErrorKind, text: string): void {
    if (reported >= MAX_ERRORS) return;
    reported++;
    found.push({ kind, text: maskErrorText(text) });
  }

  function dispatch(): void {
    const name = eventName;
    const body = data;
    const skip = oversized;
    eventName = '';
    data = '';
    dataChars = 0;
    oversized = false;
    if (!body && name !== 'error') return;
    events++;
    if (skip) return;
    if (body === '[DONE]') {
      finished = true;
      return;
    }
    if (name === 'error') {
      let text = body;
      try {
        text = errorText(JSON.parse(body)) ?? body;
      } catch {
        // Not JSON: the text itself.
      }
      report('error-event', text || 'error');
      return;
    }
    // Only events that can hold an error or the end are parsed: answer text is most events.
    if (!/error|message_stream_complete/i.test(body)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return;
    }
    const seen = inspect(payload);
    if (seen.complete) finished = true;
    if (seen.error) report(seen.error.kind, seen.error.text);
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') {
      if (oversized) return;
      dataChars += value.length + 1;
      if (dataChars > MAX_EVENT_CHARS) {
        oversized = true;
        data = '';
        return;
      }
      data = data ? `${data}\n${value}` : value;
    } else if (field === 'event') {
      eventName = value.slice(0, 64);
    }
  }

  function feed(text: string): void {
    let start = 0;
    // Where the next CR and LF are, searched again only once passed: searching from every line
    // start for a CR that is not there scanned the rest of the chunk per line (quadratic in it).
    let cr = text.indexOf('\r');
    let lf = text.indexOf('\n');
    for (;;) {
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      if (end < 0) break;
      const piece = text.slice(start, end);
      if (skippingLine) {
        skippingLine = false;
        partial = '';
      } else {
        line(partial ? partial + piece : piece);
        partial = '';
      }
      // CRLF is one line end; a CR at the very end of a chunk is handled by `pendingCr`.
      start = end + 1;
      if (text.charCodeAt(end) === 13) {
        if (start < text.length) {
          if (text.charCodeAt(start) === 10) start++;
        } else {
          pendingCr = true;
        }
      }
    }
    const rest = text.slice(start);
    if (skippingLine) return;
    if (partial.length + rest.length > MAX_EVENT_CHARS) {
      // A line this long is content; drop it and whatever event it belongs to.
      partial = '';
      skippingLine = true;
      oversized = true;
      return;
    }
    partial += rest;
  }

  return {
    push(text: string): AnswerError[] {
      if (typeof text !== 'string' || !text) return [];
      let input = text;
      if (pendingCr) {
        pendingCr = false;
        if (input.charCodeAt(0) === 10) input = input.slice(1);
      }
      feed(input);
      return found.splice(0);
    },
    end(): AnswerError[] {
      if (partial && !skippingLine) line(partial);
      partial = '';
      skippingLine = false;
      dispatch();
      if (!finished && reported === 0) report('stopped', 'The answer stream ended before it was complete.');
      finished = true;
      return found.splice(0);
    },
    get events() {
      return events;
    },
  };
}
