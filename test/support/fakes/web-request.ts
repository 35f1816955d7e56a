import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * fakeBrowser has no webRequest; this is a small one in its style. Listeners are kept with their
 * URL filter, and `fire` delivers an event only to listeners whose match patterns match, as the
 * browser does, so the tests also prove the filters.
 */
type Listener = (details: Record<string, unknown>) => void;
interface Registration {
  listener: Listener;
  patterns: RegExp[];
  extraInfoSpec: string[];
}

function patternToRegExp(pattern: string): RegExp {
  const m = /^(\*|https?|wss?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`Invalid match pattern: ${pattern}`);
  const [, scheme, host, path] = m;
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemeRe = scheme === '*' ? '(https?|wss?)' : esc(scheme!);
  const hostRe = host === '*' ? '[^/]+' : host!.startsWith('*.') ? `([^/]+\\.)?${esc(host!.slice(2))}` : esc(host!);
  const pathRe = esc(path!).replace(/\*/g, '.*');
  return new RegExp(`^${schemeRe}://${hostRe}(:\\d+)?${pathRe}$`);
}

function fakeEvent() {
  const registrations: Registration[] = [];
  return {
    registrations,
    addListener(listener: Listener, filter: { urls: string[] }, extraInfoSpec: string[] = []) {
      if (extraInfoSpec.includes('blocking')) throw new Error('Error Doctor must never block requests');
      registrations.push({ listener, patterns: filter.urls.map(patternToRegExp), extraInfoSpec });
    },
    removeListener(listener: Listener) {
      const i = registrations.findIndex((r) => r.listener === listener);
      if (i >= 0) registrations.splice(i, 1);
    },
    hasListener(listener: Listener) {
      return registrations.some((r) => r.listener === listener);
    },
    fire(details: Record<string, unknown>) {
      for (const r of registrations) if (r.patterns.some((p) => p.test(String(details.url)))) r.listener(details);
    },
  };
}

export function installFakeWebRequest() {
  const webRequest = {
    onBeforeRequest: fakeEvent(),
    onCompleted: fakeEvent(),
    onErrorOccurred: fakeEvent(),
  };
  (fakeBrowser as unknown as { webRequest: typeof webRequest }).webRequest = webRequest;
  let nextId = 1;
  return {
    webRequest,
    /** A whole request: start, then completion with `status`, or failure with `error`. */
    request(
      url: string,
      outcome: {
        status?: number;
        error?: string;
        headers?: Record<string, string>;
        method?: string;
        tabId?: number;
        startedAt?: number;
        finishedAt?: number;
        initiator?: string;
      },
    ) {
      const requestId = String(nextId++);
      const base = {
        requestId,
        url,
        method: outcome.method ?? 'GET',
        tabId: outcome.tabId ?? 1,
        type: 'xmlhttprequest',
        frameId: 0,
        parentFrameId: -1,
        ...(outcome.initiator ? { initiator: outcome.initiator } : {}),
      };
      const start = outcome.startedAt ?? Date.now();
      webRequest.onBeforeRequest.fire({ ...base, timeStamp: start });
      if (outcome.error) webRequest.onErrorOccurred.fire({ ...base, timeStamp: outcome.finishedAt ?? start + 10, error: outcome.error });
      else
        webRequest.onCompleted.fire({
          ...base,
          timeStamp: outcome.finishedAt ?? start + 10,
          statusCode: outcome.status ?? 200,
          statusLine: `HTTP/1.1 ${outcome.status ?? 200}`,
          responseHeaders: Object.entries(outcome.headers ?? {}).map(([name, value]) => ({ name, value })),
        });
      return requestId;
    },
  };
}
