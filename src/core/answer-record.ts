import type { AnswerReport } from './answer-report';
import { maskErrorText } from './answer-stream';
import type { ErrorRecord } from './error-record';
import { isWatchedHost } from './hosts';
import { redactPath, safeUrl } from './redact';

/** Where a report came from, as the browser (not the page) says. */
export interface AnswerSource {
  tabId: number | null;
  /** The URL of the page whose content script sent it. */
  pageUrl: string | null;
}

/**
 * A failure record for an error inside an answer, or null when the source is not a ChatGPT tab.
 * The page's claims are used only where nothing better exists: the time is the background's, the
 * host is the sending tab's, the path and text are masked again.
 */
export function buildAnswerRecord(report: AnswerReport, source: AnswerSource, now: number, seq: number): ErrorRecord | null {
  const page = source.pageUrl ? safeUrl(source.pageUrl) : null;
  if (!page || !isWatchedHost(page.host)) return null;
  const time = Math.round(now);
  const socket = report.via === 'websocket';
  return {
    id: `answer-${seq}@${time}`,
    time,
    tabId: source.tabId ?? -1,
    type: socket ? 'websocket' : 'xmlhttprequest',
    // The observer does not pass the method on (only error facts cross); the record says so.
    method: socket ? 'WS' : '—',
    host: socket ? 'ws.chatgpt.com' : page.host,
    path: redactPath(report.path.split(/[?#]/)[0] || '/'),
    status: socket ? null : 200,
    statusLine: null,
    error: maskErrorText(report.text) || null,
    category: 'answer',
    meaning: report.kind === 'stopped' ? 'meaning_answer_stopped' : 'meaning_answer_error',
    telemetry: false,
    durationMs: null,
    ids: { ...report.ids },
    retryAfter: null,
    retryAfterSec: null,
    server: null,
    contentType: socket ? null : 'text/event-stream',
    htmlOnApi: false,
  };
}
