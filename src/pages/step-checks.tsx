import { useState } from 'preact/hooks';
import type { Reply } from '../contract/messages';
import type { SiteClearReport } from '../contract/site-data';
import type { StatusSnapshot } from '../core/status';
import type { CheckResult } from '../core/troubleshooter-state';
import type { ErrorRecord } from '../core/error-record';
import type { SiteDataPlan } from '../core/site-data-plan';
import type { StepCheck } from '../core/troubleshooter';
import { t } from '../platform/i18n';
import { pluralKey } from '../core/plural';
import { request } from '../platform/messaging';
import { ActionButton } from '../ui/action-button';
import { asReply } from '../ui/as-reply';
import { ConflictList } from '../ui/conflict-list';

/** The clear and the reload run in this page, loaded when their step's button is clicked. */
const clearer = () => import('../fixes/site-data-clearer');

export type OnCheck = (result: CheckResult) => void;

/** Runs an action and turns its answer into a CheckResult the troubleshooter keeps. */
async function checked<T>(reply: Promise<Reply<T>>, toResult: (value: T) => Omit<CheckResult, 'at'>, onCheck: OnCheck): Promise<Reply<CheckResult>> {
  const answer = await reply;
  if (!answer.ok) return answer;
  const result = { ...toResult(answer.value), at: Date.now() };
  onCheck(result);
  return { ok: true, value: result };
}

export function statusCheckResult(status: StatusSnapshot): Omit<CheckResult, 'at'> {
  if (status.state === 'unknown') return { ok: false, key: 'ts_check_status_unknown', subs: [status.reason] };
  if (status.indicator === 'none' && !status.components.some((c) => c.status === 'major_outage' || c.status === 'partial_outage')) {
    return { ok: true, key: 'ts_check_status_ok' };
  }
  return { ok: false, key: 'ts_check_status_outage', subs: [status.description] };
}

export function clearCheckResult(report: SiteClearReport): Omit<CheckResult, 'at'> {
  const remaining = Object.values(report.remainingCookies).reduce((a, b) => a + b, 0);
  if (!report.verified || remaining > 0) return { ok: false, key: pluralKey('ts_check_cleared_partly', remaining), subs: [String(remaining)] };
  return { ok: true, key: 'ts_check_cleared', subs: [report.dataTypes.join(', ')] };
}

/**
 * A step's check button: runs the action and keeps its result for the step. The step shows the
 * stored result itself (it outlives this button), so the button says nothing more when done.
 */
function CheckButton<T>({
  id,
  label,
  primary,
  reply,
  toResult,
  onCheck,
}: {
  id: string;
  label: string;
  primary?: boolean;
  reply: () => Promise<Reply<T>>;
  toResult: (value: T) => Omit<CheckResult, 'at'>;
  onCheck: OnCheck;
}) {
  return <ActionButton id={id} primary={primary} label={label} run={() => checked(reply(), toResult, onCheck)} doneText={() => ''} />;
}

function ClearSiteCheck({ onCheck }: { onCheck: OnCheck }) {
  const [plan, setPlan] = useState<SiteDataPlan | null>(null);
  return (
    <div class="fix">
      <ActionButton
        id="ts-clear-preview"
        label={t('ts_check_btn_clear_site')}
        run={() => asReply(clearer().then((m) => m.currentPlan()))}
        onDone={setPlan}
        doneText={() => ''}
      />
      {plan && (
        <div class="confirm">
          <p>{t('ts_check_clear_signs_out', plan.signedOut.join(', '))}</p>
          <CheckButton
            id="ts-clear-confirm"
            primary
            label={t('ts_check_btn_clear_confirm')}
            reply={() => asReply(clearer().then((m) => m.clearSiteData({ reloadTabs: true, wholeCache: false })))}
            toResult={clearCheckResult}
            onCheck={onCheck}
          />
        </div>
      )}
    </div>
  );
}

/**
 * The automatic check of a step, using what the other features already offer: reload, status
 * check, ChatGPT-only site data clear, the conflicting-extension scan, the reachability probe.
 * `records` are the failures this page holds, for the conflict scan.
 */
export function StepCheckView({
  check,
  tabId,
  records,
  onCheck,
}: {
  check: StepCheck;
  tabId: number | null;
  records: readonly ErrorRecord[] | undefined;
  onCheck: OnCheck;
}) {
  switch (check) {
    case 'reload':
      return (
        <CheckButton
          id="ts-check-reload"
          label={t('ts_check_btn_reload')}
          reply={() => asReply(import('../fixes/reload-chatgpt').then((m) => m.reloadChatGpt(tabId)))}
          toResult={(v) =>
            v.reloaded ? { ok: true, key: pluralKey('ts_check_reloaded', v.reloaded), subs: [String(v.reloaded)] } : { ok: false, key: 'ts_check_no_tab' }
          }
          onCheck={onCheck}
        />
      );
    case 'status':
      return (
        <CheckButton
          id="ts-check-status"
          label={t('ts_check_btn_status')}
          reply={() => request('status/check', { force: true })}
          toResult={statusCheckResult}
          onCheck={onCheck}
        />
      );
    case 'clear-site':
      return <ClearSiteCheck onCheck={onCheck} />;
    case 'conflicts':
      return (
        <ConflictList
          records={records}
          onLoaded={(entries) => {
            // Score 0 means nothing about it points at ChatGPT: not worth naming.
            const names = entries.filter((e) => e.enabled && e.score > 0).map((e) => e.name);
            onCheck(
              names.length
                ? { ok: false, key: pluralKey('ts_check_conflicts', names.length), subs: [String(names.length), names.slice(0, 3).join(', ')], at: Date.now() }
                : { ok: true, key: 'ts_check_no_conflicts', at: Date.now() },
            );
          }}
        />
      );
    case 'probe':
      return (
        <CheckButton
          id="ts-check-probe"
          label={t('ts_check_btn_probe')}
          reply={() => request('probe/run', {})}
          toResult={(p) =>
            p.ok
              ? { ok: true, key: 'ts_check_probe_ok', subs: [String(p.status), String(p.latencyMs ?? '?')] }
              : { ok: false, key: 'ts_check_probe_failed', subs: [p.error ?? `HTTP ${p.status}`] }
          }
          onCheck={onCheck}
        />
      );
    default:
      return null;
  }
}
