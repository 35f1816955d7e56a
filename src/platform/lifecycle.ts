import { browser } from './browser';

/** The browser started with this profile (not an install or an update). */
export function onBrowserStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
}
