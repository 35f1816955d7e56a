import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * fakeBrowser's notifications do nothing; this one keeps what was created (basic options only,
 * as Firefox allows) and lets a test click one. `failNext` makes the next create reject.
 */
export function installFakeNotifications() {
  const created: Array<{ id: string; options: Record<string, unknown> }> = [];
  const cleared: string[] = [];
  const clickListeners: Array<(id: string) => void> = [];
  let failNext: string | null = null;
  const notifications = {
    async create(id: string, options: Record<string, unknown>) {
      if (failNext) {
        const message = failNext;
        failNext = null;
        throw new Error(message);
      }
      if (options.type !== 'basic') throw new Error('Only basic notifications work in every browser');
      if ('buttons' in options) throw new Error('Firefox notifications have no buttons');
      created.push({ id, options });
      return id;
    },
    async clear(id: string) {
      cleared.push(id);
      return true;
    },
    onClicked: {
      addListener: (l: (id: string) => void) => void clickListeners.push(l),
      removeListener: (l: (id: string) => void) => void clickListeners.splice(clickListeners.indexOf(l), 1),
      hasListener: (l: (id: string) => void) => clickListeners.includes(l),
    },
  };
  (fakeBrowser as unknown as { notifications: typeof notifications }).notifications = notifications;
  return {
    created,
    cleared,
    click: (id: string) => clickListeners.forEach((l) => l(id)),
    failNext: (message: string) => {
      failNext = message;
    },
  };
}
