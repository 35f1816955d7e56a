import type { AnswerErrorKind } from './answer-stream';

/**
 * What the main-world observer hands the isolated relay about one error inside an answer: error
 * facts only. The names of the two DOM events are the whole channel between the worlds.
 */
export interface AnswerReport {
  /** ms since the epoch, the page's clock. */
  time: number;
  /** The endpoint's path, no query; masked again by the background. */
  path: string;
  /** `cf-ray`, `x-request-id`, `x-oai-request-id` of the streaming response, when it had them. */
  ids: { cfRay: string | null; xRequestId: string | null; oaiRequestId: string | null };
  kind: AnswerErrorKind;
  /** Masked, at most 200 characters. */
  text: string;
  /** `fetch` (an SSE response) or `websocket`. */
  via: 'fetch' | 'websocket';
  /** The observer's own failures so far on this page (caught, never thrown into the page). */
  faults: number;
}

/** Main world → isolated world: `detail` is the report as a JSON string (strings cross both browsers' world boundary). */
export const ANSWER_REPORT_EVENT = 'error-doctor:answer-error';
/** Isolated world → main world: `detail` is `"off"` when the user turned the feature off. */
export const ANSWER_CONFIG_EVENT = 'error-doctor:answer-config';
