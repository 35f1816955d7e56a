import type { ErrorRecord } from '../core/error-record';
import { primaryRequestId } from '../core/request-ids';
import { relativeTime } from '../core/format';
import { t } from '../platform/i18n';
import { CopyButton } from './copy-button';
import { statusLabel } from './status-label';
import './failure-list.css';

function FailureItem({ record, now }: { record: ErrorRecord; now: number }) {
  const when = relativeTime(record.time, now);
  const id = primaryRequestId(record.ids);
  return (
    <li class={`failure cat-${record.category}`} data-record-id={record.id}>
      <div class="failure-head">
        <span class="status">{statusLabel(record)}</span>
        <span class="method">{record.method}</span>
        <span class="path" title={`${record.host}${record.path}`}>
          {record.path}
        </span>
        <time dateTime={new Date(record.time).toISOString()}>{t(when.key, when.count)}</time>
      </div>
      <div class="meaning">
        {t(record.meaning)}
        {record.telemetry && <span class="tag">{t('telemetryTag')}</span>}
      </div>
      {id && (
        <div class="request-id">
          <span>{t('requestId')}:</span> <code>{id}</code> <CopyButton text={id} />
        </div>
      )}
    </li>
  );
}

/** Newest first; `limit` keeps the popup light when the log is full. */
export function FailureList({ records, now, limit = 50, empty }: { records: readonly ErrorRecord[]; now: number; limit?: number; empty: string }) {
  if (!records.length) return <p class="empty">{empty}</p>;
  const shown = records.slice(-limit).reverse();
  return (
    <ul class="failures">
      {shown.map((record) => (
        <FailureItem key={record.id} record={record} now={now} />
      ))}
    </ul>
  );
}
