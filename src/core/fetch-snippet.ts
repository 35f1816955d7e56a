import type { ErrorRecord } from './error-record';
import { redactText, stripQueryValues } from './redact';

/** Request headers that carry no secret and help reproduce the call; everything else is left out. */
const SAFE_REQUEST_HEADERS = new Set(['accept', 'content-type', 'oai-language', 'oai-device-id-present']);

export interface SnippetExtras {
  /** The full URL as DevTools saw it (query values are removed here). */
  url?: string | null;
  requestHeaders?: ReadonlyArray<{ name: string; value: string }>;
}

/**
 * "Copy as fetch" without secrets: no cookies, no authorization, no body (it holds the user's
 * messages), query values removed. `credentials: "include"` lets the browser add its own
 * cookies when pasted into the page's console, so nothing secret needs to be in the text.
 */
export function fetchSnippet(record: ErrorRecord, extras: SnippetExtras = {}): string {
  let search = '';
  if (extras.url) {
    try {
      search = stripQueryValues(new URL(extras.url).search);
    } catch {
      search = '';
    }
  }
  const url = `https://${record.host}${record.path}${search}`;
  const headers: Record<string, string> = {};
  for (const header of extras.requestHeaders ?? []) {
    const name = String(header.name).toLowerCase();
    if (SAFE_REQUEST_HEADERS.has(name) && typeof header.value === 'string') headers[name] = redactText(header.value).slice(0, 200);
  }
  const init: Record<string, unknown> = { method: record.method };
  if (Object.keys(headers).length) init.headers = headers;
  init.credentials = 'include';
  return `fetch(${JSON.stringify(url)}, ${JSON.stringify(init, null, 2)});`;
}
