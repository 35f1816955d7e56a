import type { RequestSender } from '../contract/messages';
import { parseAnswerReport } from '../contract/answer-report';
import type { Settings } from '../contract/settings';
import { buildAnswerRecord } from '../core/answer-record';
import type { ErrorRecord } from '../core/error-record';

export interface AnswerFailureDeps {
  now(): number;
  settings(): Settings;
  onFailure(record: ErrorRecord): void;
}

/**
 * Records the errors the relay in a ChatGPT tab saw inside answer streams, like any failure. What
 * arrives was checked by the relay, but a content script shares its process with the page: it is
 * checked again here, and the tab and host come from the browser's sender, not from the message.
 */
export function createAnswerFailures(deps: AnswerFailureDeps) {
  let seq = 0;
  return async (params: { report: unknown } | undefined, from: RequestSender): Promise<{ recorded: boolean }> => {
    if (!deps.settings().answerErrors) return { recorded: false };
    const report = parseAnswerReport(params?.report);
    if (!report) throw Object.assign(new Error('Not an answer report.'), { code: 'invalid' });
    const record = buildAnswerRecord(report, { tabId: from.tabId, pageUrl: from.url }, deps.now(), seq++);
    if (!record) return { recorded: false };
    deps.onFailure(record);
    return { recorded: true };
  };
}
