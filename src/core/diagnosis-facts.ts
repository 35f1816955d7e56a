import type { Suspect } from './conflict-entry';
import type { StatusSnapshot } from './status';
import type { Category } from './categories';
import { DIAGNOSIS_WINDOW_MS, type WindowTally } from './window-tally';
/** A status check older than this may miss an incident that started since (or one that ended). */
export const STATUS_STALE_MS = 30 * 60_000;

export type StatusView =
  | { kind: 'none' } // never checked
  | { kind: 'unknown'; reason: string }
  | {
      kind: 'known';
      outage: Outage;
      stale: boolean;
      ageMin: number;
      description: string;
      incidents: string[];
      components: Array<{ id: string; name: string; status: string }>;
    };

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
  /** Cloudflare checks: how many, the most within any CHECK_LOOP_MS, the newest ray. */
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

/** The facts of a window's failures (`tally`, see window-tally.ts), the status and the installed suspects. */
export function gatherFacts(tally: WindowTally, now: number, status: StatusSnapshot | null, conflicts: readonly Suspect[] | null): DiagnosisFacts {
  const enabled = (conflicts ?? []).filter((c) => c.enabled);
  return {
    windowMin: DIAGNOSIS_WINDOW_MS / 60_000,
    total: tally.total,
    telemetry: tally.telemetry,
    byCategory: tally.byCategory,
    tls: tally.tls,
    endpoints: new Set(tally.endpoints),
    retryAfterSec: tally.retry ? Math.max(0, Math.ceil((tally.retry.until - now) / 1000)) : null,
    status: viewStatus(status, now),
    blockers: enabled.filter((c) => c.kind === 'blocker').map((c) => c.name),
    tunnels: enabled.filter((c) => c.kind === 'vpn' || c.kind === 'proxy').map((c) => c.name),
    checks: { n: tally.checks.length, loop: densest(tally.checks, CHECK_LOOP_MS), ray: tally.checkRay },
    pages: { n: tally.pages, status: tally.pageStatus },
    signIn: tally.signIn,
    byFeature: new Map(Object.entries(tally.features)),
  };
}

export function count(facts: DiagnosisFacts, ...categories: Category[]): number {
  return categories.reduce((sum, c) => sum + (facts.byCategory[c] ?? 0), 0);
}
