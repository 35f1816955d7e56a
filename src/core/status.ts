import { array, number, object, optional, picklist, string, type InferOutput } from 'valibot';
import { nullableNumber, nullableString } from './schema-parts';

/**
 * What a status check found, as every surface reads it: produced from status.openai.com's answers
 * by src/core/status-page.ts and stored under the contract's STATUS key. "unknown" always carries
 * a reason, so a failed check can never read as "all good". The types are read off the schemas,
 * so what is checked on load and what the code expects cannot drift apart.
 */
export const STATUS_INDICATORS = ['none', 'minor', 'major', 'critical'] as const;
export type StatusIndicator = (typeof STATUS_INDICATORS)[number];

/** Worse statuses later, so a merge can keep the worse of two. */
export const COMPONENT_STATUSES = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const UNKNOWN_REASONS = ['html', 'timeout', 'http', 'malformed', 'network', 'too-large', 'wrong-type', 'redirect'] as const;
export type StatusUnknownReason = (typeof UNKNOWN_REASONS)[number];

export const StatusComponentSchema = object({ id: string(), name: string(), status: picklist(COMPONENT_STATUSES) });
export type StatusComponent = InferOutput<typeof StatusComponentSchema>;

export const StatusIncidentSchema = object({
  id: string(),
  name: string(),
  /** investigating | identified | monitoring | resolved | postmortem, or a maintenance status */
  status: string(),
  /** none | minor | major | critical | maintenance */
  impact: string(),
  url: nullableString,
  startedAt: nullableNumber,
  updatedAt: nullableNumber,
  /** The newest update's text, cut to a readable length. */
  latestUpdate: nullableString,
  componentIds: array(string()),
});
export type StatusIncident = InferOutput<typeof StatusIncidentSchema>;

const reason = picklist(UNKNOWN_REASONS);

/** A snapshot with the page's answer. */
export const KnownSnapshotSchema = object({
  state: picklist(['known']),
  checkedAt: number(),
  indicator: picklist(STATUS_INDICATORS),
  description: string(),
  /** Every component seen in summary.json and components.json, merged by id. */
  components: array(StatusComponentSchema),
  incidents: array(StatusIncidentSchema),
  maintenances: array(StatusIncidentSchema),
  pageUrl: string(),
  /** components.json failed (why); the components listed come from summary.json alone. */
  componentsMissing: optional(reason),
  /**
   * Neither the provider's own JSON (/proxy/status.openai.com) nor /api/v2/incidents.json could
   * be read (why): the incidents listed are summary.json's alone, which carries none today.
   */
  incidentsMissing: optional(reason),
});

/** A check that found no usable answer. */
export const UnknownSnapshotSchema = object({
  state: picklist(['unknown']),
  checkedAt: number(),
  reason,
  /** A short technical detail for the "why" (HTTP status, parse error), already safe to show. */
  detail: string(),
});

/**
 * One of the two, told apart by `state`. Read as the first of the two schemas that passes
 * (contract/status.ts), which is what valibot's union would do: 0.12 KB less in the worker, which
 * has no other union.
 */
export type StatusSnapshot = InferOutput<typeof KnownSnapshotSchema> | InferOutput<typeof UnknownSnapshotSchema>;
