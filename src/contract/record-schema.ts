import * as v from 'valibot';
import { CATEGORIES } from '../core/categories';
import type { ErrorRecord } from '../core/error-record';

const nullableString = v.nullable(v.string());
const nullableNumber = v.nullable(v.number());

/** Validates one stored record; stored data is outside input like any other (older versions, corruption). */
export const ErrorRecordSchema = v.object({
  id: v.string(),
  time: v.number(),
  tabId: v.number(),
  type: v.string(),
  method: v.string(),
  host: v.string(),
  path: v.string(),
  status: nullableNumber,
  statusLine: nullableString,
  error: nullableString,
  category: v.picklist(CATEGORIES),
  meaning: v.string(),
  telemetry: v.boolean(),
  durationMs: nullableNumber,
  ids: v.object({ cfRay: nullableString, xRequestId: nullableString, oaiRequestId: nullableString }),
  retryAfter: nullableString,
  retryAfterSec: nullableNumber,
  server: nullableString,
  contentType: nullableString,
  htmlOnApi: v.boolean(),
});

// A compile-time check that the schema and the type agree.
type _SchemaMatches = v.InferOutput<typeof ErrorRecordSchema> extends ErrorRecord
  ? ErrorRecord extends v.InferOutput<typeof ErrorRecordSchema>
    ? true
    : never
  : never;
export const schemaMatches: _SchemaMatches = true;
