import { browser, isFirefox } from './browser';

/**
 * The one adapter for `browser.devtools`. It exists only inside DevTools (the devtools page and
 * its panels); the panel page opened as an ordinary tab (`?tabId=N`) gets nulls and no-ops, and
 * works from the recorder's data alone.
 */
interface HarRequest {
  /** Chrome: callback only, answers undefined. Firefox: a promise. */
  getContent(callback?: (content: unknown, encoding: unknown) => void): Promise<unknown> | undefined;
  [key: string]: unknown;
}

interface DevtoolsApi {
  inspectedWindow?: { tabId?: number };
  network?: { onRequestFinished?: { addListener(l: (req: HarRequest) => void): void; removeListener(l: (req: HarRequest) => void): void } };
  panels?: { themeName?: string; onThemeChanged?: { addListener(l: (name: string) => void): void; removeListener(l: (name: string) => void): void } };
}

function devtools(): DevtoolsApi | null {
  try {
    return ((browser as unknown as { devtools?: DevtoolsApi }).devtools ?? null) || null;
  } catch {
    // Chrome throws when the namespace is touched outside a DevTools context in some versions.
    return null;
  }
}

export function inspectedTabId(): number | null {
  const id = devtools()?.inspectedWindow?.tabId;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

export type DevtoolsTheme = 'dark' | 'light';

/** Chrome says "default" or "dark"; Firefox "light", "dark" or "firebug". */
export function devtoolsTheme(): DevtoolsTheme | null {
  const name = devtools()?.panels?.themeName;
  if (typeof name !== 'string') return null;
  return name === 'dark' ? 'dark' : 'light';
}

/** Firefox tells panels when the DevTools theme changes; Chrome reloads panels instead. */
export function onThemeChanged(listener: (theme: DevtoolsTheme) => void, signal: AbortSignal): void {
  const event = devtools()?.panels?.onThemeChanged;
  if (!event) return;
  const wrapped = (name: string) => listener(name === 'dark' ? 'dark' : 'light');
  try {
    event.addListener(wrapped);
  } catch {
    return;
  }
  signal.addEventListener('abort', () => event.removeListener(wrapped), { once: true });
}

export interface FinishedRequest {
  /** The HAR entry as DevTools reports it. */
  entry: unknown;
  /** Reads the body, whichever shape the browser answers in (see `contentOf`). */
  content(): Promise<{ body: string | null; encoding: string | null }>;
}

/**
 * Firefox fires `devtools.network.onRequestFinished` only after the user has opened the Network
 * panel at least once (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/devtools.network/onRequestFinished);
 * Chrome fires it as soon as DevTools is open. So in Firefox a registered listener that has heard
 * nothing yet is not "listening": the panel says how to switch the extras on, and works from the
 * recorder's data alone meanwhile.
 */
export function networkEventsWaitForNetworkPanel(): boolean {
  return isFirefox();
}

/**
 * `getContent()` answers in three shapes: `[content, encoding]` from Chrome's callback (see
 * `readContent`), `{content, encoding}` from a Chromium whose `browser` namespace answers with a
 * promise, and a bare string in Firefox.
 */
export function contentOf(raw: unknown): { body: string | null; encoding: string | null } {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  if (Array.isArray(raw)) return { body: str(raw[0]), encoding: str(raw[1]) };
  if (raw && typeof raw === 'object') {
    const o = raw as { content?: unknown; encoding?: unknown };
    return { body: str(o.content), encoding: str(o.encoding) };
  }
  return { body: str(raw), encoding: null };
}

/**
 * Chrome's `getContent` is callback-only (https://developer.chrome.com/docs/extensions/reference/api/devtools/network#type-Request);
 * Firefox's returns a promise and is called without arguments there, so an unexpected callback
 * argument can never upset its schema check. A promise answer is taken in Chromium too.
 */
function readContent(req: HarRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const answer = isFirefox() ? req.getContent() : req.getContent((content, encoding) => resolve([content, encoding]));
    if (answer && typeof answer.then === 'function') answer.then(resolve, reject);
  });
}

/**
 * Every request the inspected page finishes, while DevTools is open. Returns false when the
 * event is not available (ordinary page), so the caller can say the extras are off.
 */
export function onRequestFinished(listener: (request: FinishedRequest) => void, signal: AbortSignal): boolean {
  const event = devtools()?.network?.onRequestFinished;
  if (!event) return false;
  const wrapped = (req: HarRequest) => {
    listener({
      entry: req,
      async content() {
        return contentOf(await readContent(req));
      },
    });
  };
  try {
    event.addListener(wrapped);
  } catch {
    // A stubbed or half-present API (test doubles, a browser refusing the event): recorder data only.
    return false;
  }
  signal.addEventListener('abort', () => event.removeListener(wrapped), { once: true });
  return true;
}

interface Panels {
  create(title: string, iconPath: string, pagePath: string, callback?: () => void): Promise<unknown> | undefined;
}

/**
 * Adds a panel to DevTools; called once by the devtools page. Chrome's `panels.create` is
 * callback-only (it answers undefined); Firefox's returns a promise.
 */
export function createPanel(title: string, iconPath: string, pagePath: string): Promise<void> {
  // Called as a method: the native function needs its `this`.
  const panels = browser.devtools.panels as unknown as Panels;
  if (isFirefox()) return Promise.resolve(panels.create(title, iconPath, pagePath)).then(() => undefined);
  return new Promise((resolve) => void panels.create(title, iconPath, pagePath, () => resolve()));
}
