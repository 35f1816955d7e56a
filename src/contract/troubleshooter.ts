import { arr, bool, check, nullable, num, obj, oneOf, optional, record, str } from '../core/check';

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

const CheckResultShape = obj({
  ok: bool,
  key: str(80),
  subs: optional(arr(str(200), 5)),
  at: num(),
});

const StepRecordShape = obj({
  outcome: nullable(oneOf(['fixed', 'not-fixed', 'skipped'])),
  at: num(),
  check: optional(CheckResultShape),
});

export const TroubleshooterStateShape = obj({
  v: oneOf([1]),
  tabId: nullable(num()),
  startedAt: num(),
  updatedAt: num(),
  current: oneOf([...STEP_IDS, 'done']),
  steps: record(oneOf(STEP_IDS), StepRecordShape),
  resolved: bool,
});

/** Stored progress, or null when there is none or it cannot be read (a fresh start is the safe fallback). */
export function parseTroubleshooterState(raw: unknown): TroubleshooterState | null {
  return check(TroubleshooterStateShape, raw) ?? null;
}
