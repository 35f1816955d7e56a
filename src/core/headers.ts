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

/** The ids a failure carries for support, from its response headers. */
export interface RequestIds {
  cfRay: string | null;
  xRequestId: string | null;
  oaiRequestId: string | null;
}

/** The id support asks for first: Cloudflare's ray, then OpenAI's request ids. */
export function primaryRequestId(ids: RequestIds): string | null {
  return ids.cfRay ?? ids.xRequestId ?? ids.oaiRequestId;
}

/** A request id with the header it came in, the name support and the user see it by. */
export interface LabelledId {
  kind: 'cf-ray' | 'x-request-id' | 'x-oai-request-id';
  value: string;
}

/** The id support asks for first, labelled by its kind (primaryRequestId's order). */
export function primaryLabelledId(ids: RequestIds): LabelledId | null {
  if (ids.cfRay) return { kind: 'cf-ray', value: ids.cfRay };
  if (ids.xRequestId) return { kind: 'x-request-id', value: ids.xRequestId };
  if (ids.oaiRequestId) return { kind: 'x-oai-request-id', value: ids.oaiRequestId };
  return null;
}
