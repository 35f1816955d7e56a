import { MONITOR } from '../contract/monitor';
import { t, tn } from '../platform/i18n';
import { useStored } from '../ui/use-stored';

/** What the monitor is doing now: the mode and the next check, so polling is never a mystery. */
export function MonitorStatus() {
  const state = useStored(MONITOR);
  if (!state) return null;
  const last = state.lastCheckAt ? new Date(state.lastCheckAt).toLocaleTimeString() : t('options_monitor_never');
  const next = state.nextAt ? new Date(state.nextAt).toLocaleTimeString() : '–';
  return (
    <p class="muted monitor-status" role="status">
      {t(`options_monitor_mode_${state.mode}`)} {t('options_monitor_times', [last, next])}
      {state.errors > 0 && ` ${tn('options_monitor_errors', state.errors)}`}
    </p>
  );
}
