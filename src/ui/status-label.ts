import type { ErrorRecord } from '../core/error-record';
import { t } from '../platform/i18n';

/**
 * A failure's status as lists and tables show it: the HTTP status, else the network error. Its
 * own module, so the panel's table does not bring the popup's list (and its copy button) along.
 */
export function statusLabel(record: ErrorRecord): string {
  // An answer that failed inside a 200: "200" alone would read as a success.
  if (record.category === 'answer') return t('status_in_answer');
  if (record.status !== null) return String(record.status);
  return record.error?.replace(/^net::/, '') ?? t('networkError');
}
