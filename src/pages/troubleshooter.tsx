import { useEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '../contract/messages';
import { REPORT_PAGE, pagePath } from '../contract/pages';
import { TROUBLESHOOTER } from '../contract/troubleshooter';
import type { CheckResult, StepId, TroubleshooterState } from '../core/troubleshooter-state';
import { answerStep, currentStep, type StepDef, goToStep, recordCheck, ruledOut, skipStep, startTroubleshooter, stepOrder } from '../core/troubleshooter';
import { t } from '../platform/i18n';
import { extensionUrl } from '../platform/tabs';
import { ActionButton } from '../ui/action-button';
import { asReply } from '../ui/as-reply';
import { useLog } from '../ui/use-log';
import { useNow } from '../ui/use-now';
import { useStatus } from '../ui/use-status';
import { useStored } from '../ui/use-stored';
import { tabIdFromQuery } from '../ui/tab-id-from-query';
import { useVerdict } from '../ui/use-verdict';
import { saveTroubleshooterProgress } from './troubleshooter-progress';
import { TroubleshooterStep } from './troubleshooter-step';
import { PageHead } from './page-head';

function outcomeKey(state: TroubleshooterState, id: StepId): string | null {
  const outcome = state.steps[id]?.outcome;
  return outcome ? `ts_outcome_${outcome.replace('-', '_')}` : state.steps[id]?.check ? 'ts_outcome_checked' : null;
}

/**
 * The guided troubleshooter: steps in order of cost, each with its automatic check and "did that
 * fix it?". Progress lives in storage (written by this page), so it survives closing it.
 */
export function Troubleshooter({ search = location.search }: { search?: string }) {
  const tabId = tabIdFromQuery(search);
  const now = useNow();
  const log = useLog();
  const status = useStatus();
  const stored = useStored(TROUBLESHOOTER);
  // What the user just did shows at once; storage catches up.
  const [local, setLocal] = useState<TroubleshooterState | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // The newer of the two wins: resetting `local` whenever `stored` changed could undo a click made
  // before that effect ran, and a failed save must not undo what the user did.
  const newest = local && (!stored || local.updatedAt >= stored.updatedAt) ? local : stored;
  const state = newest ?? (stored === null ? startTroubleshooter(now, tabId) : null);
  // The verdict as the popup and the panel show it; the step that lists extensions ranks them itself.
  const { diagnosis } = useVerdict(log?.records, now, status, tabId);
  const skippable = ruledOut(diagnosis ?? null);
  // The verdict orders the steps (on OpenAI's side the status page comes first), once: a check
  // that changes the verdict mid-walk must not reshuffle the steps under the user.
  const frozen = useRef<readonly StepDef[] | null>(null);
  if (!frozen.current && diagnosis) frozen.current = stepOrder(diagnosis);
  const order = frozen.current ?? stepOrder(null);
  // The answered step's buttons vanish; focus follows to the next step so keyboard users stay in place.
  const moved = useRef<string | null>(null);
  const at = state ? currentStep(state, order) : null;
  useEffect(() => {
    if (!state || moved.current === null || moved.current === at) return;
    moved.current = at;
    document.querySelector<HTMLElement>('.ts-step.is-current h2, .ts-done')?.focus();
  }, [at]);
  useEffect(() => {
    if (state && moved.current === null) moved.current = at;
  }, [state]);

  const save = async (next: TroubleshooterState | null): Promise<Reply<unknown>> => {
    if (next) setLocal(next);
    const reply = await asReply(saveTroubleshooterProgress(next));
    setSaveError(reply.ok ? null : reply.error.message);
    return reply;
  };

  if (!state) return <p class="muted">{t('ts_loading')}</p>;
  const current = order.findIndex((s) => s.id === at);
  // The first action of a fresh walk keeps the step the verdict put first as where it stands.
  const live: TroubleshooterState = at === state.current || at === null ? state : { ...state, current: at };
  return (
    <main class="troubleshooter">
      <PageHead title={t('ts_title')} intro={t('ts_intro')} diagnosis={diagnosis} />
      {saveError && (
        <p class="notice" role="alert">
          {t('ts_save_failed', saveError)}
        </p>
      )}
      <ol class="ts-steps">
        {order.map((def, i) => {
          const outcome = outcomeKey(state, def.id);
          const isCurrent = at === def.id;
          return (
            <li key={def.id} class={`ts-step${isCurrent ? ' is-current' : ''}`} data-step={def.id} aria-current={isCurrent ? 'step' : undefined}>
              <h2 tabIndex={isCurrent ? -1 : undefined}>
                {t(def.titleKey)}
                {def.developer && <span class="tag">{t('ts_developer_tag')}</span>}
                {skippable[def.id] && !isCurrent && <span class="tag ts-tag-ruled-out">{t('ts_tag_ruled_out')}</span>}
                {outcome && <span class={`tag ts-outcome outcome-${state.steps[def.id]?.outcome ?? 'checked'}`}>{t(outcome)}</span>}
              </h2>
              {isCurrent && (
                <TroubleshooterStep
                  def={def}
                  record={state.steps[def.id]}
                  ruledOutKey={skippable[def.id]}
                  tabId={tabId}
                  records={log?.records}
                  actions={{
                    answer: (fixed) => save(answerStep(live, def.id, fixed, Date.now(), order)),
                    skip: () => save(skipStep(live, def.id, Date.now(), order)),
                    check: (result: CheckResult) => void save(recordCheck(live, def.id, result)),
                  }}
                />
              )}
              {!isCurrent && outcome && i < (current < 0 ? order.length : current) && (
                <button type="button" class="link ts-redo" onClick={() => void save(goToStep(state, def.id, Date.now()))}>
                  {t('ts_redo')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {at === 'done' && (
        <section class={`ts-done ${state.resolved ? 'ok' : 'bad'}`} role="status" tabIndex={-1}>
          <p>{t(state.resolved ? 'ts_done_fixed' : 'ts_done_unresolved')}</p>
          {!state.resolved && (
            <a class="button-link" href={extensionUrl(pagePath(REPORT_PAGE, tabId))} target="_blank" rel="noopener">
              {t('ts_open_report')}
            </a>
          )}
        </section>
      )}
      <footer class="row">
        <ActionButton id="ts-restart" label={t('ts_restart')} run={() => save(startTroubleshooter(Date.now(), tabId))} />
      </footer>
    </main>
  );
}
