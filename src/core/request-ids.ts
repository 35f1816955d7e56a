/**
 * The ids a failure carries for support. Its own module so the pages that only show an id (the
 * popup's list, the panel's table) do not pull in error-record.ts with the classifier and header
 * parsing the background needs to build records.
 */
export interface RequestIds {
  cfRay: string | null;
  xRequestId: string | null;
  oaiRequestId: string | null;
}

/** The id support asks for first: Cloudflare's ray, then OpenAI's request ids. */
export function primaryRequestId(ids: RequestIds): string | null {
  return ids.cfRay ?? ids.xRequestId ?? ids.oaiRequestId;
}
