import * as v from 'valibot';

/**
 * The guided troubleshooter's progress, stored under `troubleshooter` by the troubleshooter page
 * (its only writer, src/pages/troubleshooter-progress.ts) so it survives closing the page.
 */
export const TROUBLESHOOTER_KEY = 'troubleshooter';

export const STEP_IDS = [
  'reload',
  'status',
  'clear-site',
  'extensions',
  'other-browser',
  'devtools',
  'network',
  'api-settings',
  'retries',
  'support',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export type StepOutcome = 'fixed' | 'not-fixed' | 'skipped';

/** What an automatic check found, as an i18n key so the report can word it too. */
export interface CheckResult {
  ok: boolean;
  key: string;
  subs?: string[];
  at: number;
}

export interface StepRecord {
  outcome: StepOutcome | null;
  at: number;
  check?: CheckResult;
}

export interface TroubleshooterState {
  v: 1;
  tabId: number | null;
  startedAt: number;
  updatedAt: number;
  /** The step shown now, or 'done' once something fixed it or every step was tried. */
  current: StepId | 'done';
  steps: Partial<Record<StepId, StepRecord>>;
  resolved: boolean;
}

const CheckSchema = v.object({
  ok: v.boolean(),
  key: v.pipe(v.string(), v.maxLength(80)),
  subs: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(5))),
  at: v.number(),
});

const StepRecordSchema = v.object({
  outcome: v.nullable(v.picklist(['fixed', 'not-fixed', 'skipped'])),
  at: v.number(),
  check: v.optional(CheckSchema),
});

export const TroubleshooterStateSchema = v.object({
  v: v.literal(1),
  tabId: v.nullable(v.number()),
  startedAt: v.number(),
  updatedAt: v.number(),
  current: v.picklist([...STEP_IDS, 'done']),
  steps: v.record(v.picklist(STEP_IDS), StepRecordSchema),
  resolved: v.boolean(),
});

/** Stored progress, or null when there is none or it cannot be read (a fresh start is the safe fallback). */
export function parseTroubleshooterState(raw: unknown): TroubleshooterState | null {
  const parsed = v.safeParse(TroubleshooterStateSchema, raw);
  return parsed.success ? (parsed.output as TroubleshooterState) : null;
}
