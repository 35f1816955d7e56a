/**
 * Redaction by pattern, shared by the recorder (paths), the panel (error-body gists, HAR) and
 * the support report. Masking is by shape, so it does not need to know which field it is in;
 * request ids (`cf-ray`, UUID-shaped `x-request-id`) have shapes that none of these match.
 * Like uBlock Origin's support page, what leaves the browser is allow-listed elsewhere; this
 * is the second line.
 */
import { clip } from './clip';

const MASKS: ReadonlyArray<readonly [RegExp, string]> = [
  // JWTs first, before their base64url parts look like generic tokens.
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, '[jwt]'],
  // Authorization values of any scheme. A value stops before another scheme word, so
  // "Token Bearer xyz" and two tokens joined by "=" are masked whole.
  [/\b(Bearer|Basic|Token)\s+(?:(?!(?:Bearer|Basic|Token)\b)[\w\-.~+/=]){6,}/gi, '$1 [token]'],
  // Cookie and credential pairs (`session-token=…`, `;jsessionid=…` in paths): keep the name, drop the value.
  [/\b([\w.-]*(?:session|token|auth|cookie|sid|csrf|secret|password|passwd|api[_-]?key)[\w.-]*)=([^;&\s"'<>]+)/gi, '$1=[removed]'],
  // OpenAI and similar API keys: sk-..., sk-proj-..., sess-...
  [/\b(?:sk|sess|rk|pk)-[\w-]{8,}/g, '[key]'],
  // Emails, including URL-encoded @.
  [/[\w.+-]{1,64}(?:@|%40)[\w-]{1,63}(?:\.[\w-]{1,63})+/gi, '[email]'],
  // Long opaque secrets: 32+ chars of base64/hex that are not UUIDs (UUIDs have dashes every few chars).
  [/\b(?=[\w+/=-]*\d)(?=[\w+/=-]*[A-Za-z])[A-Za-z0-9+/=_]{40,}\b/g, '[secret]'],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of MASKS) out = out.replace(pattern, replacement);
  return out;
}

/** Cookie header values: keep the names (they tell support which cookies exist), drop the values. */
export function redactCookieHeader(value: string): string {
  return value
    .split(';')
    .map((part) => part.split('=')[0]?.trim())
    .filter((name): name is string => !!name)
    .map((name) => `${name}=[removed]`)
    .join('; ');
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Conversation, project and user ids in paths are UUIDs; the report masks them unless asked not to. */
export function maskIds(path: string): string {
  return path.replace(UUID, '[id]').replace(/\b(user|org|g|proj|file)-[A-Za-z0-9]{8,}\b/g, '$1-[id]');
}

export const MAX_PATH_LENGTH = 512;

/** A path fit to store: secrets masked, bounded length. The query string is never passed in. */
export function redactPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Malformed escapes: mask what is there as it is.
  }
  const masked = redactText(decoded);
  return clip(masked, MAX_PATH_LENGTH);
}

/** Query values removed, names kept: `?a=1&b=2` becomes `?a=&b=`. */
export function stripQueryValues(search: string): string {
  if (!search || search === '?') return '';
  const names = search
    .replace(/^\?/, '')
    .split('&')
    .map((pair) => pair.split('=')[0] ?? '')
    .filter(Boolean)
    .map((name) => `${redactText(name)}=`);
  return names.length ? `?${names.join('&')}` : '';
}

export interface SafeUrl {
  host: string;
  path: string;
}

/** Splits a URL into a lowercase host and a redacted path with the query and fragment dropped. */
export function safeUrl(url: string): SafeUrl | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.hostname) return null;
  return { host: parsed.hostname.toLowerCase(), path: redactPath(parsed.pathname || '/') };
}
