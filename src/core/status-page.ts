import { array, boolean, getDotPath, nullish, object, picklist, safeParse, string, type GenericSchema, type InferOutput } from 'valibot';
import { STATUS_PAGE_URL } from './hosts';
import { COMPONENT_STATUSES, STATUS_INDICATORS, type StatusComponent, type StatusIncident, type StatusSnapshot, type StatusUnknownReason } from './status';
import { errorText } from './error-text';

/**
 * Turns status.openai.com's Statuspage-compatible answers into a StatusSnapshot. The page moved
 * platforms once (to incident.io) and an API path can come back as HTML with status 200, so the
 * content type and the shape are checked before anything is trusted: every doubt is "unknown"
 * with a reason, never "all good".
 */

/** What the fetcher hands over for one URL: an answer, or why there is none. */
export type StatusAnswer =
  | { kind: 'answer'; status: number; contentType: string | null; body: string }
  | { kind: 'failed'; reason: Extract<StatusUnknownReason, 'timeout' | 'network' | 'too-large'>; detail: string };

/** The longest update text kept; the page links to the rest. */
export const MAX_UPDATE_CHARS = 300;

/*
 * The answers' shapes (valibot objects keep only the keys named here). Fields the page may leave
 * out or set to null are `nullish`.
 */
const optionalText = nullish(string());

const ComponentShape = object({
  id: string(),
  name: string(),
  status: picklist(COMPONENT_STATUSES),
  group: nullish(boolean()),
});

const IncidentShape = object({
  id: string(),
  name: string(),
  status: string(),
  impact: optionalText,
  shortlink: optionalText,
  created_at: optionalText,
  started_at: optionalText,
  updated_at: optionalText,
  incident_updates: nullish(array(object({ body: optionalText, created_at: optionalText }))),
  components: nullish(array(object({ id: string() }))),
});

const SummaryShape = object({
  status: object({ indicator: picklist(STATUS_INDICATORS), description: string() }),
  components: nullish(array(ComponentShape)),
  incidents: nullish(array(IncidentShape)),
  scheduled_maintenances: nullish(array(IncidentShape)),
});

const ComponentsShape = object({ components: array(ComponentShape) });

type Unknown = Extract<StatusSnapshot, { state: 'unknown' }>;
type Parsed<T> = { ok: true; value: T } | { ok: false; unknown: Unknown };

/** Checks one answer: a JSON content type, a 2xx status, parseable JSON of the expected shape. */
export function readAnswer<T>(answer: StatusAnswer, shape: GenericSchema<unknown, T>, checkedAt: number): Parsed<T> {
  const fail = (reason: StatusUnknownReason, detail: string): Parsed<T> => ({ ok: false, unknown: { state: 'unknown', checkedAt, reason, detail: detail.slice(0, 200) } });
  if (answer.kind === 'failed') return fail(answer.reason, answer.detail);
  if (answer.status < 200 || answer.status > 299) return fail('http', `HTTP ${answer.status}`);
  const type = (answer.contentType ?? '').toLowerCase();
  // The reason already says what was wrong (a web page, not JSON); the detail adds what came.
  if (type.includes('html') || /^\s*</.test(answer.body)) return fail('html', `HTTP ${answer.status}, ${type || 'no content type'}`);
  if (!type.includes('json')) return fail('wrong-type', `content type ${type || 'missing'}`);
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch (error) {
    return fail('malformed', `invalid JSON: ${errorText(error)}`);
  }
  // abortEarly: the first bad value is all the detail says, and a huge answer is not walked further.
  const parsed = safeParse(shape, json, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = getDotPath(issue);
    return fail('wrong-type', `unexpected shape${path ? ` at ${path}` : ''}: ${describe(issue.input)}`);
  }
  return { ok: true, value: parsed.output };
}

/** The value a shape check stopped at, briefly: whole objects would crowd out the rest of the detail. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return `received ${value && typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : JSON.stringify(value)}`;
}

function time(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function toIncident(raw: InferOutput<typeof IncidentShape>): StatusIncident {
  const latest = (raw.incident_updates ?? []).filter((u) => u.body?.trim()).sort((a, b) => (time(b.created_at) ?? 0) - (time(a.created_at) ?? 0))[0];
  // Only https links are shown; anything else in the feed is dropped rather than made clickable.
  const url = raw.shortlink && /^https:\/\//i.test(raw.shortlink) ? raw.shortlink : null;
  return {
    id: raw.id,
    name: cut(raw.name, 200),
    status: raw.status,
    impact: raw.impact ?? 'none',
    url,
    startedAt: time(raw.started_at) ?? time(raw.created_at),
    updatedAt: time(raw.updated_at),
    latestUpdate: latest?.body ? cut(latest.body, MAX_UPDATE_CHARS) : null,
    componentIds: (raw.components ?? []).map((c) => c.id),
  };
}

function mergeComponents(...lists: Array<ReadonlyArray<InferOutput<typeof ComponentShape>>>): StatusComponent[] {
  const byId = new Map<string, StatusComponent>();
  for (const list of lists) {
    for (const c of list) {
      if (c.group) continue; // a group only repeats its children's statuses
      const seen = byId.get(c.id);
      // The two files are fetched a moment apart and may disagree: keep the worse, never a false "operational".
      const status = seen && COMPONENT_STATUSES.indexOf(seen.status) > COMPONENT_STATUSES.indexOf(c.status) ? seen.status : c.status;
      byId.set(c.id, { id: c.id, name: c.name, status });
    }
  }
  return [...byId.values()];
}

/** Incidents and maintenances that are over (each kind uses some of these). */
const DONE = new Set(['resolved', 'postmortem', 'completed', 'cancelled']);

/**
 * summary.json decides: without it there is no snapshot. components.json only adds components the
 * summary left out; when it fails, the summary's components are still right, so the snapshot says
 * what was missing instead of turning unknown.
 */
export function parseStatusPage(summary: StatusAnswer, components: StatusAnswer | null, checkedAt: number): StatusSnapshot {
  const s = readAnswer(summary, SummaryShape, checkedAt);
  if (!s.ok) return s.unknown;
  const c = components ? readAnswer(components, ComponentsShape, checkedAt) : null;
  return {
    state: 'known',
    checkedAt,
    indicator: s.value.status.indicator,
    description: cut(s.value.status.description, 200),
    components: mergeComponents(s.value.components ?? [], c?.ok ? c.value.components : []),
    incidents: (s.value.incidents ?? []).filter((i) => !DONE.has(i.status)).map(toIncident),
    maintenances: (s.value.scheduled_maintenances ?? []).filter((m) => !DONE.has(m.status)).map(toIncident),
    // Always our own constant: a link taken from the answer could point anywhere.
    pageUrl: STATUS_PAGE_URL,
    ...(c && !c.ok ? { componentsMissing: c.unknown.reason } : {}),
  };
}
