import { browser } from './browser';

/** The browser started with this profile (not an install or an update). */
export function onBrowserStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
}

export function onInstalled(listener: (reason: string) => void): void {
  browser.runtime.onInstalled.addListener((details) => listener(details.reason));
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}
