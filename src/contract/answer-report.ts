import * as v from 'valibot';
import type { AnswerReport } from '../core/answer-report';
import { ANSWER_ERROR_KINDS, MAX_ERROR_TEXT } from '../core/answer-stream';

/**
 * What may cross from ChatGPT's page to the extension about an error inside an answer. The page
 * can dispatch anything under our event's name, so this is hostile input: the relay checks it
 * before sending it on, and the background checks it again before recording it.
 */
const id = v.nullable(v.pipe(v.string(), v.maxLength(80), v.regex(/^[\w.:-]*$/)));

export const AnswerReportSchema = v.strictObject({
  time: v.pipe(v.number(), v.finite()),
  path: v.pipe(v.string(), v.maxLength(512), v.startsWith('/'), v.check((p) => !/[?#]/.test(p), 'no query')),
  ids: v.strictObject({ cfRay: id, xRequestId: id, oaiRequestId: id }),
  kind: v.picklist(ANSWER_ERROR_KINDS),
  text: v.pipe(v.string(), v.maxLength(MAX_ERROR_TEXT)),
  via: v.picklist(['fetch', 'websocket']),
  faults: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
});

/** A serialized report is never longer than this; anything longer is refused unread. */
export const MAX_REPORT_CHARS = 2048;

// A compile-time check that the schema and the type agree.
type _SchemaMatches = v.InferOutput<typeof AnswerReportSchema> extends AnswerReport
  ? AnswerReport extends v.InferOutput<typeof AnswerReportSchema>
    ? true
    : never
  : never;
export const schemaMatches: _SchemaMatches = true;

/** The report, or null for anything else. Never throws. */
export function parseAnswerReport(value: unknown): AnswerReport | null {
  const result = v.safeParse(AnswerReportSchema, value);
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
