import type { ConflictEntry } from '../contract/conflicts';
import { rankConflicts } from '../core/conflicts';
import type { ErrorRecord } from '../core/error-record';
import { isFirefox } from '../platform/browser';
import { listExtensions, selfId, setExtensionEnabled } from '../platform/extensions';
import { openTab } from '../platform/tabs';

/**
 * The extensions that may break ChatGPT, run by the page that lists them (popup, panel,
 * troubleshooter, report), loaded with import() when the list first shows. The ranking weighs
 * the failures the page already holds, so nothing waits on the worker.
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

export async function setConflictEnabled(id: string, enabled: boolean): Promise<{ enabled: boolean }> {
  if (id === selfId()) throw new Error('Error Doctor does not disable itself.');
  return { enabled: await setExtensionEnabled(id, enabled === true) };
}

/** Its management, options or home page; Firefox extensions without one point to the Add-ons Manager. */
export async function openConflictPage(id: string): Promise<{ url: string }> {
  const entry = (await listConflicts({ keepIds: [id], records: [] })).find((e) => e.id === id);
  if (!entry?.manageUrl) throw Object.assign(new Error('This extension has no page to open; use the Add-ons Manager (Ctrl+Shift+A).'), { code: 'no-page' });
  await openTab(entry.manageUrl);
  return { url: entry.manageUrl };
}
