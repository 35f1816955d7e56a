import type { StatusComponent, StatusIncident, StatusSnapshot } from './status';
import { isChatGptComponent } from './status-features';

/*
 * Which parts of a status snapshot concern ChatGPT. There is no single "ChatGPT" component: the
 * page lists its parts (Conversations, Login, Voice mode, File uploads, ...) next to the API's,
 * so they are picked by id (status-features.ts), by name only when the id is new.
 */
export { isChatGptComponent };

/** From best to worst. */
export const IMPACT_LEVELS = ['none', 'maintenance', 'minor', 'major', 'unknown'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

export interface ChatGptImpact {
  /** `unknown` when the check failed: callers must not read it as "fine". */
  level: ImpactLevel;
  components: StatusComponent[];
  incidents: StatusIncident[];
  maintenances: StatusIncident[];
}

/**
 * An incident concerns ChatGPT when it names a ChatGPT component, mentions ChatGPT, or lists no
 * components at all (it cannot be ruled out, so it is shown rather than hidden).
 */
function concernsChatGpt(incident: StatusIncident, chatIds: ReadonlySet<string>): boolean {
  if (incident.componentIds.some((id) => chatIds.has(id))) return true;
  if (/chatgpt/i.test(`${incident.name} ${incident.latestUpdate ?? ''}`)) return true;
  return incident.componentIds.length === 0;
}

export function chatgptAffected(snapshot: StatusSnapshot): ChatGptImpact {
  if (snapshot.state === 'unknown') return { level: 'unknown', components: [], incidents: [], maintenances: [] };
  const chat = snapshot.components.filter((c) => isChatGptComponent(c));
  const chatIds = new Set(chat.map((c) => c.id));
  const components = chat.filter((c) => c.status !== 'operational');
  const incidents = snapshot.incidents.filter((i) => concernsChatGpt(i, chatIds));
  const maintenances = snapshot.maintenances.filter((m) => m.status === 'in_progress' && concernsChatGpt(m, chatIds));

  // The worst thing seen wins: an outage or a major incident, then any other incident or
  // degradation, then maintenance.
  const level: ImpactLevel =
    components.some((c) => c.status === 'major_outage') || incidents.some((i) => i.impact === 'major' || i.impact === 'critical')
      ? 'major'
      : incidents.length || components.some((c) => c.status === 'partial_outage' || c.status === 'degraded_performance')
        ? 'minor'
        : maintenances.length || components.some((c) => c.status === 'under_maintenance')
          ? 'maintenance'
          : 'none';
  return { level, components, incidents, maintenances };
}

/** True when ChatGPT has an ongoing incident or a component in an outage (not maintenance). */
export function isChatGptIncident(snapshot: StatusSnapshot): boolean {
  const { level } = chatgptAffected(snapshot);
  return level === 'minor' || level === 'major';
}

/** A message key per unknown reason, for every surface that explains a failed check. */
export function statusReasonKey(reason: string): string {
  return `status_unknown_${reason.replace(/-/g, '_')}`;
}
