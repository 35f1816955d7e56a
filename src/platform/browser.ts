/**
 * The one module that touches the extension namespace, and the single seam tests swap for
 * fakeBrowser. No polyfill: webextension-polyfill is frozen upstream, and both browsers now answer
 * with promises natively. Firefox (and Chromium builds that expose it) has `browser`; Chrome has
 * `chrome`, whose MV3 APIs return promises for every call we make (manifest.json's
 * minimum_chrome_version is the lowest Chrome where all of them do). The callback-only corners
 * (DevTools panels and request bodies) are wrapped in src/platform/devtools.ts.
 * The types stay webextension-polyfill's, imported type-only: they cost no bytes.
 */
import type { Browser } from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, WebRequest, Storage, Management, Alarms, Notifications } from 'webextension-polyfill';

const native = globalThis as { browser?: Browser; chrome?: Browser };
export const browser = (native.browser ?? native.chrome) as Browser;

/** Firefox exposes `runtime.getBrowserInfo`; Chrome does not. */
export function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
