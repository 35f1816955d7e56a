import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteClearReport } from '../contract/site-data';
import type { SiteDataPlan } from '../core/site-data-plan';
import { t, tn } from '../platform/i18n';
import { ActionButton } from './action-button';
import { asReply } from './as-reply';

/** The clear and its check load on the first click, with this view, not with the page. */
const clearer = () => import('../fixes/site-data-clearer');

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** What was removed, and the proof: ChatGPT's cookies read back after the clear. */
function ClearReport({ report, plan }: { report: SiteClearReport; plan: SiteDataPlan }) {
  const before = sum(report.cookiesBefore);
  const left = sum(report.remainingCookies);
  return (
    <div class="clear-report" role="status" data-verified={report.verified}>
      <p>{tn('popup_clear_removed', before, [String(before), report.dataTypes.map((d) => t(`popup_data_${d}`)).join(', ')])}</p>
      <p class={report.verified ? 'ok' : 'bad'}>
        {report.verified ? t('popup_clear_verified') : tn('popup_clear_remaining', left, [String(left), Object.keys(report.remainingCookies).join(', ')])}
      </p>
      {!plan.cachePerSite && <p class="muted">{report.wholeCacheCleared ? t('popup_clear_wholeCacheDone') : t('popup_clear_cacheKept')}</p>}
      {report.reloadedTabs > 0 && <p class="muted">{tn('popup_clear_reloaded', report.reloadedTabs)}</p>}
      {report.failures.length > 0 && (
        <ul class="bad">
          {report.failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The clear's confirmation, naming every site the user will be signed out of, then its report,
 * both in place of the button. Loaded with the plan on the button's click (clear-site-data.tsx),
 * so the popup's first frame carries only the button.
 */
export function ClearFlow({ plan, onClose }: { plan: SiteDataPlan; onClose: () => void }) {
  const [reload, setReload] = useState(true);
  const [wholeCache, setWholeCache] = useState(false);
  const [report, setReport] = useState<SiteClearReport | null>(null);
  // Keyboard and screen-reader users land on the question they must answer, then on the result.
  const focusTarget = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusTarget.current?.focus(), [plan, report]);

  return (
    <div class="fix clear-site-data" role="group" aria-labelledby="clear-confirm-title">
      {report ? (
        <>
          <h3 ref={focusTarget} tabIndex={-1}>
            {report.verified && !report.failures.length ? t('popup_clear_reportTitle') : t('popup_clear_reportTitlePartial')}
          </h3>
          <ClearReport report={report} plan={plan} />
          <button type="button" onClick={onClose}>
            {t('popup_close')}
          </button>
        </>
      ) : (
        <div class="confirm">
          <h3 id="clear-confirm-title" ref={focusTarget} tabIndex={-1}>
            {t('popup_clear_confirmTitle')}
          </h3>
          <p>{t('popup_clear_signedOut')}</p>
          <ul class="sites signed-out">
            {plan.signedOut.map((site) => (
              <li key={site}>
                <strong>{site}</strong>
              </li>
            ))}
          </ul>
          {plan.keptSignedIn.length > 0 && <p class="muted">{t('popup_clear_kept', plan.keptSignedIn.join(', '))}</p>}
          <p class="muted">{t('popup_clear_types', plan.dataTypes.map((d) => t(`popup_data_${d}`)).join(', '))}</p>
          {!plan.cachePerSite && (
            <>
              <p class="notice">{t('popup_clear_firefoxCache')}</p>
              <label>
                <input type="checkbox" checked={wholeCache} onChange={(e) => setWholeCache(e.currentTarget.checked)} /> {t('popup_clear_wholeCache')}
              </label>
            </>
          )}
          <label>
            <input type="checkbox" id="clear-reload" checked={reload} onChange={(e) => setReload(e.currentTarget.checked)} /> {t('popup_clear_reload')}
          </label>
          <div class="row">
            <ActionButton
              id="clear-site-data-confirm"
              primary
              label={t('popup_clear_confirm')}
              run={() => asReply(clearer().then((m) => m.clearSiteData({ reloadTabs: reload, wholeCache })))}
              onDone={setReport}
            />
            <button type="button" onClick={onClose}>
              {t('popup_cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
