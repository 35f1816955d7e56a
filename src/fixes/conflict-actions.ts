import { selfId, setExtensionEnabled } from '../platform/extensions';
import { openTab } from '../platform/tabs';
import { listConflicts } from './conflicts';

/** What the extension list's buttons do, loaded on the first click (the list itself needs only the ranking). */
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
