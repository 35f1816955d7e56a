import { array, boolean, getDotPath, nullable, object, optional, picklist, safeParse, string, type GenericSchema, type InferOutput } from 'valibot';
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
  | { kind: 'failed'; reason: Extract<StatusUnknownReason, 'timeout' | 'network' | 'too-large' | 'redirect'>; detail: string };

/** The longest update text kept; the page links to the rest. */
export const MAX_UPDATE_CHARS = 300;

/*
 * The answers' shapes (valibot objects keep only the keys named here). Fields the page may leave
 * out or set to null are `nullish`: valibot's nullish, said with the two kinds the rest of the
 * extension uses (0.04 KB less in the worker than a third kind).
 */
const nullish = <T extends GenericSchema>(schema: T) => optional(nullable(schema));
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

/** /api/v2/incidents.json: the recent incidents, resolved ones included (filtered below). */
const IncidentsShape = object({ incidents: array(IncidentShape) });

/*
 * The provider's own JSON, /proxy/status.openai.com (incident.io): the page's live state, where
 * the ongoing incidents are listed (summary.json lists none since the move). Only the fields
 * read here are checked; the rest of the (large) answer is dropped unread.
 */
const ProxyRef = object({ component_id: string(), status: nullish(string()) });
const ProxyEvent = object({
  id: string(),
  name: string(),
  status: string(),
  current_worst_impact: nullish(string()),
  published_at: nullish(string()),
  starts_at: nullish(string()),
  affected_components: nullish(array(ProxyRef)),
  updates: nullish(array(object({ message_string: nullish(string()), published_at: nullish(string()) }))),
});
const ProxyShape = object({
  summary: object({
    ongoing_incidents: array(ProxyEvent),
    scheduled_maintenances: nullish(array(ProxyEvent)),
    affected_components: nullish(array(ProxyRef)),
  }),
});
type ProxyEventValue = InferOutput<typeof ProxyEvent>;

/** incident.io's status in the Statuspage words the rest of the extension uses (its one other word: full_outage), or undefined. */
const proxyStatus = (status: string | null | undefined) => COMPONENT_STATUSES.find((s) => s === (status === 'full_outage' ? 'major_outage' : status));
const PROXY_IMPACT = new Map([
  ['degraded_performance', 'minor'],
  ['partial_outage', 'major'],
  ['full_outage', 'critical'],
]);

type Unknown = Extract<StatusSnapshot, { state: 'unknown' }>;
type Parsed<T> = { ok: true; value: T } | { ok: false; unknown: Unknown };

