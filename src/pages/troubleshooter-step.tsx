import type { CheckResult, StepRecord } from '../core/troubleshooter-state';
import type { ErrorRecord } from '../core/error-record';
import type { StepDef } from '../core/troubleshooter';
import { t } from '../platform/i18n';
import { extensionUrl } from '../platform/tabs';
import { ActionButton } from '../ui/action-button';
import { CopyButton } from '../ui/copy-button';
import type { Reply } from '../contract/messages';
import { PANEL_PAGE, REPORT_PAGE, pagePath } from '../contract/pages';
import { RETRY_SNIPPET } from './retry-snippet';
import { StepCheckView } from './step-checks';

export interface StepActions {
  answer: (fixed: boolean) => Promise<Reply<unknown>>;
  skip: () => Promise<Reply<unknown>>;
  check: (result: CheckResult) => void;
}

function Extra({ def, tabId }: { def: StepDef; tabId: number | null }) {
  if (def.id === 'retries') {
    return (
      <div class="ts-snippet">
        <p class="muted">{t('ts_snippet_label')}</p>
        <pre>
          <code>{RETRY_SNIPPET}</code>
        </pre>
        <CopyButton text={RETRY_SNIPPET} label={t('ts_copy_snippet')} />
      </div>
    );
  }
  if (def.id === 'devtools') {
    return (
      <p>
        <a href={extensionUrl(pagePath(PANEL_PAGE, tabId))} target="_blank" rel="noopener">
          {t('popup_open_panel')}
        </a>
      </p>
    );
  }
  if (def.id === 'support') {
    return (
      <p>
        <a id="ts-open-report" class="button-link" href={extensionUrl(pagePath(REPORT_PAGE, tabId))} target="_blank" rel="noopener">
          {t('ts_open_report')}
        </a>
      </p>
    );
  }
  return null;
}

/** The current step: what to do, its automatic check, then "did that fix it?". */
export function TroubleshooterStep({
  def,
  record,
  ruledOutKey,
  tabId,
  records,
  actions,
}: {
  def: StepDef;
  record: StepRecord | undefined;
  ruledOutKey: string | undefined;
  tabId: number | null;
  records: readonly ErrorRecord[] | undefined;
  actions: StepActions;
}) {
  return (
    <div class="ts-step-body">
      {ruledOutKey && <p class="notice ts-ruled-out">{t('ts_ruled_out', t(ruledOutKey))}</p>}
      <p>{t(def.bodyKey)}</p>
      <Extra def={def} tabId={tabId} />
      {def.check && <StepCheckView check={def.check} tabId={tabId} records={records} onCheck={actions.check} />}
      {record?.check && (
        <p class={`ts-check-result ${record.check.ok ? 'ok' : 'bad'}`} role="status">
          {t(record.check.key, record.check.subs)}
        </p>
      )}
      <fieldset class="ts-question">
        <legend>{t('ts_fixed_question')}</legend>
        <div class="row">
          <ActionButton id="ts-yes" label={t('ts_yes')} run={() => actions.answer(true)} />
          <ActionButton id="ts-no" primary label={t('ts_no')} run={() => actions.answer(false)} />
          <ActionButton id="ts-skip" label={t('ts_skip')} run={actions.skip} />
        </div>
      </fieldset>
    </div>
  );
}
