import type { FailureLog } from '../core/failure-log';
import { tn } from '../platform/i18n';

/** Tells the user when the log itself lost something: corruption recovered, storage full, old records dropped. */
export function LogNotice({ log }: { log: FailureLog }) {
  const notice = log.notice;
  return (
    <>
      {notice?.kind === 'corrupt-recovered' && (
        <p class="notice" role="status">
          {tn('noticeCorrupt', notice.lost)}
        </p>
      )}
      {notice?.kind === 'storage-full' && (
        <p class="notice" role="status">
          {tn('noticeStorageFull', notice.lost)}
        </p>
      )}
      {log.dropped > 0 && <p class="muted">{tn('droppedOlder', log.dropped)}</p>}
    </>
  );
}
