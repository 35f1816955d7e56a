/**
 * The one module that imports webextension-polyfill, the browser namespace of the project's named
 * stack, and the single seam tests swap for @webext-core/fake-browser. In Firefox the polyfill
 * hands back the native `browser` untouched; in Chrome it wraps `chrome` so that the calls its
 * metadata knows take no callback and answer with a promise, and it checks their argument counts
 * (so `devtools.panels.create` takes exactly 3 and `getContent` none; see src/platform/devtools.ts).
 *
 * Calls its metadata does not know go straight to Chrome's own function (the Proxy binds it):
 * every one the extension makes answers with a promise in Chrome's MV3 (`action.*`,
 * `alarms.create`; manifest.json's minimum_chrome_version is at least where they do). The list
 * is checked by test/unit/polyfill-coverage.test.ts; none needs `chrome` itself.
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, WebRequest, Storage, Management, Alarms, Notifications } from 'webextension-polyfill';
export { browser };

/** Firefox exposes `runtime.getBrowserInfo`; Chrome does not (and the polyfill adds nothing there). */
export function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
