import { browser, isFirefox } from './browser';

/**
 * The one adapter for `browser.devtools`. It exists only inside DevTools (the devtools page and
 * its panels); the panel page opened as an ordinary tab (`?tabId=N`) gets nulls and no-ops, and
 * works from the recorder's data alone.
 */
interface HarRequest {
  /** A promise in both browsers: Chrome's callback form is wrapped by webextension-polyfill. */
  getContent(): Promise<unknown>;
  [key: string]: unknown;
}

interface DevtoolsApi {
  inspectedWindow?: { tabId?: number; eval?(expression: string): Promise<[unknown, unknown]> };
  network?: { onRequestFinished?: { addListener(l: (req: HarRequest) => void): void; removeListener(l: (req: HarRequest) => void): void } };
  panels?: { themeName?: string; onThemeChanged?: { addListener(l: (name: string) => void): void; removeListener(l: (name: string) => void): void } };
}

function devtools(): DevtoolsApi | null {
  try {
    return (browser as unknown as { devtools?: DevtoolsApi }).devtools ?? null;
  } catch {
    // Chrome throws when the namespace is touched outside a DevTools context in some versions.
    return null;
  }
}

export function inspectedTabId(): number | null {
  const id = devtools()?.inspectedWindow?.tabId;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

/**
 * The inspected page's title, for the panel's header. Only where the panel has no tabs API
 * (Firefox's DevTools): reads `document.title` and nothing else, and keeps it in memory.
 */
export async function inspectedTitle(): Promise<string | null> {
  const evaluate = devtools()?.inspectedWindow?.eval;
  if (!evaluate) return null;
  try {
    const [value] = await evaluate('document.title');
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  } catch {
    return null;
  }
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
  event.addListener(wrapped);
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
 * `getContent()` answers in three shapes: `[content, encoding]` from Chrome's two-argument callback
 * as webextension-polyfill resolves it, `{content, encoding}` from a Chromium whose own `browser`
 * namespace answers with a promise (the polyfill then steps aside), and a bare string in Firefox.
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
        // No callback: the polyfill counts arguments, and Chrome's callback-only form is its job.
        return contentOf(await req.getContent());
      },
    });
  };
  event.addListener(wrapped);
  signal.addEventListener('abort', () => event.removeListener(wrapped), { once: true });
  return true;
}

/**
 * Adds a panel to DevTools; called once by the devtools page. Exactly three arguments: Chrome's
 * form takes a callback, which webextension-polyfill supplies itself (it rejects a fourth).
 */
export async function createPanel(title: string, iconPath: string, pagePath: string): Promise<void> {
  await browser.devtools.panels.create(title, iconPath, pagePath);
}
