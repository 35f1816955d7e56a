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
