/**
 * The one typed request map from the UI to the background: what needs the worker's state or must
 * run without a page open. The one-click fixes the user starts from a page (site data,
 * conflicting extensions, reload) run in that page instead (src/fixes), loaded on use, and the
 * troubleshooter stores its own progress, so the service worker does not carry them. No pushes
 * go the other way.
 */
import { boolean, getDotPath, object, optional, safeParse, unknown, type GenericSchema, type InferOutput } from 'valibot';
import type { MonitorState } from '../core/monitor-schedule';
import type { ProbeEntry } from '../core/probe-history';
import type { Settings, SettingsField } from './settings';
import type { StatusSnapshot } from '../core/status';

/**
 * Each request's parameters as the background checks them before a handler sees them: a page's
 * message is outside input like storage is. Objects keep only the keys named here. Built on first
 * use: module-level schema calls stay in every bundle that imports this file (the bundler keeps
 * them), and only the worker reads requests.
 */
const paramSchemas = () => {
  const none = object({});
  return {
    'log/clear': none,
    'log/flush': none,
    'status/check': object({ force: optional(boolean()) }),
    'monitor/tick': none,
    // Checked field by field by validateSettingsInput, which names each bad field.
    'settings/save': object({ settings: unknown() }),
    'probe/run': none,
    // The report is checked by the handler against the answer report's schema (contract/answer-report.ts).
    'answer/failure': object({ report: unknown() }),
  } satisfies Record<string, GenericSchema>;
};
let PARAMS: ReturnType<typeof paramSchemas> | undefined;
type ParamsOf<K extends keyof ReturnType<typeof paramSchemas>> = InferOutput<ReturnType<typeof paramSchemas>[K]>;

export interface RequestMap {
  /** Remove every record (the user's "clear log"). */
  'log/clear': { params: ParamsOf<'log/clear'>; result: { removed: number } };
  /** Write what is pending now; tests and the report use it to read a complete log. */
  'log/flush': { params: ParamsOf<'log/flush'>; result: { records: number } };
  /** Checks status.openai.com (a snapshot younger than a minute is reused unless `force`). */
  'status/check': { params: ParamsOf<'status/check'>; result: StatusSnapshot };
  /** Runs the status monitor once now (status check, alerts, badge) and re-arms its alarm. */
  'monitor/tick': { params: ParamsOf<'monitor/tick'>; result: { state: MonitorState; snapshot: StatusSnapshot | null } };
  /** Validates and stores the settings; bad fields come back as message keys and nothing is stored. */
  'settings/save': { params: ParamsOf<'settings/save'>; result: { settings: Settings | null; errors: Partial<Record<SettingsField, string>> } };
  /** One reachability probe now, appended to the probe history. */
  'probe/run': { params: ParamsOf<'probe/run'>; result: ProbeEntry };
  /** From the relay in ChatGPT's tab: an error inside an answer stream (checked again before it is recorded). */
  'answer/failure': { params: ParamsOf<'answer/failure'>; result: { recorded: boolean } };
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

/**
 * A message as the background reads it: null when it is not ours (other senders are ignored),
 * else the request with its parameters checked, or why it is refused (an unknown type, bad
 * parameters), which goes back to the sender as the reply.
 */
export function readRequest(message: unknown): { ok: true; request: Request } | { ok: false; error: ReplyError } | null {
  const m = message as Partial<Request> | null | undefined;
  if (!m || typeof m !== 'object' || m.edr !== 1 || typeof m.type !== 'string') return null;
  PARAMS ??= paramSchemas();
  if (!Object.hasOwn(PARAMS, m.type)) return errorReply('unknown-request', `Unknown request: ${m.type.slice(0, 60)}`);
  const params = safeParse(PARAMS[m.type], m.params ?? {}, { abortEarly: true });
  if (!params.success) {
    const [issue] = params.issues;
    return errorReply('invalid-request', `${m.type}: ${getDotPath(issue) ?? 'params'}: ${issue.message}`);
  }
  return { ok: true, request: { edr: 1, type: m.type, params: params.output } };
}

export function errorReply(code: string, error: unknown): { ok: false; error: ReplyError } {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  return { ok: false, error: { code, message } };
}