/** Checks one answer: a JSON content type, a 2xx status, parseable JSON of the expected shape. */
export function readAnswer<T>(answer: StatusAnswer, shape: GenericSchema<unknown, T>, checkedAt: number): Parsed<T> {
  const fail = (reason: StatusUnknownReason, detail: string): Parsed<T> => ({
    ok: false,
    unknown: { state: 'unknown', checkedAt, reason, detail: detail.slice(0, 200) },
  });
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
const DONE = new Set(['resolved', 'postmortem', 'completed', 'cancelled', 'maintenance_complete']);

function fromProxy(raw: ProxyEventValue): StatusIncident {
  const latest = (raw.updates ?? []).filter((u) => u.message_string?.trim()).sort((a, b) => (time(b.published_at) ?? 0) - (time(a.published_at) ?? 0))[0];
  return {
    id: raw.id,
    name: cut(raw.name, 200),
    status: raw.status,
    impact: PROXY_IMPACT.get(raw.current_worst_impact ?? '') ?? (raw.status.startsWith('maintenance') ? 'maintenance' : 'minor'),
    // The incident's own page, built from its id (never a link taken from the answer).
    url: /^[A-Za-z0-9]{1,64}$/.test(raw.id) ? `${STATUS_PAGE_URL}incidents/${raw.id}` : null,
    startedAt: time(raw.published_at) ?? time(raw.starts_at),
    updatedAt: time(latest?.published_at),
    latestUpdate: latest?.message_string ? cut(latest.message_string, MAX_UPDATE_CHARS) : null,
    componentIds: (raw.affected_components ?? []).map((c) => c.component_id),
  };
}

/** The same incident may come from two answers: the first one seen stays. */
function byId(...lists: StatusIncident[][]): StatusIncident[] {
  const seen = new Map<string, StatusIncident>();
  for (const list of lists) for (const i of list) if (!seen.has(i.id)) seen.set(i.id, i);
  return [...seen.values()];
}

/** Components named by the provider's answer as affected take the worse of the two statuses, matched by id. */
function applyAffected(components: StatusComponent[], refs: ReadonlyArray<InferOutput<typeof ProxyRef>>): StatusComponent[] {
  const worst = new Map<string, StatusComponent['status']>();
  for (const r of refs) {
    const status = proxyStatus(r.status);
    if (status && COMPONENT_STATUSES.indexOf(status) > COMPONENT_STATUSES.indexOf(worst.get(r.component_id) ?? 'operational'))
      worst.set(r.component_id, status);
  }
  return components.map((c) => {
    const status = worst.get(c.id);
    return status && COMPONENT_STATUSES.indexOf(status) > COMPONENT_STATUSES.indexOf(c.status) ? { ...c, status } : c;
  });
}

export interface IncidentAnswers {
  /** /proxy/status.openai.com, asked first. */
  proxy: StatusAnswer | null;
  /** /api/v2/incidents.json, asked when the proxy could not be read. */
  incidents?: StatusAnswer | null;
}

interface IncidentsFound {
  incidents: StatusIncident[];
  maintenances: StatusIncident[];
  affected: ReadonlyArray<InferOutput<typeof ProxyRef>>;
  missing?: StatusUnknownReason;
}

/** Whether the provider's answer can be read; when not, the caller asks incidents.json instead. */
export function proxyReadable(answer: StatusAnswer | null): boolean {
  return !!answer && readAnswer(answer, ProxyShape, 0).ok;
}

/**
 * Whether the provider's answer lists other ongoing incidents (or newer updates) than `previous`
 * holds. summary.json can stay unchanged (a 304) while an incident starts or moves on, since it
 * carries none; an answer that cannot be read changes nothing.
 */
export function incidentsChanged(previous: Extract<StatusSnapshot, { state: 'known' }>, proxy: StatusAnswer | null): boolean {
  const read = proxy ? readAnswer(proxy, ProxyShape, previous.checkedAt) : null;
  if (!read?.ok) return false;
  const key = (i: StatusIncident) => `${i.id}\n${i.status}\n${i.latestUpdate ?? ''}`;
  const now = new Set(read.value.summary.ongoing_incidents.filter((i) => !DONE.has(i.status)).map((i) => key(fromProxy(i))));
  const before = new Set(previous.incidents.map(key));
  return now.size !== before.size || [...now].some((k) => !before.has(k));
}

/** Ongoing incidents from where they are today: the provider's JSON, else incidents.json. */
function readIncidents(answers: IncidentAnswers, checkedAt: number): IncidentsFound {
  const proxy = answers.proxy ? readAnswer(answers.proxy, ProxyShape, checkedAt) : null;
  if (proxy?.ok) {
    const { summary } = proxy.value;
    const events = [...summary.ongoing_incidents, ...(summary.scheduled_maintenances ?? [])];
    const affected = [...(summary.affected_components ?? []), ...events.flatMap((e) => e.affected_components ?? [])];
    return {
      incidents: summary.ongoing_incidents.filter((i) => !DONE.has(i.status)).map(fromProxy),
      // Only maintenance under way matters to a failing request; a scheduled one is still ahead.
      maintenances: (summary.scheduled_maintenances ?? [])
        .filter((m) => m.status === 'maintenance_in_progress' || m.status === 'in_progress')
        .map((m) => ({ ...fromProxy(m), status: 'in_progress' })),
      affected,
    };
  }
  const fallback = answers.incidents ? readAnswer(answers.incidents, IncidentsShape, checkedAt) : null;
  if (fallback?.ok)
    return {
      incidents: fallback.value.incidents.filter((i) => !DONE.has(i.status) && i.impact !== 'maintenance').map(toIncident),
      maintenances: [],
      affected: [],
    };
  const missing = (proxy && !proxy.ok ? proxy.unknown.reason : undefined) ?? (fallback && !fallback.ok ? fallback.unknown.reason : undefined);
  return { incidents: [], maintenances: [], affected: [], ...(missing ? { missing } : {}) };
}

/**
 * summary.json decides: without it there is no snapshot. components.json only adds components the
 * summary left out, and the incident answers only add incidents (and affected components' worse
 * statuses); when one fails, the rest is still right, so the snapshot says what was missing
 * instead of turning unknown — and never turns a failed answer into an outage.
 */
export function parseStatusPage(
  summary: StatusAnswer,
  components: StatusAnswer | null,
  checkedAt: number,
  extra: IncidentAnswers = { proxy: null },
): StatusSnapshot {
  const s = readAnswer(summary, SummaryShape, checkedAt);
  if (!s.ok) return s.unknown;
  const c = components ? readAnswer(components, ComponentsShape, checkedAt) : null;
  const found = readIncidents(extra, checkedAt);
  return {
    state: 'known',
    checkedAt,
    indicator: s.value.status.indicator,
    description: cut(s.value.status.description, 200),
    components: applyAffected(mergeComponents(s.value.components ?? [], c?.ok ? c.value.components : []), found.affected),
    incidents: byId((s.value.incidents ?? []).filter((i) => !DONE.has(i.status)).map(toIncident), found.incidents),
    maintenances: byId((s.value.scheduled_maintenances ?? []).filter((m) => !DONE.has(m.status)).map(toIncident), found.maintenances),
    // Always our own constant: a link taken from the answer could point anywhere.
    pageUrl: STATUS_PAGE_URL,
    ...(c && !c.ok ? { componentsMissing: c.unknown.reason } : {}),
    ...(found.missing ? { incidentsMissing: found.missing } : {}),
  };
}
