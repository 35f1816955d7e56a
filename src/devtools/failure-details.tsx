import type { ErrorRecord } from '../core/error-record';
import { primaryLabelledId } from '../core/headers';
import { evidence } from '../core/evidence';
import { fetchSnippet } from '../core/fetch-snippet';
import type { NetworkExtra, TimingPhases } from '../core/network-extra';
import { recordGroup } from '../core/failure-table';
import { t } from '../platform/i18n';
import { CopyButton } from '../ui/copy-button';

const PHASES: ReadonlyArray<keyof TimingPhases> = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'];

function Timings({ timings }: { timings: TimingPhases }) {
  const shown = PHASES.filter((p) => timings[p] >= 0);
  const total = shown.reduce((sum, p) => sum + timings[p], 0) || 1;
  return (
    <dl class="timings">
      {shown.map((p) => (
        <div key={p} class="timing">
          <dt>{t(`panel_phase_${p}`)}</dt>
          <dd>
            <span class="bar" style={{ width: `${Math.max(1, Math.round((timings[p] / total) * 100))}%` }} />
            {Math.round(timings[p])} ms
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Everything known about one failure, what it means, what to do next, and safe copies of it. */
export function FailureDetails({ record, extra, listening }: { record: ErrorRecord; extra: NetworkExtra | undefined; listening: boolean }) {
  const id = primaryLabelledId(record.ids);
  const group = recordGroup(record);
  const snippet = fetchSnippet(record, extra ? { url: `https://${extra.host}${extra.path}${extra.search}`, requestHeaders: extra.requestHeaders } : {});
  return (
    <section class="details" aria-labelledby="details-title" data-record-id={record.id}>
      <h2 id="details-title">
        <span class={`status cat-${record.category} grp-${group}`}>{record.status ?? record.error}</span> {record.method} {record.path}
      </h2>
      <p class="explain">{t(record.meaning)}</p>
      <p class="next-step">
        <strong>{t('panel_next_step')}</strong> {t(record.telemetry ? 'panel_next_telemetry' : `panel_next_${record.category.replace('-', '_')}`)}
      </p>
      <div class="detail-actions">
        {id && <CopyButton text={id.value} label={t('copyWhat', id.kind)} />}
        <CopyButton text={snippet} label={t('panel_copy_fetch')} />
      </div>
      <h3>{t('panel_evidence')}</h3>
      <table class="evidence">
        <tbody>
          {evidence(record).map((row) => (
            <tr key={row.label} class={row.highlight ? 'hl' : undefined}>
              <th scope="row">{row.header ? <code>{row.label}</code> : t(row.label)}</th>
              <td>
                <code>{row.valueIsKey ? t(row.value) : row.value}</code>
                {row.note && <div class="note">{t(row.note)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('panel_devtools_extra')}</h3>
      {extra ? (
        <>
          {extra.gist?.detail && (
            <p class="gist-detail">
              <strong>{t('panel_gist_detail')}</strong> <code>{extra.gist.detail}</code>
            </p>
          )}
          {extra.gist?.title && (
            <p class="gist-title">
              <strong>{t('panel_gist_title')}</strong> <code>{extra.gist.title}</code>
            </p>
          )}
          {extra.gist?.rayId && (
            <p class="gist-ray">
              <strong>{t('panel_gist_ray')}</strong> <code>{extra.gist.rayId}</code>
            </p>
          )}
          {extra.gist && (
            <details>
              <summary>{t('panel_gist_body')}</summary>
              <pre class="gist-excerpt">
                {extra.gist.excerpt}
                {extra.gist.truncated ? '…' : ''}
              </pre>
            </details>
          )}
          <Timings timings={extra.timings} />
        </>
      ) : (
        <p class="muted no-extra">{t(listening ? 'panel_extra_none' : 'panel_extra_unavailable')}</p>
      )}
      <p class="muted group-note">{t(`panel_group_${group}`)}</p>
    </section>
  );
}
