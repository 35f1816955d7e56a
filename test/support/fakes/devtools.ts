import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * The devtools namespace inside DevTools, the part the panel uses (fake-browser-setup.ts removes
 * fakeBrowser's own, whose calls only throw). `finish` delivers a HAR entry to onRequestFinished
 * listeners with `getContent` resolving to [content, encoding], as webextension-polyfill builds
 * it from Chrome's callback.
 */
type Listener = (request: Record<string, unknown>) => void;

export interface FakeDevtools {
  finish(entry: Record<string, unknown>, body?: string | null, encoding?: string): void;
  listeners: Set<Listener>;
  setTheme(name: string): void;
  uninstall(): void;
}

export function installFakeDevtools({ tabId = 7, themeName = 'default' }: { tabId?: number; themeName?: string } = {}): FakeDevtools {
  const listeners = new Set<Listener>();
  const themeListeners = new Set<(name: string) => void>();
  const devtools = {
    inspectedWindow: { tabId },
    network: {
      onRequestFinished: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
    panels: {
      themeName,
      onThemeChanged: { addListener: (l: (n: string) => void) => themeListeners.add(l), removeListener: (l: (n: string) => void) => themeListeners.delete(l) },
    },
  };
  const original = (fakeBrowser as unknown as { devtools?: unknown }).devtools;
  (fakeBrowser as unknown as { devtools?: unknown }).devtools = devtools;
  return {
    listeners,
    finish(entry, body = null, encoding = '') {
      const request = { ...entry, getContent: () => Promise.resolve([body, encoding]) };
      for (const l of listeners) l(request);
    },
    setTheme(name) {
      devtools.panels.themeName = name;
      for (const l of themeListeners) l(name);
    },
    uninstall() {
      (fakeBrowser as unknown as { devtools?: unknown }).devtools = original;
    },
  };
}
