import { asObject, createAnswerStreamParser, type AnswerError, type AnswerStreamParser } from './answer-stream';

/**
 * Answers that arrive over a WebSocket (ws.chatgpt.com) carry the same SSE text, wrapped. Two
 * wrappings are known from public code (test/fixtures/real/README.md, "Answer streams"):
 * - conversation turns: frames (an object or an array of them) `{type: "message", topic_id,
 *   payload: {type: "conversation-turn-stream", payload: {type: "stream-item", encoded_item}}}`,
 *   where `encoded_item` is a slice of the SSE stream;
 * - the older socket: `{type: "http.response.body", body: base64(SSE), conversation_id}`, or
 *   Azure Web PubSub's `{sequenceId, data: {body, conversation_id}}`.
 * Each stream (topic or conversation) gets its own parser; only errors are reported, since a
 * socket has no end that says a turn stopped halfway.
 */
const MAX_STREAMS = 8;
/** A frame bigger than this is answer content or a file, never an error worth the parse. */
const MAX_FRAME_CHARS = 512 * 1024;

export interface SocketWatcher {
  frame(data: unknown): AnswerError[];
}

function decodeBase64(text: string): string | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

/** The SSE slices a frame item carries, with the key of the stream each belongs to. */
function slices(item: unknown): Array<[string, string]> {
  const o = asObject(item);
  if (!o) return [];
  const outer = asObject(o.payload);
  const inner = asObject(outer?.payload);
  if (inner && typeof inner.encoded_item === 'string') {
    const key = typeof o.topic_id === 'string' ? o.topic_id : typeof inner.turn_id === 'string' ? inner.turn_id : 'turn';
    return [[key, inner.encoded_item]];
  }
  const holder = asObject(o.data) ?? o;
  if (typeof holder.body === 'string' && (o.type === 'http.response.body' || 'sequenceId' in o)) {
    const text = decodeBase64(holder.body);
    const key = typeof holder.conversation_id === 'string' ? holder.conversation_id : 'socket';
    return text ? [[key, text.endsWith('\n') ? text : `${text}\n\n`]] : [];
  }
  return [];
}

export function createSocketWatcher(): SocketWatcher {
  const streams = new Map<string, AnswerStreamParser>();
  return {
    frame(data: unknown): AnswerError[] {
      if (typeof data !== 'string' || data.length > MAX_FRAME_CHARS) return [];
      if (!data.includes('encoded_item') && !data.includes('"body"')) return [];
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        return [];
      }
      const errors: AnswerError[] = [];
      for (const item of Array.isArray(parsed) ? parsed.slice(0, 100) : [parsed]) {
        for (const [key, text] of slices(item)) {
          let parser = streams.get(key);
          if (!parser) {
            if (streams.size >= MAX_STREAMS) streams.delete(streams.keys().next().value as string);
            parser = createAnswerStreamParser();
            streams.set(key, parser);
          }
          errors.push(...parser.push(text));
        }
      }
      return errors;
    },
  };
}
