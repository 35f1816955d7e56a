import { browser } from './browser';

/**
 * Basic notifications only: Firefox supports no buttons or other templates, so every alert is a
 * title, a message and a click. Clicking is the one action, in both browsers.
 */
export async function showNotification(id: string, title: string, message: string): Promise<string> {
  return browser.notifications.create(id, {
    type: 'basic',
    // Chrome requires an icon; a packaged one keeps it working offline.
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  });
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id).catch(() => undefined);
}

export function onNotificationClicked(listener: (id: string) => void): void {
  browser.notifications.onClicked.addListener(listener);
}
