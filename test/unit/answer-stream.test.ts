import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSocketWatcher } from '../../src/core/answer-socket';
import { createAnswerStreamParser, maskErrorText, MAX_ERROR_TEXT, type AnswerError } from '../../src/core/answer-stream';

const DIR = 'test/fixtures/real/answer-streams';
/** Thousands of cases on a shared 2-core machine: a generous bound, not the usual 5 s. */
const TIMEOUT = 120_000;
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** Feeds the pieces in order and returns every error found, the end included. */
function parse(pieces: readonly string[]): AnswerError[] {
  const parser = createAnswerStreamParser();
  const found = pieces.flatMap((piece) => parser.push(piece));
  return [...found, ...parser.end()];
}

/** Cuts `text` at the given offsets (any order, duplicates allowed). */
function cut(text: string, offsets: readonly number[]): string[] {
  const at = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const o of at) {
    pieces.push(text.slice(from, o));
    from = o;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** What each real-format file must give: kind and a part of the (masked) text. */
const EXPECTED: Record<string, Array<{ kind: AnswerError['kind']; text: RegExp }>> = {
  'whole-message-error-field.sse': [
    { kind: 'error-field', text: /^Our systems have detected unusual activity coming from your system\. Please try again later\.$/ },
  ],
  'whole-message-complete.sse': [],
  'delta-v1-complete.sse': [],
  'delta-v1-error-in-root.sse': [{ kind: 'error-field', text: /^Something went wrong while generating the response\./ }],
  'delta-v1-error-patch.sse': [{ kind: 'error-field', text: /^A network error occurred/ }],
  'event-error.sse': [{ kind: 'error-event', text: /^Too many requests in 1 hour/ }],
  'type-error.sse': [{ kind: 'error-type', text: /^Hmm\.\.\.something seems to have gone wrong\.$/ }],
  'stopped-halfway.sse': [{ kind: 'stopped', text: /ended before it was complete/ }],
};

describe('answer stream parser: the real formats', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.map((e) => e.kind).join(', ') || 'no error'}`, () => {
      const errors = parse([fixture(name)]);
      expect(errors.map((e) => e.kind)).toEqual(expected.map((e) => e.kind));
      errors.forEach((e, i) => expect(e.text).toMatch(expected[i]!.text));
    });
  }

  it('parses CRLF and CR line ends like LF', () => {
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const text = fixture(name);
      expect(
        parse([text.replace(/\n/g, '\r\n')]).map((e) => e.kind),
        name,
      ).toEqual(expected.map((e) => e.kind));
      expect(
        parse([text.replace(/\n/g, '\r')]).map((e) => e.kind),
        name,
      ).toEqual(expected.map((e) => e.kind));
    }
  });

  it('never lets a conversation id, email or token through in the text', () => {
    const [error] = parse([
      'data: {"message": null, "conversation_id": "6974e0a3-b684-8321-a73a-bf4e7b6dfafe", "error": "Failed for me@example.com in 6974e0a3-b684-8321-a73a-bf4e7b6dfafe with Bearer abcdefghijkl"}\n\n',
    ]);
    expect(error!.text).not.toMatch(/6974e0a3|me@example|abcdefghijkl/);
    expect(error!.text).toContain('[id]');
  });

  it('cuts the text to 200 characters and flattens it to one line', () => {
    expect(maskErrorText(`a\n\tb ${'x'.repeat(1000)}`)).toHaveLength(MAX_ERROR_TEXT);
    expect(maskErrorText('a\n\tb')).toBe('a b');
  });

  it('takes an error object by its message, and reports at most three errors per stream', () => {
    const event = 'data: {"type": "error", "error": {"message": "Rate limited", "code": "429"}}\n\n';
    expect(parse([event])).toEqual([{ kind: 'error-type', text: 'Rate limited' }]);
    expect(parse([event.repeat(10)])).toHaveLength(3);
  });

  it('ignores answer text that talks about errors', () => {
    const body = fixture('delta-v1-complete.sse').replace('no error here', '"error": "not a real one", type: error');
    expect(parse([body])).toEqual([]);
  });

  it('does not call a stream that ended with [DONE] alone stopped, nor a user stop of one that never started', () => {
    expect(parse(['data: [DONE]\n\n'])).toEqual([]);
    expect(parse(['data: {"type": "message_stream_complete"}\n\n'])).toEqual([]);
    expect(parse([''])).toEqual([{ kind: 'stopped', text: expect.any(String) }]);
  });

  it('keeps memory bounded: a huge line is skipped, and the next event is still read', () => {
    const parser = createAnswerStreamParser();
    for (let i = 0; i < 100; i++) expect(parser.push('x'.repeat(100_000))).toEqual([]);
    parser.push('\n\n');
    expect(parser.push('event: error\ndata: after the flood\n\n')).toEqual([{ kind: 'error-event', text: 'after the flood' }]);
    // An event whose data lines together pass the bound is dropped whole, not kept growing.
    for (let i = 0; i < 100; i++) parser.push(`data: ${'y'.repeat(10_000)} error\n`);
    expect(parser.push('\n')).toEqual([]);
  });
});

describe('answer stream parser: properties', () => {
  it(
    'any split into chunks gives the same errors as the whole stream',
    () => {
      const names = Object.keys(EXPECTED);
      fc.assert(
        fc.property(fc.constantFrom(...names), fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), (name, offsets, crlf) => {
          const text = crlf ? fixture(name).replace(/\n/g, '\r\n') : fixture(name);
          expect(parse(cut(text, offsets))).toEqual(parse([text]));
        }),
        { numRuns: 3000 },
      );
    },
    TIMEOUT,
  );

  it(
    'garbage never throws, and every error it yields is bounded and of a known kind',
    () => {
      const sseish = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.constantFrom(
          'data: ',
          'event: error\n',
          'data: {"error":',
          '\r',
          '\n',
          '\r\n',
          ':',
          'data: [DONE]\n\n',
          '{"p":"/error","o":"add","v":',
          '"type":"error"',
          '\uFFFD',
        ),
        fc.json().map((j) => `data: ${j}\n\n`),
        fc.anything().map((a) => `data: ${JSON.stringify(a) ?? 'undefined'}\n\n`),
      );
      fc.assert(
        fc.property(fc.array(sseish, { maxLength: 30 }), (pieces) => {
          const errors = parse(pieces);
          expect(errors.length).toBeLessThanOrEqual(3);
          for (const e of errors) {
            expect(['error-field', 'error-event', 'error-type', 'stopped']).toContain(e.kind);
            expect(e.text.length).toBeLessThanOrEqual(MAX_ERROR_TEXT);
          }
        }),
        { numRuns: 3000 },
      );
    },
    TIMEOUT,
  );

  it('non-string input is ignored, not thrown on', () => {
    const parser = createAnswerStreamParser();
    for (const bad of [null, undefined, 42, {}, [], Symbol('x')]) expect(parser.push(bad as unknown as string)).toEqual([]);
  });
});

describe('answers over a WebSocket', () => {
  const frames = (name: string) => fixture(name).trim().split('\n');

  it('finds the error in conversation-turn stream items (encoded_item)', () => {
    const watcher = createSocketWatcher();
    const errors = frames('ws-turn-stream.jsonl').flatMap((f) => watcher.frame(f));
    expect(errors).toEqual([{ kind: 'error-type', text: 'Something went wrong while generating the response.' }]);
  });

  it('finds the error in the older socket frames (http.response.body, base64)', () => {
    const watcher = createSocketWatcher();
    const errors = frames('ws-http-response-body.jsonl').flatMap((f) => watcher.frame(f));
    expect(errors).toEqual([{ kind: 'error-field', text: 'Something went wrong while generating the response.' }]);
  });

  it(
    'ignores other frames and garbage without throwing',
    () => {
      const watcher = createSocketWatcher();
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (frame) => {
          expect(() => watcher.frame(frame)).not.toThrow();
        }),
        { numRuns: 2000 },
      );
      expect(watcher.frame('{"type":"http.response.body","body":"!!not base64!!"}')).toEqual([]);
      expect(watcher.frame(`{"encoded_item": "${'x'.repeat(600_000)}"}`)).toEqual([]);
    },
    TIMEOUT,
  );
});
