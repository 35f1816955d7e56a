import type { Page } from 'puppeteer-core';
import { createAnswerStreamParser } from '../../src/core/answer-stream';
import { launchChromium } from '../support/chromium';
import { startFakeWorld } from '../support/fake-world';
import { median, row, type Bench, type BenchResult } from './types';

/**
 * What the answer-stream observer costs the page. 1 MB of delta-encoded events (the shape of a
 * real answer: an `append` per token, a patch now and then, the end markers), streamed by the
 * fake ChatGPT and read by a page the way the app reads it, on https://chatgpt.com/ (observer on:
 * the fetch is wrapped, the response cloned, the copy parsed) against the control site (no
 * content script) served by the same server. Interleaved rounds, medians. Two pacings: the whole
 * megabyte written at once (the page's CPU is all that limits it) and paced in 2 KB pieces every
 * 2 ms (a fast real answer). Plus the parser's own cost per event, in node.
 */
const PATH = '/backend-api/f/conversation';
const ROUNDS = 9;

/** About 1 MB of SSE, and its event count. */
export function megabyteOfEvents(): { text: string; events: number } {
  const parts = [
    'event: delta_encoding\ndata: "v1"\n\n',
    'event: delta\ndata: {"p": "", "o": "add", "v": {"message": {"id": "m1", "author": {"role": "assistant"}, "content": {"content_type": "text", "parts": [""]}, "status": "in_progress"}, "conversation_id": "c1", "error": null}, "c": 0}\n\n',
  ];
  let size = parts.join('').length;
  let events = 2;
  for (let i = 0; size < 1_000_000; i++) {
    const piece =
      i % 50 === 49
        ? `event: delta\ndata: {"p": "", "o": "patch", "v": [{"p": "/message/content/parts/0", "o": "append", "v": " word${i}"}, {"p": "/message/metadata/token_count", "o": "replace", "v": ${i}}]}\n\n`
        : `event: delta\ndata: {"p": "/message/content/parts/0", "o": "append", "v": " token ${i} of the answer"}\n\n`;
    parts.push(piece);
    size += piece.length;
    events++;
  }
  parts.push('data: {"type": "message_stream_complete", "conversation_id": "c1"}\n\n', 'data: [DONE]\n\n');
  return { text: parts.join(''), events: events + 2 };
}

function pieces(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

/** Reads the stream in the page; ms from fetch() to the first chunk and to the end, and the bytes. */
function timeRead(page: Page): Promise<{ first: number; last: number; bytes: number }> {
  return page.evaluate(async (path) => {
    const start = performance.now();
    const res = await fetch(path, { method: 'POST', body: '{}' });
    const reader = res.body!.getReader();
    let first = -1;
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (first < 0) first = performance.now() - start;
      bytes += value.byteLength;
    }
    return { first, last: performance.now() - start, bytes };
  }, PATH);
}

export const answerObserver: Bench = {
  name: 'answer-stream observer',
  ci: false,
  async run(): Promise<BenchResult> {
    const { text, events } = megabyteOfEvents();
    const rows = [];

    // The parser alone, fed the same megabyte in 2 KB pieces: its cost per event.
    const perEvent: number[] = [];
    const chunks = pieces(text, 2048).map((b) => b.toString('latin1'));
    for (let round = 0; round < 15; round++) {
      const start = process.hrtime.bigint();
      const parser = createAnswerStreamParser();
      for (const c of chunks) parser.push(c);
      parser.end();
      perEvent.push(Number(process.hrtime.bigint() - start) / events);
    }
    // The fastest round: on a shared machine the others measure the neighbours (as recorder-cost does).
    rows.push(
      row(
        'answer observer: parser cost per event',
        Math.min(...perEvent),
        'ns',
        2000,
        `${events.toLocaleString('en-US')} events in ${(text.length / 1e6).toFixed(2)} MB in 2 KB pieces, best of 15 in node (median ${Math.round(median(perEvent))} ns)`,
      ),
    );

    const world = await startFakeWorld();
    const session = await launchChromium(world);
    try {
      const chat = await session.browser.newPage();
      await chat.goto('https://chatgpt.com/');
      const control = await session.browser.newPage();
      await control.goto('https://control-site.test/');
      for (const [label, size, delay] of [
        ['at once', 64 * 1024, 0],
        ['paced 2 KB / 2 ms', 2048, 2],
      ] as const) {
        const chunks = pieces(text, size);
        const responder = () => ({ status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, chunks, chunkDelayMs: delay });
        world.route('chatgpt.com', PATH, responder);
        world.route('control-site.test', PATH, responder);
        const on = { first: [] as number[], last: [] as number[] };
        const off = { first: [] as number[], last: [] as number[] };
        await timeRead(chat);
        await timeRead(control);
        for (let round = 0; round < ROUNDS; round++) {
          // Alternate which goes first, so neither always meets a warmer or colder machine.
          const order =
            round % 2
              ? ([
                  [chat, on],
                  [control, off],
                ] as const)
              : ([
                  [control, off],
                  [chat, on],
                ] as const);
          for (const [page, into] of order) {
            const t = await timeRead(page);
            if (t.bytes !== Buffer.byteLength(text)) throw new Error(`read ${t.bytes} bytes, sent ${Buffer.byteLength(text)}`);
            into.first.push(t.first);
            into.last.push(t.last);
          }
        }
        const [onFirst, offFirst, onLast, offLast] = [median(on.first), median(off.first), median(on.last), median(off.last)];
        rows.push(
          row(
            `answer observer (${label}): time to first byte, observed - none`,
            onFirst - offFirst,
            'ms',
            2,
            `${onFirst.toFixed(1)} vs ${offFirst.toFixed(1)} ms, median of ${ROUNDS}`,
          ),
        );
        rows.push(
          row(
            `answer observer (${label}): time to last byte, observed / none`,
            onLast / offLast,
            'x',
            1.05,
            `${onLast.toFixed(1)} vs ${offLast.toFixed(1)} ms, median of ${ROUNDS}`,
          ),
        );
      }
    } finally {
      await session.close();
      await world.close();
    }
    return { rows };
  },
};
