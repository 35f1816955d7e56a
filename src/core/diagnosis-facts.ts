import type { Suspect } from '../contract/conflicts';
import type { StatusSnapshot } from './status';
import type { Category } from './categories';
import type { ErrorRecord } from './error-record';
import { isSignInHost } from './hosts';
import { STATUS_FEATURES } from './status-features';
import { maskIds } from './redact';
import { primaryRequestId } from './request-ids';

/** Failures older than this say little about what is wrong now. */
export const DIAGNOSIS_WINDOW_MS = 15 * 60_000;
/** A status check older than this may miss an incident that started since (or one that ended). */
export const STATUS_STALE_MS = 30 * 60_000;

export type StatusView =
  | { kind: 'none' } // never checked
  | { kind: 'unknown'; reason: string }
  | { kind: 'known'; outage: Outage; stale: boolean; ageMin: number; description: string; incidents: string[]; components: Array<{ id: string; name: string; status: string }> };

/** Everything the scoring needs, gathered in one pass so a full log stays cheap. */
export interface DiagnosisFacts {
  windowMin: number;
  /** Non-telemetry failures in the window: only counted, since the scoring reads no single one. */
  total: number;
  telemetry: number;
  byCategory: Partial<Record<Category, number>>;
  tls: number;
  /** Failing endpoints (host + path with ids masked); how many differ matters, not how often each failed. */
  endpoints: Set<string>;
  /** Seconds still to wait from `now`, from the newest failure that sent a parsable `retry-after`. */
  retryAfterSec: number | null;
  status: StatusView;
  blockers: string[];
  tunnels: string[];
  /** Cloudflare checks (`cf-mitigated: challenge`): how many, the most within any 10 minutes, the newest ray. */
  checks: { n: number; loop: number; ray: string | null };
  /** The page itself (main_frame) failed: how many times, and the newest status. */
  pages: { n: number; status: number | null };
  /** Server-side failures on the sign-in hosts. */
  signIn: number;
  /** Failures per status-page component whose feature the failing request belongs to (by component id). */
  byFeature: Map<string, number>;
}

/** Three Cloudflare checks within this window are a loop, not a one-off. */
export const CHECK_LOOP_MS = 10 * 60_000;
export const CHECK_LOOP_MIN = 3;

/** The most of `times` (ascending) that fall within any `span`. */
function densest(times: readonly number[], span: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! > span) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

type Outage = 'none' | 'minor' | 'major' | 'critical';
const OUTAGE_RANK: Readonly<Record<Outage, number>> = { none: 0, minor: 1, major: 2, critical: 3 };

/**
 * The outage each component status amounts to. Only these are listed as affected (operational is
 * not); a Map, because stored statuses are not checked one by one and must not hit Object's keys.
 */
const COMPONENT_OUTAGE = new Map<string, Outage>([
  ['partial_outage', 'minor'],
  ['major_outage', 'major'],
  ['degraded_performance', 'minor'],
  ['under_maintenance', 'none'],
]);

function viewStatus(status: StatusSnapshot | null, now: number): StatusView {
  if (!status) return { kind: 'none' };
  if (status.state === 'unknown') return { kind: 'unknown', reason: status.reason };
  const age = Math.max(0, now - status.checkedAt);
  let outage: Outage = status.indicator;
  const components: Array<{ id: string; name: string; status: string }> = [];
  for (const c of status.components) {
    const level = COMPONENT_OUTAGE.get(c.status);
    if (!level) continue;
    components.push({ id: c.id, name: c.name, status: c.status.replace(/_/g, ' ') });
    // A component in a major outage is an outage even when the page-wide indicator lags behind it.
    if (OUTAGE_RANK[level] > OUTAGE_RANK[outage]) outage = level;
  }
  const incidents = status.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem').map((i) => i.name);
  // Maintenance under way answers 503s like an outage does; scheduled maintenance does not yet.
  for (const m of status.maintenances) if (m.status === 'in_progress' || m.status === 'verifying') incidents.push(m.name);
  return {
    kind: 'known',
    outage: outage === 'none' && incidents.length > 0 ? 'minor' : outage,
    stale: age > STATUS_STALE_MS,
    ageMin: Math.round(age / 60_000),
    description: status.description,
    incidents,
    components,
  };
}

export function gatherFacts(
  records: readonly ErrorRecord[],
  now: number,
  status: StatusSnapshot | null,
  conflicts: readonly Suspect[] | null,
  tabId: number | null | undefined,
): DiagnosisFacts {
  const since = now - DIAGNOSIS_WINDOW_MS;
  const byCategory: Partial<Record<Category, number>> = {};
  const endpoints = new Set<string>();
  let total = 0;
  let telemetry = 0;
  let tls = 0;
  let retryAfterSec: number | null = null;
  let retryFrom = -Infinity;
  const checkTimes: number[] = [];
  let ray: string | null = null;
  const pages = { n: 0, status: null as number | null };
  let signIn = 0;
  const byFeature = new Map<string, number>();
  for (const r of records) {
    // Records from the future (clock changes) still count as recent rather than vanish.
    if (r.time < since) continue;
    if (typeof tabId === 'number' && r.tabId !== tabId) continue;
    if (r.telemetry) {
      telemetry++;
      continue;
    }
    total++;
    byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    if (r.meaning === 'meaning_tls') tls++;
    if (r.meaning === 'meaning_cf_challenge') {
      checkTimes.push(r.time);
      ray = primaryRequestId(r.ids) ?? ray;
    } else if (r.type === 'main_frame' && !isSignInHost(r.host) && r.status !== null && (r.status >= 500 || r.category === 'cloudflare')) {
      pages.n++;
      pages.status = r.status;
    }
    if (r.meaning === 'meaning_signin_down' || (isSignInHost(r.host) && r.status !== null && r.status >= 500)) signIn++;
    endpoints.add(`${r.host}${maskIds(r.path)}`);
    const feature = STATUS_FEATURES.find((f) => f.uses(r.host, r.path));
    if (feature) byFeature.set(feature.componentId, (byFeature.get(feature.componentId) ?? 0) + 1);
    if (r.retryAfterSec !== null && r.time >= retryFrom) {
      retryFrom = r.time;
      retryAfterSec = Math.max(0, Math.ceil((r.time + r.retryAfterSec * 1000 - now) / 1000));
    }
  }
  const enabled = (conflicts ?? []).filter((c) => c.enabled);
  return {
    windowMin: DIAGNOSIS_WINDOW_MS / 60_000,
    total,
    telemetry,
    byCategory,
    tls,
    endpoints,
    retryAfterSec,
    status: viewStatus(status, now),
    blockers: enabled.filter((c) => c.kind === 'blocker').map((c) => c.name),
    tunnels: enabled.filter((c) => c.kind === 'vpn' || c.kind === 'proxy').map((c) => c.name),
    checks: { n: checkTimes.length, loop: densest(checkTimes.sort((a, b) => a - b), CHECK_LOOP_MS), ray },
    pages,
    signIn,
    byFeature,
  };
}

export function count(facts: DiagnosisFacts, ...categories: Category[]): number {
  return categories.reduce((sum, c) => sum + (facts.byCategory[c] ?? 0), 0);
}
