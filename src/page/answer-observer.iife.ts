/**
 * Runs in ChatGPT's page, in the page's own world ("world": "MAIN", document_start), so it sees
 * the page's fetch and WebSocket. It imports only the pure core: no extension API exists here.
 * Built as one IIFE file (the `.iife.ts` name tells @crxjs/vite-plugin), so it runs before any
 * page script, with no loader and no web-accessible resource.
 *
 * What it may do, and does not do beyond:
 * - reads a copy of each answer stream (`Response.clone()`, a tee: the page's branch gets every
 *   byte as it arrives, in order, unchanged), and adds a passive `message` listener to sockets
 *   to ws.chatgpt.com;
 * - hands on error facts only (time, path without query, request ids, kind, masked text), as a
 *   JSON string in a DOM event the isolated relay listens to;
 * - never throws into the page: every step of its own is caught and counted (`faults`).
 * The wraps are Proxies of the native functions, so `fetch.name`, `fetch.length` and
 * `Function.prototype.toString.call(fetch)` are what the page would see without us (the README
 * says what is still visible).
 */
import { ANSWER_CONFIG_EVENT, ANSWER_REPORT_EVENT, type AnswerReport } from '../core/answer-report';
import { createSocketWatcher } from '../core/answer-socket';
import { createAnswerStreamParser, type AnswerError } from '../core/answer-stream';

const APP_HOSTS = new Set(['chatgpt.com', 'chat.openai.com']);
/** Every streamed answer lives under these; the content type decides what is a stream. */
const STREAM_PATH = /^\/backend-(?:api|anon)\//;
const SOCKET_HOST = /(^|\.)chatgpt\.com$/;
/** At most this many reports per page load: a broken page cannot flood the relay. */
const MAX_REPORTS = 50;

let enabled = true;
let faults = 0;
let reports = 0;

function fault(): void {
  faults++;
}

function send(via: AnswerReport['via'], path: string, ids: AnswerReport['ids'], errors: AnswerError[]): void {
  for (const error of errors) {
    if (!enabled || reports >= MAX_REPORTS) return;
    reports++;
    const report: AnswerReport = { time: Date.now(), path, ids, kind: error.kind, text: error.text, via, faults };
    window.dispatchEvent(new CustomEvent(ANSWER_REPORT_EVENT, { detail: JSON.stringify(report) }));
  }
}

function header(response: Response, name: string): string | null {
  const value = response.headers.get(name);
  return value ? value.slice(0, 80) : null;
}

function signalOf(args: unknown[]): AbortSignal | null {
  const init = args[1] as { signal?: unknown } | undefined;
  if (init && init.signal instanceof AbortSignal) return init.signal;
  return args[0] instanceof Request ? args[0].signal : null;
}

/** Reads the copy to its end, feeding the parser; the page's own branch is never touched. */
async function readCopy(response: Response, signal: AbortSignal | null): Promise<void> {
  const url = new URL(response.url);
  const ids = { cfRay: header(response, 'cf-ray'), xRequestId: header(response, 'x-request-id'), oaiRequestId: header(response, 'x-oai-request-id') };
  const body = response.clone().body;
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createAnswerStreamParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      send('fetch', url.pathname, ids, parser.push(decoder.decode(value, { stream: true })));
    }
    send('fetch', url.pathname, ids, parser.push(decoder.decode()));
  } catch {
    // The stream broke: the page's branch broke with it. The user's own stop aborts; that is no failure.
    if (signal?.aborted) return;
  }
  if (signal?.aborted) return;
  send('fetch', url.pathname, ids, parser.end());
}

function watchResponse(response: Response, signal: AbortSignal | null): void {
  if (!enabled || response.status !== 200 || !response.body) return;
  const url = new URL(response.url);
  if (!APP_HOSTS.has(url.hostname) || !STREAM_PATH.test(url.pathname)) return;
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) return;
  readCopy(response, signal).catch(fault);
}

/**
 * `Function.prototype.toString` of a Proxy says `function () { [native code] }`, without the
 * name a native function has; pages (and bot checks) that compare the text would see the wrap.
 * So toString is wrapped too, answering for our Proxies (itself included) what the native
 * function would say. Every other call goes to the native toString unchanged.
 */
const nativeToString = Function.prototype.toString;
const disguised = new WeakMap<object, string>();
function disguise<T extends object>(proxy: T, original: object): T {
  disguised.set(proxy, nativeToString.call(original));
  return proxy;
}
const toStringProxy = new Proxy(nativeToString, {
  apply(target, thisArg, args: unknown[]) {
    const text = typeof thisArg === 'function' ? disguised.get(thisArg) : undefined;
    return text ?? Reflect.apply(target, thisArg, args);
  },
});
Function.prototype.toString = disguise(toStringProxy, nativeToString);

const nativeFetch = window.fetch;
window.fetch = disguise(
  new Proxy(nativeFetch, {
    apply(target, thisArg, args: unknown[]) {
      // The page gets exactly the promise the native fetch returned, at once.
      const result = Reflect.apply(target, thisArg, args) as Promise<Response>;
      if (enabled) {
        try {
          const signal = signalOf(args);
          // This runs before the page's own callbacks (registered later), so the clone is taken
          // before the page can read the body. The rejection handler keeps our branch quiet.
          result.then(
            (response) => {
              try {
                watchResponse(response, signal);
              } catch {
                fault();
              }
            },
            () => undefined,
          );
        } catch {
          fault();
        }
      }
      return result;
    },
  }),
  nativeFetch,
);

const NativeSocket = window.WebSocket;
window.WebSocket = disguise(
  new Proxy(NativeSocket, {
    construct(target, args: unknown[], newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      try {
        if (enabled && SOCKET_HOST.test(new URL(socket.url).hostname)) {
          const watcher = createSocketWatcher();
          socket.addEventListener('message', (event: MessageEvent) => {
            try {
              if (enabled && typeof event.data === 'string')
                send('websocket', new URL(socket.url).pathname, { cfRay: null, xRequestId: null, oaiRequestId: null }, watcher.frame(event.data));
            } catch {
              fault();
            }
          });
        }
      } catch {
        fault();
      }
      return socket;
    },
  }),
  NativeSocket,
);

// The relay says when the user turned this off; new requests are then left alone.
window.addEventListener(ANSWER_CONFIG_EVENT, (event) => {
  if ((event as CustomEvent).detail === 'off') enabled = false;
});
