import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { waitFor, type Driver } from './driver';
import type { FakeWorld } from './fake-world';
import { storedRecords } from './recorder-checks';

/** What each check runs against: the fake world, a browser, its ChatGPT tab and that tab's id. */
export interface AnswerContext {
  world: FakeWorld;
  driver: Driver;
  chat: Page;
  tabId: number;
}

/**
 * Errors inside a 200 answer, end to end: written once, run in each browser
 * (test/e2e/answer-stream.test.ts).
 * The fake ChatGPT streams a real-format file from test/fixtures/real/answer-streams/ in pieces;
 * the page reads it as the app does; the checks compare every byte the page got with what was
 * sent, then look for the failure in storage, the popup and the panel.
 */
const STREAMS = 'test/fixtures/real/answer-streams';
const PATH = '/backend-api/f/conversation';

export function streamFixture(name: string): Buffer {
  return readFileSync(join(STREAMS, name));
}

/** Serves `name` on POST /backend-api/f/conversation as a stream of `pieces` byte ranges, cut mid-line. */
export function routeStream(world: FakeWorld, name: string, pieces = 7): Buffer {
  const bytes = streamFixture(name);
  const size = Math.ceil(bytes.length / pieces);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  world.route('chatgpt.com', PATH, () => ({
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'x-oai-request-id': 'oai-req-e2e-1' },
    chunks,
    chunkDelayMs: 15,
  }));
  return bytes;
}

/** What the page's own reader received: status and every byte, in order. */
async function readInPage(chat: Page): Promise<{ status: number; bytes: Buffer }> {
  const got = await chat.evaluate(() => (window as unknown as { readStream(): Promise<{ status: number; bytes: number[] }> }).readStream());
  return { status: got.status, bytes: Buffer.from(got.bytes) };
}

const answerRecords = async (ctx: AnswerContext) => (await storedRecords(ctx.driver)).filter((r) => r.category === 'answer');

export async function expectErrorInsideAnswerRecordedAndShown(ctx: AnswerContext): Promise<void> {
  const { world, driver, chat, tabId } = ctx;
  const before = (await answerRecords(ctx)).length;
  const sent = routeStream(world, 'whole-message-error-field.sse');
  const got = await readInPage(chat);
  expect(got.status).toBe(200);
  // Byte for byte: the observer read a copy and changed nothing the page received.
  expect(got.bytes.equals(sent)).toBe(true);
  const seen = world.requests.findLast((r) => r.path === PATH)!;

  const record = await waitFor(async () => (await answerRecords(ctx))[before], { what: 'the error inside the answer in storage', timeoutMs: 15_000 });
  expect(record).toMatchObject({
    category: 'answer',
    status: 200,
    host: 'chatgpt.com',
    path: PATH,
    tabId,
    ids: { cfRay: seen.cfRay, xRequestId: seen.requestId },
  });
  expect(record.error).toBe('Our systems have detected unusual activity coming from your system. Please try again later.');
  // The conversation id in the stream never reaches storage.
  expect(JSON.stringify(await storedRecords(driver))).not.toContain('38b8bfcf-9912-45db-a48e-b62fb585c855');

  const popup = await driver.open(`src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('.failure.cat-answer', { timeout: 10_000 });
  const item = await popup.$eval('.failure.cat-answer', (el) => el.textContent ?? '');
  expect(item).toContain('In answer');
  expect(item).toContain(PATH);
  expect(item).toContain('The answer failed while it was being written');
  expect(item).toContain(seen.cfRay!);
  await popup.close();

  const panel = await driver.open(`src/devtools/panel.html?tabId=${tabId}`);
  await panel.waitForSelector('tr.failure-row', { timeout: 10_000 });
  const rows = await panel.$$eval('tr.failure-row', (trs) => trs.map((r) => r.textContent ?? ''));
  const row = rows.find((r) => r.includes('In answer'));
  expect(row, rows.join('\n')).toBeDefined();
  expect(row).toContain(PATH);
  expect(await panel.$eval('.chip.grp-answer', (el) => el.textContent ?? '')).toMatch(/Inside the answer\s*\d+/);
  await panel.close();
}

/**
 * Errors inside an answer over ChatGPT's WebSocket (ws.chatgpt.com), for both frame formats in
 * the corpus: the page opens the socket as the app does and keeps every message; the messages
 * must be exactly the frames sent, and the error must be stored once per stream, with the
 * conversation id nowhere in storage.
 */
export async function expectSocketErrorsRecorded(ctx: AnswerContext): Promise<void> {
  const { world, driver, chat, tabId } = ctx;
  for (const [name, path, conversation] of [
    ['ws-turn-stream.jsonl', '/ws/user/turns', '6974e0a3-b684-8321-a73a-bf4e7b6dfafe'],
    ['ws-http-response-body.jsonl', '/ws/user/legacy', '38b8bfcf-9912-45db-a48e-b62fb585c855'],
  ] as const) {
    const frames = streamFixture(name).toString('utf8').trim().split('\n');
    world.socket('ws.chatgpt.com', path, frames);
    const before = (await answerRecords(ctx)).length;
    const got = await chat.evaluate(
      (url) =>
        new Promise<string[]>((resolve, reject) => {
          const messages: string[] = [];
          const socket = new WebSocket(url);
          socket.addEventListener('message', (event) => messages.push(String(event.data)));
          socket.addEventListener('close', () => resolve(messages));
          socket.addEventListener('error', () => reject(new Error(`socket ${url} failed`)));
        }),
      `wss://ws.chatgpt.com${path}`,
    );
    // The page got every frame as sent: the observer only listens beside it.
    expect(got, name).toEqual(frames);
    const record = await waitFor(async () => (await answerRecords(ctx))[before], { what: `the error inside ${name} in storage`, timeoutMs: 15_000 });
    expect(record, name).toMatchObject({ category: 'answer', host: 'ws.chatgpt.com', path, tabId, type: 'websocket', method: 'WS', status: null });
    expect(record.error).toBe('Something went wrong while generating the response.');
    expect(JSON.stringify(await storedRecords(driver))).not.toContain(conversation);
    // One error, one record.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await answerRecords(ctx), name).toHaveLength(before + 1);
  }
}

