import type { ErrorRecord } from '../core/error-record';
import { primaryLabelledId } from '../core/headers';
import { groupFailures, type FailureGroup } from '../core/failure-groups';
import { recordGroup } from '../core/failure-table';
import { relativeTime } from '../core/format';
import { t, tn } from '../platform/i18n';
import { CopyButton } from './copy-button';
import { PathText, statusLabel } from './failure-cells';
import './failure-list.css';

function FailureItem({ group: { record, count }, now }: { group: FailureGroup; now: number }) {
  const when = relativeTime(record.time, now);
  const id = primaryLabelledId(record.ids);
  return (
    <li class={`failure cat-${record.category} grp-${recordGroup(record)}`} data-record-id={record.id} data-count={count}>
      <div class="failure-head">
        <span class="status">{statusLabel(record)}</span>
        <span class="method">{record.method}</span>
        <span class="path">
          <PathText record={record} />
        </span>
        {count > 1 && (
          <span class="times" title={tn('failure_times', count)}>
            ×{count}
          </span>
        )}
        <time dateTime={new Date(record.time).toISOString()}>{t(when.key, when.count)}</time>
      </div>
      <div class="meaning">
        {t(record.meaning)}
        {record.telemetry && <span class="tag">{t('telemetryTag')}</span>}
      </div>
      {id && (
        <div class="request-id">
          <span class="id-kind">{id.kind}</span> <code>{id.value}</code> <CopyButton text={id.value} what={id.kind} />
        </div>
      )}
    </li>
  );
}

/**
 * Newest first, identical failures folded into one row with their count ("×12"); `limit` rows
 * keep the popup light when the log is full. The heading above says how many failures in all.
 */
export function FailureList({ records, now, limit = 50, empty }: { records: readonly ErrorRecord[]; now: number; limit?: number; empty: string }) {
  if (!records.length) return <p class="empty">{empty}</p>;
  const shown = groupFailures(records).slice(0, limit);
  return (
    <ul class="failures">
      {shown.map((group) => (
        <FailureItem key={group.record.id} group={group} now={now} />
      ))}
    </ul>
  );
}
