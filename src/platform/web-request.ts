import type { RequestEvent } from '../core/error-record';
import { browser, type WebRequest } from './browser';

export interface RequestWatcher {
  /** A request started: remember its start time for the duration. */
  onStart(requestId: string, timeStamp: number): void;
  /** A request finished or failed. */
  onFinish(event: RequestEvent): void;
}

type Finished = WebRequest.OnCompletedDetailsType | WebRequest.OnErrorOccurredDetailsType;

/** Our own origin: Chrome reports it as `initiator`, Firefox as `originUrl`. */
const OWN_ORIGIN = browser.runtime.getURL('').replace(/\/$/, '');

/** The fields both browsers report for every finished request. */
function common(d: Finished): RequestEvent {
  const from = (d as { initiator?: string }).initiator ?? d.originUrl ?? '';
  return {
    requestId: d.requestId,
    url: d.url,
    method: d.method,
    tabId: d.tabId,
    type: d.type,
    timeStamp: d.timeStamp,
    fromExtension: d.tabId < 0 && from.startsWith(OWN_ORIGIN),
  };
}

/**
 * Observes requests to `urls` without blocking them: no `blocking` extraInfoSpec and no
 * `webRequestBlocking` permission, so the page is never waited on. Must be called
 * synchronously at the top level of the background (MV3 wakes the worker for these events).
 */
export function watchRequests(urls: readonly string[], watcher: RequestWatcher): void {
  const filter = { urls: [...urls] };
  browser.webRequest.onBeforeRequest.addListener((d) => watcher.onStart(d.requestId, d.timeStamp), filter);
  browser.webRequest.onCompleted.addListener(
    (d) => watcher.onFinish({ ...common(d), statusCode: d.statusCode, statusLine: d.statusLine, responseHeaders: d.responseHeaders }),
    filter,
    ['responseHeaders'],
  );
  browser.webRequest.onErrorOccurred.addListener((d) => watcher.onFinish({ ...common(d), error: d.error }), filter);
}
