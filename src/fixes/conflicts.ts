import type { ConflictEntry } from '../core/conflict-entry';
import { rankConflicts } from '../core/conflicts';
import type { ErrorRecord } from '../core/error-record';
import { isFirefox } from '../platform/browser';
import { listExtensions, selfId } from '../platform/extensions';

/**
 * The extensions that may break ChatGPT, run by the page that lists them (popup, panel,
 * troubleshooter, report) at open, since the verdict weighs it. The ranking weighs the failures
 * the page already holds, so nothing waits on the worker. Turning one off or opening its page
 * loads apart, on the click (conflict-actions.ts).
 */
export interface ConflictQuery {
  /** Disabled extensions to keep listed: the user just disabled them here and may re-enable. */
  keepIds: readonly string[];
  records: readonly ErrorRecord[];
}

export async function listConflicts({ keepIds, records }: ConflictQuery): Promise<ConflictEntry[]> {
  return rankConflicts(await listExtensions(), {
    selfId: selfId(),
    browser: isFirefox() ? 'firefox' : 'chrome',
    records,
    keepIds: Array.isArray(keepIds) ? keepIds.filter((id) => typeof id === 'string') : [],
  });
}