export async function expectCompleteAnswerLeftAlone(ctx: AnswerContext): Promise<void> {
  const before = (await answerRecords(ctx)).length;
  for (const name of ['delta-v1-complete.sse', 'whole-message-complete.sse']) {
    const sent = routeStream(ctx.world, name, 11);
    const got = await readInPage(ctx.chat);
    expect(got.bytes.equals(sent), name).toBe(true);
  }
  // Then one that fails, so the two before were surely processed, not just slow.
  routeStream(ctx.world, 'stopped-halfway.sse');
  const got = await readInPage(ctx.chat);
  expect(got.bytes.equals(streamFixture('stopped-halfway.sse'))).toBe(true);
  const stopped = await waitFor(async () => (await answerRecords(ctx))[before], { what: 'the stopped answer', timeoutMs: 15_000 });
  expect(stopped).toMatchObject({ category: 'answer', path: PATH });
  expect((stopped as unknown as { meaning: string }).meaning).toBe('meaning_answer_stopped');
  expect(await answerRecords(ctx)).toHaveLength(before + 1);
}

/**
 * What the page can see of the wraps: fetch and WebSocket on ChatGPT (wrapped) against the
 * control site (no content script), property by property. Returns the differences (the README
 * lists them); the ones that could break a page must be none.
 */
async function wrapVisibility(ctx: AnswerContext): Promise<{ chat: Record<string, unknown>; control: Record<string, unknown> }> {
  const probe = () => {
    const f = window.fetch;
    const W = window.WebSocket;
    return {
      fetchName: f.name,
      fetchLength: f.length,
      fetchToString: Function.prototype.toString.call(f),
      fetchOwnKeys: Reflect.ownKeys(f).map(String).sort().join(','),
      fetchHasPrototype: 'prototype' in f,
      fetchIsWindowFetch: f === window.fetch,
      webSocketName: W.name,
      webSocketLength: W.length,
      webSocketToString: Function.prototype.toString.call(W),
      webSocketOwnKeys: Reflect.ownKeys(W).map(String).sort().join(','),
      webSocketPrototypeIsShared: W.prototype === Object.getPrototypeOf(new W('wss://127.0.0.1:9/')),
      webSocketInstanceof: new W('wss://127.0.0.1:9/') instanceof W,
      webSocketOpenConstant: W.OPEN,
      toStringToString: Function.prototype.toString.call(Function.prototype.toString),
      toStringName: Function.prototype.toString.name,
      toStringOfOthers: Function.prototype.toString
        .call(function named(a: number) {
          return a;
        })
        .replace(/\s+/g, ' '),
      // A constructor that throws at once: where the error's stack says it was thrown.
      webSocketBadUrlStack: (() => {
        try {
          new W('ftp://127.0.0.1/');
          return 'no throw';
        } catch (e) {
          return String((e as Error).stack ?? e)
            .split('\n')
            .slice(0, 3)
            .join(' | ');
        }
      })(),
      fetchDescriptor: JSON.stringify(Object.getOwnPropertyDescriptor(window, 'fetch'), (k, v) => (typeof v === 'function' ? 'fn' : v)),
    };
  };
  const control = await ctx.driver.browser.newPage();
  await control.goto('https://control-site.test/');
  const result = { chat: await ctx.chat.evaluate(probe), control: await control.evaluate(probe) };
  await control.close();
  return result;
}

/** Every property a page could compare is the native one's; the stack of a throwing constructor is only printed. */
export async function expectWrapsLookNative(ctx: AnswerContext, browser: string): Promise<void> {
  const { chat: wrapped, control } = await wrapVisibility(ctx);
  console.log(`wrap visibility (${browser})`, JSON.stringify({ wrapped, control }, null, 1));
  for (const key of Object.keys(control).filter((k) => k !== 'webSocketBadUrlStack')) expect(wrapped[key], key).toEqual(control[key]);
}
