import { hostPermissions } from '../core/hosts';
import { browser } from './browser';

/**
 * Host permissions the user can withdraw after install: in Firefox MV3 each site is a switch in
 * the Add-ons Manager (Permissions tab) and in the extensions panel; in Chrome, "site access".
 * Without chatgpt.com the recorder sees nothing and an empty log would look like good news, so
 * the popup checks this first. Firefox grants them on install (measured: test/e2e/firefox).
 */
export async function missingHostAccess(): Promise<string[]> {
  const wanted = hostPermissions();
  const held = await Promise.all(wanted.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return wanted.filter((_, i) => !held[i]);
}

/**
 * Asks for them again. Must run inside the click that asks: Firefox refuses
 * `permissions.request` outside a user action, so it cannot go through the background.
 */
export async function requestHostAccess(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...origins] });
}
