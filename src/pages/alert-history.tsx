import { ALERT_HISTORY } from '../contract/alerts';
import { t } from '../platform/i18n';
import { useStored } from '../ui/use-stored';

/** The latest notifications, newest first, so a dismissed one can still be read. */
export function AlertHistory() {
  const alerts = (useStored(ALERT_HISTORY) ?? []).slice(-10).reverse();
  if (!alerts.length) return <p class="muted">{t('options_history_empty')}</p>;
  return (
    <ul class="alert-history">
      {alerts.map((a) => (
        <li key={a.id} class={`alert-${a.kind}`}>
          <time dateTime={new Date(a.time).toISOString()}>{new Date(a.time).toLocaleString()}</time> <strong>{a.title}</strong>
          <div class="muted">{a.message}</div>
          {!a.shown && <div class="field-error">{t('options_history_not_shown', a.error ?? '')}</div>}
        </li>
      ))}
    </ul>
  );
}
