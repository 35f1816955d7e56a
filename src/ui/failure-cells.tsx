/** How a failure's status and path read in the popup's list and the panel's table. */
import type { ErrorRecord } from '../core/error-record';
import { shownPath, splitPath } from '../core/format';
import { t } from '../platform/i18n';

/** A failure's status as lists and tables show it: the HTTP status, else the network error. */
export function statusLabel(record: ErrorRecord): string {
  // An answer that failed inside a 200: "200" alone would read as a success.
  if (record.category === 'answer') return t('status_in_answer');
  if (record.status !== null) return String(record.status);
  return record.error?.replace(/^net::/, '') ?? t('networkError');
}

/**
 * A path shortened in the middle: the head gives way (an ellipsis) and the last segment stays,
 * since that is what tells `/conversation` from `/conversation/prepare`. CSS only (path-text in
 * theme.css), so it follows any column width without measuring.
 */
export function PathText({ record }: { record: Pick<ErrorRecord, 'host' | 'path'> }) {
  const [head, tail] = splitPath(shownPath(record));
  return (
    <span class="path-text" title={`${record.host}${record.path}`}>
      <span class="path-head">{head}</span>
      <span class="path-tail">{tail}</span>
    </span>
  );
}
