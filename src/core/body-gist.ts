import { redactText } from './redact';

/**
 * What an error body says, in a few lines: a JSON `detail` (the app's own message), or a
 * Cloudflare page's title and ray id. Only DevTools can read bodies; the gist is redacted,
 * cut to 2 KB and kept in the panel's memory, never stored.
 */
export interface BodyGist {
  /** `detail` (or `error.message`, `message`) of a JSON error, redacted. */
  detail: string | null;
  /** The `<title>` of an HTML page (Cloudflare's "Just a moment...", "502 Bad gateway"). */
  title: string | null;
  /** A Cloudflare ray id printed in the page. */
  rayId: string | null;
  /** The start of the body, redacted, at most MAX_GIST_BYTES. */
  excerpt: string;
  truncated: boolean;
}

export const MAX_GIST_BYTES = 2048;
/** Bodies larger than this are not parsed at all: the excerpt is enough and parsing stays cheap. */
const MAX_PARSE_CHARS = 256 * 1024;

function cut(text: string, max: number): { text: string; truncated: boolean } {
  // Bytes, not characters: the budget is about memory and what gets copied.
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return { text, truncated: false };
  let end = max;
  // Do not split a UTF-8 sequence: back up to a lead byte.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return { text: new TextDecoder().decode(bytes.slice(0, end)), truncated: true };
}

function stringField(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    return stringField(obj.message) ?? stringField(obj.detail) ?? stringField(obj.code);
  }
  if (Array.isArray(value) && value.length) return stringField(value[0]);
  return null;
}

function jsonDetail(body: string): string | null {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') || trimmed.length > MAX_PARSE_CHARS) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const obj = parsed as Record<string, unknown>;
    return stringField(obj.detail) ?? stringField(obj.error) ?? stringField(obj.message);
  } catch {
    return null;
  }
}

const TITLE = /<title[^>]*>([\s\S]{0,300}?)<\/title>/i;
// Cloudflare prints "Cloudflare Ray ID: <strong ...>8f1c2d3e4a5b6c7d</strong>" or "Ray ID: 8f1c...".
const RAY = /Ray ID:?\s*(?:<[^>]{0,80}>\s*)*([0-9a-f]{16})\b/i;

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function bodyGist(body: unknown, mimeType?: string | null): BodyGist | null {
  if (typeof body !== 'string' || !body) return null;
  const head = body.length > MAX_PARSE_CHARS ? body.slice(0, MAX_PARSE_CHARS) : body;
  const html = /html/i.test(mimeType ?? '') || /^\s*<(!doctype|html)/i.test(head);
  const detail = html ? null : jsonDetail(body);
  const title = html ? (TITLE.exec(head)?.[1] ?? null) : null;
  const rayId = html ? (RAY.exec(head)?.[1] ?? null) : null;
  const excerpt = cut(redactText(head), MAX_GIST_BYTES);
  return {
    detail: detail ? cut(redactText(detail), 512).text : null,
    title: title ? cut(redactText(decodeEntities(title)), 200).text || null : null,
    rayId,
    excerpt: excerpt.text,
    truncated: excerpt.truncated || head.length < body.length,
  };
}
