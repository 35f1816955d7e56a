import type { ManagedExtension } from '../core/suspects';
import { browser } from './browser';

/** Every installed extension, app and theme, as plain objects for the pure ranking. */
export async function listExtensions(): Promise<ManagedExtension[]> {
  return (await browser.management.getAll()) as ManagedExtension[];
}

export function selfId(): string {
  return browser.runtime.id;
}

/** Chrome: any extension the user may disable; Firefox: themes only (it throws otherwise). */
export async function setExtensionEnabled(id: string, enabled: boolean): Promise<boolean> {
  await browser.management.setEnabled(id, enabled);
  const info = await browser.management.get(id);
  return info.enabled;
}
