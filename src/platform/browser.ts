/**
 * The only import of webextension-polyfill. The polyfill is frozen upstream; keeping it behind
 * this one module makes it easy to drop, and gives tests a single seam to swap in fakeBrowser.
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, WebRequest, Storage, Management, Alarms, Notifications } from 'webextension-polyfill';
export { browser };

/** Firefox exposes `browser` natively with `runtime.getBrowserInfo`; Chrome does not. */
export function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
