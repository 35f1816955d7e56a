import {
  CONTENT_SCRIPT_REQUESTS,
  errorReply,
  readRequest,
  type Params,
  type Reply,
  type RequestSender,
  type RequestType,
  type Result,
} from '../contract/messages';
import { browser, type Runtime } from './browser';

export type Handlers = { [K in RequestType]: (params: Params<K>, from: RequestSender) => Promise<Result<K>> };

/** Sends a typed request to the background. Never throws: failures come back as `{ok: false}`. */
export async function request<K extends RequestType>(type: K, params: Params<K>): Promise<Reply<Result<K>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ edr: 1, type, params })) as Reply<Result<K>> | undefined;
    return reply ?? errorReply('no-reply', 'The background did not answer.');
  } catch (error) {
    return errorReply('unreachable', error);
  }
}

/**
 * Registers the background's one message listener. Call synchronously at the top level.
 * Replies through `sendResponse` + `return true`, which Chrome, Firefox and the polyfill all honour.
 */
export function handleRequests(handlers: Handlers): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    // Only our own pages may ask; messages from elsewhere never reach onMessage, but be explicit.
    const read = readRequest(message);
    if (!read || (sender.id && sender.id !== browser.runtime.id)) return undefined;
    const url = typeof sender.url === 'string' ? sender.url : null;
    // A content script's sender URL is the web page's; our own pages' URLs are the extension's.
    // (Browsers always set it; a sender without one is a test's fake browser.)
    const fromWebPage = url !== null && !url.startsWith(browser.runtime.getURL(''));
    // Refused before its parameters are looked at: a web page learns nothing about the others.
    const type = (message as { type: string }).type;
    if (fromWebPage && !(CONTENT_SCRIPT_REQUESTS as readonly string[]).includes(type)) {
      sendResponse(errorReply('forbidden', `Not allowed from a web page: ${type.slice(0, 60)}`));
      return undefined;
    }
    const from: RequestSender = { tabId: typeof sender.tab?.id === 'number' ? sender.tab.id : null, url };
    const work = read.ok
      ? (handlers[read.request.type] as (params: unknown, from: RequestSender) => Promise<unknown>)(read.request.params, from).then(
          (value) => ({ ok: true, value }),
          (error: unknown) => errorReply((error as { code?: string })?.code ?? 'failed', error),
        )
      : Promise.resolve(read);
    void work.then(sendResponse);
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
