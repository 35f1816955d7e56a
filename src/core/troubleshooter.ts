import { STEP_IDS, type CheckResult, type StepId, type TroubleshooterState } from './troubleshooter-state';
import type { CauseId, Diagnosis } from './diagnosis';
import { verdictAction, type VerdictAction } from './verdict-action';

/** The automatic check a step runs, if any; the page maps each to a request to the background. */
export type StepCheck = 'reload' | 'status' | 'clear-site' | 'conflicts' | 'probe' | null;

export interface StepDef {
  id: StepId;
  check: StepCheck;
  /** Only for people calling the API from their own code. */
  developer: boolean;
  titleKey: string;
  bodyKey: string;
}

const CHECKS: Readonly<Record<StepId, StepCheck>> = {
  reload: 'reload',
  status: 'status',
  'clear-site': 'clear-site',
  extensions: 'conflicts',
  'other-browser': null,
  devtools: null,
  network: 'probe',
  'api-settings': null,
  retries: null,
  support: null,
};

/** In order of cost to the user: a reload costs a second, a new browser or a support ticket far more. */
export const STEPS: readonly StepDef[] = STEP_IDS.map((id) => {
  const stem = `ts_step_${id.replace(/-/g, '_')}`;
  return { id, check: CHECKS[id], developer: id === 'api-settings' || id === 'retries', titleKey: `${stem}_title`, bodyKey: `${stem}_body` };
});

/** The step that tries the verdict's own fix. */
const LEAD_STEP: Readonly<Record<VerdictAction, StepId>> = { status: 'status', extensions: 'extensions', 'clear-site-data': 'clear-site', reload: 'reload' };

/**
 * The steps in the verdict's order: the step that tries its fix first (on OpenAI's side, the
 * status page), the rest by cost as in STEPS. Without a verdict, STEPS as they are.
 */
export function stepOrder(diagnosis: Diagnosis | null): readonly StepDef[] {
  const verdict = diagnosis?.verdict;
  if (!verdict) return STEPS;
  const action = verdict.side === 'openai' ? 'status' : verdictAction(verdict.id);
  if (!action) return STEPS;
  const lead = LEAD_STEP[action];
  return [...STEPS.filter((s) => s.id === lead), ...STEPS.filter((s) => s.id !== lead)];
}

/** Where a walk stands: a walk nobody has answered yet starts at the order's first step. */
export function currentStep(state: TroubleshooterState, order: readonly StepDef[]): StepId | 'done' {
  const untouched = Object.keys(state.steps).length === 0 && state.current === STEPS[0]!.id;
  return untouched ? order[0]!.id : state.current;
}

const OPENAI_SIDE: readonly CauseId[] = ['openai-incident', 'page-failed', 'signin-down', 'overload', 'gateway'];
/** The server answered (or the browser blocked the request itself): the network path is not at fault. */
const NETWORK_FINE: readonly CauseId[] = [
  'openai-incident',
  'page-failed',
  'signin-down',
  'overload',
  'gateway',
  'cloudflare-page',
  'session-expired',
  'one-endpoint',
  'telemetry-only',
  'blocked-by-extension',
];
const NETWORK_CAUSES: readonly CauseId[] = ['offline-dns', 'proxy-vpn'];

/** Below this the verdict is too unsure to rule anything out. */
const RULE_OUT_CONFIDENCE = 0.6;

/**
 * Steps the diagnosis rules out, each with the i18n key of why. They stay visible and can be
 * run anyway; the page marks them and offers to skip.
 */
export function ruledOut(diagnosis: Diagnosis | null): Partial<Record<StepId, string>> {
  const verdict = diagnosis?.verdict;
  if (!verdict || verdict.confidence < RULE_OUT_CONFIDENCE) return {};
  const out: Partial<Record<StepId, string>> = {};
  if (OPENAI_SIDE.includes(verdict.id)) {
    for (const id of ['clear-site', 'extensions', 'other-browser', 'network'] as const) out[id] = 'ts_skip_openai_side';
  }
  if (NETWORK_FINE.includes(verdict.id) && !out.network) out.network = 'ts_skip_server_answered';
  if (NETWORK_CAUSES.includes(verdict.id)) out['clear-site'] = 'ts_skip_network_problem';
  if (verdict.id === 'telemetry-only' || verdict.id === 'all-clear') {
    for (const id of ['clear-site', 'extensions', 'other-browser', 'network'] as const) out[id] = 'ts_skip_nothing_wrong';
  }
  return out;
}

export function startTroubleshooter(now: number, tabId: number | null): TroubleshooterState {
  return { v: 1, tabId, startedAt: now, updatedAt: now, current: STEPS[0]!.id, steps: {}, resolved: false };
}

function nextAfter(id: StepId, order: readonly StepDef[]): StepId | 'done' {
  const i = order.findIndex((s) => s.id === id);
  return order[i + 1]?.id ?? 'done';
}

/** "Did that fix it?" Yes ends the walk; no moves on to the next step. */
export function answerStep(state: TroubleshooterState, id: StepId, fixed: boolean, now: number, order: readonly StepDef[] = STEPS): TroubleshooterState {
  const step = { ...state.steps[id], outcome: fixed ? ('fixed' as const) : ('not-fixed' as const), at: now };
  return { ...state, steps: { ...state.steps, [id]: step }, current: fixed ? 'done' : nextAfter(id, order), resolved: fixed, updatedAt: now };
}

export function skipStep(state: TroubleshooterState, id: StepId, now: number, order: readonly StepDef[] = STEPS): TroubleshooterState {
  const step = { ...state.steps[id], outcome: 'skipped' as const, at: now };
  return { ...state, steps: { ...state.steps, [id]: step }, current: nextAfter(id, order), updatedAt: now };
}

/** Keeps what a step's automatic check found, for the page and for the support report. */
export function recordCheck(state: TroubleshooterState, id: StepId, check: CheckResult): TroubleshooterState {
  const step = { outcome: state.steps[id]?.outcome ?? null, at: check.at, check };
  return { ...state, steps: { ...state.steps, [id]: step }, updatedAt: check.at };
}

/** Back to an earlier step (the user wants to try it again); later outcomes are kept. */
export function goToStep(state: TroubleshooterState, id: StepId, now: number): TroubleshooterState {
  return { ...state, current: id, resolved: false, updatedAt: now };
}

export interface TriedStep {
  id: StepId;
  titleKey: string;
  outcome: 'fixed' | 'not-fixed' | 'skipped' | 'checked';
  check: CheckResult | null;
}

/** The steps tried, in order, for the report: outcome, and what the check found. */
export function triedSteps(state: TroubleshooterState | null): TriedStep[] {
  if (!state) return [];
  return STEPS.flatMap((def) => {
    const step = state.steps[def.id];
    if (!step) return [];
    return [{ id: def.id, titleKey: def.titleKey, outcome: step.outcome ?? 'checked', check: step.check ?? null }];
  });
}
