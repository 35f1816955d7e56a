/**
 * The one typed request map from the UI to the background: what needs the worker's state or must
 * run without a page open. The one-click fixes the user starts from a page (site data,
 * conflicting extensions, reload) run in that page instead (src/fixes), loaded on use, and the
 * troubleshooter stores its own progress, so the service worker does not carry them. No pushes
 * go the other way.
 */
import type { AnswerReport } from '../core/answer-report';
import type { MonitorState } from '../core/monitor-schedule';
import type { ProbeEntry } from '../core/probe-history';
import type { Settings, SettingsField } from './settings';
import type { StatusSnapshot } from '../core/status';

export interface RequestMap {
  /** Remove every record (the user's "clear log"). */
  'log/clear': { params: Record<string, never>; result: { removed: number } };
  /** Write what is pending now; tests and the report use it to read a complete log. */
  'log/flush': { params: Record<string, never>; result: { records: number } };
  /** Checks status.openai.com (a snapshot younger than a minute is reused unless `force`). */
  'status/check': { params: { force?: boolean }; result: StatusSnapshot };
  /** Runs the status monitor once now (status check, alerts, badge) and re-arms its alarm. */
  'monitor/tick': { params: Record<string, never>; result: { state: MonitorState; snapshot: StatusSnapshot | null } };
  /** Validates and stores the settings; bad fields come back as message keys and nothing is stored. */
  'settings/save': { params: { settings: unknown }; result: { settings: Settings | null; errors: Partial<Record<SettingsField, string>> } };
  /** One reachability probe now, appended to the probe history. */
  'probe/run': { params: Record<string, never>; result: ProbeEntry };
  /** From the relay in ChatGPT's tab: an error inside an answer stream (checked again before it is recorded). */
  'answer/failure': { params: { report: AnswerReport }; result: { recorded: boolean } };
}

/**
 * The only requests a content script may send. The others come from the extension's own pages:
 * a page that ChatGPT's renderer shares must not clear the log or change the settings.
 */
export const CONTENT_SCRIPT_REQUESTS: readonly RequestType[] = ['answer/failure'];

/** Who sent a request, as the background's handlers see it. */
export interface RequestSender {
  /** The tab of a content script (or of an extension page opened in a tab); null for the popup. */
  tabId: number | null;
  /** The sending document's URL: the page's for a content script. */
  url: string | null;
}

export type RequestType = keyof RequestMap;
export type Params<K extends RequestType> = RequestMap[K]['params'];
export type Result<K extends RequestType> = RequestMap[K]['result'];

export interface Request<K extends RequestType = RequestType> {
  /** Marks the message as ours, so other senders are ignored. */
  edr: 1;
  type: K;
  params: Params<K>;
}

export interface ReplyError {
  code: string;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export function isRequest(message: unknown): message is Request {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as { edr?: unknown }).edr === 1 &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

export function errorReply(code: string, error: unknown): { ok: false; error: ReplyError } {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  return { ok: false, error: { code, message } };
}
