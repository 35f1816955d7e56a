import { boolean, number, object, picklist, string, type InferOutput } from 'valibot';
import { CATEGORIES } from '../core/categories';
import type { ErrorRecord } from '../core/error-record';
import type { SchemaAgrees } from './schema-agrees';
import { nullableNumber, nullableString } from '../core/schema-parts';
import { validItems } from '../core/valid-items';

/** Checks one stored record; stored data is outside input like any other (older versions, corruption). */
export const ErrorRecordShape = object({
  id: string(),
  time: number(),
  tabId: number(),
  type: string(),
  method: string(),
  host: string(),
  path: string(),
  status: nullableNumber,
  statusLine: nullableString,
  error: nullableString,
  category: picklist(CATEGORIES),
  meaning: string(),
  telemetry: boolean(),
  durationMs: nullableNumber,
  ids: object({ cfRay: nullableString, xRequestId: nullableString, oaiRequestId: nullableString }),
  retryAfter: nullableString,
  retryAfterSec: nullableNumber,
  server: nullableString,
  contentType: nullableString,
  htmlOnApi: boolean(),
});

/** A stored list of records: the readable ones, in order (one bad record never costs the others). */
export const RecordListShape = validItems(ErrorRecordShape);

// A compile-time check that the shape and core's ErrorRecord agree (the record's fields are documented there).
export const shapeMatches: SchemaAgrees<InferOutput<typeof ErrorRecordShape>, ErrorRecord> = true;
