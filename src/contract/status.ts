/**
 * What the status check stores under `status` and every surface reads. Produced by parsing
 * status.openai.com's Statuspage-compatible API (src/core/status-page.ts); "unknown" always
 * carries a reason, so a failed check can never read as "all good".
 */
export const STATUS_KEY = 'status';

export type StatusIndicator = 'none' | 'minor' | 'major' | 'critical';

export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';

export interface StatusComponent {
  id: string;
  name: string;
  status: ComponentStatus;
}

export interface StatusIncident {
  id: string;
  name: string;
  /** investigating | identified | monitoring | resolved | postmortem, or a maintenance status */
  status: string;
  /** none | minor | major | critical | maintenance */
  impact: string;
  url: string | null;
  startedAt: number | null;
  updatedAt: number | null;
  /** The newest update's text, cut to a readable length. */
  latestUpdate: string | null;
  componentIds: string[];
}

export type StatusUnknownReason = 'html' | 'timeout' | 'http' | 'malformed' | 'network' | 'too-large' | 'wrong-type';

export type StatusSnapshot =
  | {
      state: 'known';
      checkedAt: number;
      indicator: StatusIndicator;
      description: string;
      /** Every component seen in summary.json and components.json, merged by id. */
      components: StatusComponent[];
      incidents: StatusIncident[];
      maintenances: StatusIncident[];
      pageUrl: string;
      /** components.json failed (why); the components listed come from summary.json alone. */
      componentsMissing?: StatusUnknownReason;
    }
  | {
      state: 'unknown';
      checkedAt: number;
      reason: StatusUnknownReason;
      /** A short technical detail for the "why" (HTTP status, parse error), already safe to show. */
      detail: string;
    };
