import type { StatusIncident, StatusSnapshot } from '../core/status';
import { STATUS_PAGE_URL } from '../core/hosts';
import { relativeTime } from '../core/format';
import { t } from '../platform/i18n';
import { request } from '../platform/messaging';
import { ActionButton } from './action-button';

function Incident({ incident }: { incident: StatusIncident }) {
  return (
    <li class={`incident impact-${incident.impact}`}>
      <div>
        <strong class="incident-name">{incident.name}</strong> <span class="tag">{incident.status}</span>
      </div>
      {incident.latestUpdate && <p class="muted incident-update">{incident.latestUpdate}</p>}
      {incident.url && (
        <a href={incident.url} target="_blank" rel="noreferrer">
          {t('popup_status_incidentLink')}
        </a>
      )}
    </li>
  );
}

function Known({ status, now }: { status: Extract<StatusSnapshot, { state: 'known' }>; now: number }) {
  const affected = status.components.filter((c) => c.status !== 'operational');
  const when = relativeTime(status.checkedAt, now);
  const label = t(`popup_status_indicator_${status.indicator}`);
  // The page's own words, unless they only repeat the indicator ("All Systems Operational").
  const description = status.description && status.description.toLowerCase() !== label.toLowerCase() ? status.description : '';
  return (
    <>
      <p class={`status-indicator indicator-${status.indicator}`} data-indicator={status.indicator}>
        <span class="dot" aria-hidden="true" /> <strong>{label}</strong>
        {description && <span class="muted"> · {description}</span>}
      </p>
      {affected.length > 0 && (
        <ul class="components">
          {affected.map((c) => (
            <li key={c.id} class={`component comp-${c.status}`}>
              {c.name}: {t(`popup_status_component_${c.status}`)}
            </li>
          ))}
        </ul>
      )}
      {status.incidents.length > 0 && (
        <ul class="incidents">
          {status.incidents.map((i) => (
            <Incident key={i.id} incident={i} />
          ))}
        </ul>
      )}
      {status.maintenances.length > 0 && (
        <ul class="incidents maintenances">
          {status.maintenances.map((i) => (
            <Incident key={i.id} incident={i} />
          ))}
        </ul>
      )}
      <p class="muted">
        {t('popup_status_checked', t(when.key, when.count))} ·{' '}
        <a href={status.pageUrl || STATUS_PAGE_URL} target="_blank" rel="noreferrer">
          {t('popup_status_page')}
        </a>
      </p>
    </>
  );
}

/**
 * status.openai.com at a glance: indicator, affected components, ongoing incidents; "unknown"
 * always says why. `status` comes from useStatus() (src/ui/use-status.ts).
 */
export function StatusSummary({ now, status }: { now: number; status: StatusSnapshot | null | undefined }) {
  return (
    <div class="status-summary">
      {status === null && <p class="muted">{t('popup_status_never')}</p>}
      {status?.state === 'known' && <Known status={status} now={now} />}
      {status?.state === 'unknown' && (
        <p class="status-indicator indicator-unknown" data-indicator="unknown" role="status">
          <strong>{t('popup_status_unknown')}</strong> {t(`popup_status_reason_${status.reason.replace('-', '_')}`)}
          {status.detail && <span class="muted"> ({status.detail})</span>} ·{' '}
          <a href={STATUS_PAGE_URL} target="_blank" rel="noreferrer">
            {t('popup_status_page')}
          </a>
        </p>
      )}
      <ActionButton
        id="status-check"
        label={t('popup_status_check')}
        run={() => request('status/check', { force: true })}
        doneText={() => t('popup_status_checkedNow')}
      />
    </div>
  );
}
