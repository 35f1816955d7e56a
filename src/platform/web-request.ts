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

/**
 * Observes requests to `urls` without blocking them: no `blocking` extraInfoSpec and no
 * `webRequestBlocking` permission, so the page is never waited on. Must be called
 * synchronously at the top level of the background (MV3 wakes the worker for these events).
 */
export function watchRequests(urls: readonly string[], watcher: RequestWatcher): void {
  const filter = { urls: [...urls] };
  // The details carry every RequestEvent field (onCompleted the status and headers, onErrorOccurred
  // the error); only whether the extension itself sent the request is added.
  const finish = (d: Finished) => {
    const from = (d as { initiator?: string }).initiator ?? d.originUrl ?? '';
    watcher.onFinish({ ...d, fromExtension: d.tabId < 0 && from.startsWith(OWN_ORIGIN) });
  };
  browser.webRequest.onBeforeRequest.addListener((d) => watcher.onStart(d.requestId, d.timeStamp), filter);
  browser.webRequest.onCompleted.addListener(finish, filter, ['responseHeaders']);
  browser.webRequest.onErrorOccurred.addListener(finish, filter);
}
