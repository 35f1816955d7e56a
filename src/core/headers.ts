/** Response headers as webRequest reports them: names in any case, values possibly missing or repeated. */
export type HeaderList = ReadonlyArray<{ readonly name: string; readonly value?: string | undefined }>;

const MAX_HEADER_VALUE = 160;

/** The first non-empty value of a header, with control characters removed and a bounded length. */
export function headerValue(headers: HeaderList | undefined, name: string): string | null {
  if (!headers) return null;
  const wanted = name.toLowerCase();
  for (const header of headers) {
    if (typeof header?.name !== 'string' || header.name.toLowerCase() !== wanted) continue;
    if (typeof header.value !== 'string') continue;
    // eslint-disable-next-line no-control-regex
    const clean = header.value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
    if (clean) return clean.length > MAX_HEADER_VALUE ? clean.slice(0, MAX_HEADER_VALUE) : clean;
  }
  return null;
}

/**
 * `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Anything else,
 * negative numbers and dates in the past give null rather than a made-up wait.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  if (!/[a-z]/i.test(value)) return null;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  const seconds = Math.round((date - now) / 1000);
  return seconds >= 0 ? seconds : null;
}

export function isHtml(contentType: string | null): boolean {
  return !!contentType && /text\/html|application\/xhtml/i.test(contentType);
}
