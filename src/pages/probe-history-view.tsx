import { PROBE } from '../contract/probe';
import { summarizeProbes, type ProbeEntry } from '../core/probe-history';
import { request } from '../platform/messaging';
import { t, tn } from '../platform/i18n';
import { ActionButton } from '../ui/action-button';
import { useNow } from '../ui/use-now';
import { useStored } from '../ui/use-stored';

const DAY = 24 * 3_600_000;
const BARS = 48;

/** Uptime and latency of the reachability probe over the last day, and the newest probes as bars. */
export function ProbeHistoryView() {
  const history = useStored(PROBE) ?? [];
  const now = useNow();
  const day = summarizeProbes(history, now - DAY);
  const hour = summarizeProbes(history, now - 3_600_000);
  const recent = history.slice(-BARS);
  const maxMs = Math.max(1, ...recent.map((e) => e.latencyMs ?? 0));
  const pct = (u: number | null) => (u === null ? '–' : `${(u * 100).toFixed(u === 1 ? 0 : 1)} %`);
  const ms = (v: number | null) => (v === null ? '–' : `${v} ms`);
  return (
    <div class="probe-history">
      <table class="probe-summary">
        <thead>
          <tr>
            <th scope="col">{t('options_probe_window')}</th>
            <th scope="col">{t('options_probe_uptime')}</th>
            <th scope="col">{t('options_probe_median')}</th>
            <th scope="col">{t('options_probe_p95')}</th>
            <th scope="col">{t('options_probe_count')}</th>
          </tr>
        </thead>
        <tbody>
          {[
            [t('options_probe_last_hour'), hour],
            [t('options_probe_last_day'), day],
          ].map(([label, s]) => {
            const sum = s as ReturnType<typeof summarizeProbes>;
            return (
              <tr key={label as string}>
                <th scope="row">{label as string}</th>
                <td>{pct(sum.uptime)}</td>
                <td>{ms(sum.medianMs)}</td>
                <td>{ms(sum.p95Ms)}</td>
                <td>{sum.count}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {recent.length > 0 ? (
        <div class="probe-bars" role="img" aria-label={tn('options_probe_chart', recent.length, [recent.length, pct(summarizeProbes(recent, 0).uptime)])}>
          {recent.map((e) => (
            <span
              key={e.time}
              class={`probe-bar ${e.ok ? 'probe-ok' : 'probe-fail'}`}
              style={{ height: `${e.ok ? Math.max(8, Math.round(((e.latencyMs ?? 0) / maxMs) * 100)) : 100}%` }}
              title={describe(e)}
            />
          ))}
        </div>
      ) : (
        <p class="muted">{t('options_probe_empty')}</p>
      )}
      <ActionButton label={t('options_probe_now')} run={() => request('probe/run', {})} doneText={(e) => describe(e)} />
    </div>
  );
}

function describe(e: ProbeEntry): string {
  const when = new Date(e.time).toLocaleTimeString();
  return e.ok ? t('options_probe_ok', [when, e.status ?? 0, e.latencyMs ?? 0]) : t('options_probe_failed', [when, e.error ?? String(e.status ?? '')]);
}
