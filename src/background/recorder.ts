import { buildRecord, type ErrorRecord, type RequestEvent } from '../core/error-record';
import type { RequestWatcher } from '../platform/web-request';

/** Start times waiting for their request to finish; bounded so a lost event cannot leak memory. */
const MAX_IN_FLIGHT = 2000;

export interface RecorderHooks {
  onFailure(record: ErrorRecord): void;
  /** A ChatGPT request succeeded (used to notice recovery after failures). */
  onSuccess?(event: RequestEvent): void;
}

/**
 * Turns request events into failure records. Cheap on the hot path: a success costs a map
 * delete and a status check; only failures build a record.
 */
export function createRecorder(hooks: RecorderHooks): RequestWatcher {
  const started = new Map<string, number>();
  return {
    onStart(requestId, timeStamp) {
      // Redirects reuse the request id; keep the first start so the duration covers the whole request.
      if (started.has(requestId)) return;
      if (started.size >= MAX_IN_FLIGHT) started.delete(started.keys().next().value as string);
      started.set(requestId, timeStamp);
    },
    onFinish(event) {
      const startedAt = started.get(event.requestId);
      started.delete(event.requestId);
      const status = event.statusCode;
      if (!event.error && typeof status === 'number' && status < 400) {
        hooks.onSuccess?.(event);
        return;
      }
      const record = buildRecord(event, startedAt);
      if (record) hooks.onFailure(record);
    },
  };
}
