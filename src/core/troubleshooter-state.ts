import { array, boolean, maxLength, nullable, number, object, optional, picklist, pipe, record, string, type InferOutput } from 'valibot';

/**
 * The guided troubleshooter's progress: the steps tried and what each found. The types are read
 * off the schemas that check the stored copy (contract/troubleshooter.ts), so the two cannot drift.
 */
export const STEP_IDS = ['reload', 'status', 'clear-site', 'extensions', 'other-browser', 'devtools', 'network', 'api-settings', 'retries', 'support'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_OUTCOMES = ['fixed', 'not-fixed', 'skipped'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** What an automatic check found, as an i18n key so the report can word it too. */
export const CheckResultSchema = object({
  ok: boolean(),
  key: pipe(string(), maxLength(80)),
  subs: optional(pipe(array(pipe(string(), maxLength(200))), maxLength(5))),
  at: number(),
});
export type CheckResult = InferOutput<typeof CheckResultSchema>;

const StepRecordSchema = object({
  outcome: nullable(picklist(STEP_OUTCOMES)),
  at: number(),
  check: optional(CheckResultSchema),
});
export type StepRecord = InferOutput<typeof StepRecordSchema>;

export const TroubleshooterStateSchema = object({
  v: picklist([1]),
  tabId: nullable(number()),
  startedAt: number(),
  updatedAt: number(),
  /** The step shown now, or 'done' once something fixed it or every step was tried. */
  current: picklist([...STEP_IDS, 'done']),
  /** Keyed by step id; a step not tried yet has no entry. */
  steps: record(picklist(STEP_IDS), StepRecordSchema),
  resolved: boolean(),
});
export type TroubleshooterState = InferOutput<typeof TroubleshooterStateSchema>;
