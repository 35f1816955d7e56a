import { CATEGORIES } from '../core/categories';
import { bool, nullable, num, obj, oneOf, str, type Infer } from '../core/check';
import type { ErrorRecord } from '../core/error-record';

const nullableString = nullable(str());
const nullableNumber = nullable(num());

/** Checks one stored record; stored data is outside input like any other (older versions, corruption). */
export const ErrorRecordShape = obj({
  id: str(),
  time: num(),
  tabId: num(),
  type: str(),
  method: str(),
  host: str(),
  path: str(),
  status: nullableNumber,
  statusLine: nullableString,
  error: nullableString,
  category: oneOf(CATEGORIES),
  meaning: str(),
  telemetry: bool,
  durationMs: nullableNumber,
  ids: obj({ cfRay: nullableString, xRequestId: nullableString, oaiRequestId: nullableString }),
  retryAfter: nullableString,
  retryAfterSec: nullableNumber,
  server: nullableString,
  contentType: nullableString,
  htmlOnApi: bool,
});

// A compile-time check that the shape and the type agree.
type _ShapeMatches = Infer<typeof ErrorRecordShape> extends ErrorRecord
  ? ErrorRecord extends Infer<typeof ErrorRecordShape>
    ? true
    : never
  : never;
export const shapeMatches: _ShapeMatches = true;
