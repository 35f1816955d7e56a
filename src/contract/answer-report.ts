import { integer, maxLength, maxValue, minValue, nullable, number, picklist, pipe, regex, safeParse, strictObject, string, type InferOutput } from 'valibot';
import type { AnswerReport } from '../core/answer-report';
import { ANSWER_ERROR_KINDS, MAX_ERROR_TEXT } from '../core/answer-stream';
import type { SchemaAgrees } from './schema-agrees';
import { finiteNumber } from '../core/schema-parts';

/**
 * What may cross from ChatGPT's page to the extension about an error inside an answer. The page
 * can dispatch anything under our event's name, so this is hostile input: the relay checks it
 * before sending it on, and the background checks it again before recording it.
 */
const id = nullable(pipe(string(), maxLength(80), regex(/^[\w.:-]*$/)));

export const AnswerReportSchema = strictObject({
  time: finiteNumber,
  // An absolute path without a query or fragment.
  path: pipe(string(), maxLength(512), regex(/^\/[^?#]*$/)),
  ids: strictObject({ cfRay: id, xRequestId: id, oaiRequestId: id }),
  kind: picklist(ANSWER_ERROR_KINDS),
  text: pipe(string(), maxLength(MAX_ERROR_TEXT)),
  via: picklist(['fetch', 'websocket']),
  faults: pipe(number(), integer(), minValue(0), maxValue(1e9)),
});

/** A serialized report is never longer than this; anything longer is refused unread. */
export const MAX_REPORT_CHARS = 2048;

// A compile-time check that the schema and the type agree.
export const schemaMatches: SchemaAgrees<InferOutput<typeof AnswerReportSchema>, AnswerReport> = true;

/** The report, or null for anything else. Never throws. */
export function parseAnswerReport(value: unknown): AnswerReport | null {
  const result = safeParse(AnswerReportSchema, value);
  return result.success ? result.output : null;
}

/** A DOM event's `detail`: a JSON string of bounded size holding a report. */
export function parseAnswerDetail(detail: unknown): AnswerReport | null {
  if (typeof detail !== 'string' || detail.length > MAX_REPORT_CHARS) return null;
  try {
    return parseAnswerReport(JSON.parse(detail));
  } catch {
    return null;
  }
}
