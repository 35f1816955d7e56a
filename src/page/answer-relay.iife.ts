/**
 * Runs in ChatGPT's tab in the extension's isolated world. It takes the main-world observer's
 * reports (src/page/answer-observer.iife.ts) and sends them to the background. The page can
 * dispatch the same event with anything in it, so every report is hostile input: bounded in
 * size, checked against the schema, and at most a few a second and 30 per page are passed on.
 * When the user turned the feature off, it drops everything and tells the observer to stop.
 */
import { parseAnswerDetail } from '../contract/answer-report';
import { SETTINGS } from '../contract/settings';
import { ANSWER_CONFIG_EVENT, ANSWER_REPORT_EVENT } from '../core/answer-report';
import { createTokenBucket } from '../core/token-bucket';
import { request } from '../platform/messaging';
import { readKey } from '../platform/storage';

const MAX_PER_PAGE = 30;
const bucket = createTokenBucket(2, 3);
let sent = 0;

/** Read at each use: a report is rare, and a setting changed in another tab then counts at once. */
async function enabled(): Promise<boolean> {
  try {
    return (await readKey(SETTINGS)).answerErrors;
  } catch {
    return true;
  }
}

void enabled().then((on) => {
  if (!on) window.dispatchEvent(new CustomEvent(ANSWER_CONFIG_EVENT, { detail: 'off' }));
});

window.addEventListener(ANSWER_REPORT_EVENT, (event) => {
  if (sent >= MAX_PER_PAGE) return;
  // Checked first (bounded: 2 KB at most), so junk the page sends never uses up the rate.
  const report = parseAnswerDetail((event as CustomEvent<unknown>).detail);
  if (!report || !bucket.take(Date.now())) return;
  sent++;
  void enabled().then((on) => (on ? request('answer/failure', { report }) : null));
});
