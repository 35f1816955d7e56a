/**
 * One driver over both real browsers, so an end-to-end scenario is written once and run in each:
 *
 *   describe.each(BROWSERS)('recorder in %s', (name) => {
 *     const t = browserFixture(name, { chat: true });
 *     it('…', async () => {
 *       const page = await t.driver().open(`src/popup/index.html?tabId=${t.tabId()}`);
 *       …
 *       expect(await page.errors()).toEqual([]);
 *     });
 *     // Skip only what a browser cannot do, and say why:
 *     it.skipIf(name === 'firefox')('… (Firefox: BiDi has no …)', …);
 *   });
 *
 * The API (everything else is plain puppeteer on `driver.browser` and on the pages it returns,
 * which works over CDP and BiDi alike: click, keyboard.press, $eval, waitForSelector, cookies()):
 * - `name`                       'chromium' | 'firefox'
 * - `browser`                    the puppeteer Browser
 * - `open(path)`                 an extension page (`src/popup/index.html?tabId=1`) in a new tab,
 *                                with `errors()`: its script and console errors since it opened
 * - `waitForPage(part)`           the tab the extension opened (e.g. on a click) whose URL contains
 *                                `part`, as an ExtensionPage whose errors() count from now. In
 *                                Firefox, the same URL reopened (BiDi cannot see the tab itself)
 * - `openChat()`                 a tab on the fake https://chatgpt.com/ and its browser tab id
 * - `ext(fn, arg)`               runs `fn(api, arg)` in an extension page, `api` being the
 *                                extension namespace (`browser` in Firefox, `chrome` in Chromium)
 * - `call(type, params)`         a typed request to the background, as the UI sends it: the Reply
 * - `storage(keys?)`             extension storage, read through an extension page (never the worker)
 * - `tabIdOf(pattern)`           the tab id of the first tab matching a match pattern
 * - `backgroundRunning()`        whether the service worker (Chromium) / event page (Firefox) runs
 * - `stopBackground()`           Chromium: CDP ServiceWorker.stopAllWorkers, what Chrome does after
 *                                30 s idle. Firefox: waits until the event page is suspended (BiDi
 *                                cannot stop it; the driver lowers the idle timeout to 2 s for this).
 *                                Either way it returns once the background is seen stopped
 * - `chromium` / `firefox`       the session under it, for what one browser alone can do
 * - `close()`
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import type { Params, Reply, RequestType, Result } from '../../src/contract/messages';
import { launchChromium, waitFor, type ChromiumSession } from './chromium';

type ChromiumOptions = NonNullable<Parameters<typeof launchChromium>[1]>;
import { startFakeWorld, type FakeWorld } from './fake-world';
import { launchFirefox, type FirefoxSession } from './firefox';

export type { ExtensionApi };
export { waitFor };

export type BrowserName = 'chromium' | 'firefox';
/** For `describe.each(BROWSERS)`: every scenario runs in both. */
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** An extension page, and the script and console errors it had since it opened. */
export type ExtensionPage = Page & { errors(): Promise<string[]> };

export interface Driver {
  readonly name: BrowserName;
  readonly browser: Browser;
  open(path: string): Promise<ExtensionPage>;
  waitForPage(urlPart: string): Promise<ExtensionPage>;
  openChat(): Promise<{ chat: Page; tabId: number }>;
  ext<T, A = null>(fn: (api: ExtensionApi, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  call<K extends RequestType>(type: K, params?: Params<K>): Promise<Reply<Result<K>>>;
  storage(keys?: string[]): Promise<Record<string, unknown>>;
  tabIdOf(pattern: string): Promise<number>;
  backgroundRunning(): Promise<boolean>;
  stopBackground(): Promise<void>;
  readonly chromium?: ChromiumSession;
  readonly firefox?: FirefoxSession;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked test extensions to load beside ours (each must work in both browsers). */
  extraExtensions?: string[];
  /** Chromium only: what launchChromium takes besides (test/support/chromium.ts), e.g. `args`. */
  chromium?: Omit<ChromiumOptions, 'extraExtensions'>;
  /** Firefox only: more profile prefs. */
  firefoxPrefs?: Record<string, unknown>;
  /** More environment for the browser process (e.g. the D-Bus of test/support/system-notifications.ts). */
  env?: Record<string, string>;
}

/** Firefox's event page idle timeout in these runs (30 s for users), so `stopBackground` is quick. */
const FIREFOX_IDLE_MS = 2_000;

/** `fn(api, arg)` as an expression: puppeteer evaluates it as is, over CDP and BiDi alike. */
function withApi(fn: (...args: never[]) => unknown, arg: unknown): string {
  return `(${String(fn)})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg ?? null)})`;
}

export async function launchDriver(name: BrowserName, world: FakeWorld, options: LaunchOptions = {}): Promise<Driver> {
  const core = name === 'chromium' ? await chromiumDriver(world, options) : await firefoxDriver(world, options);
  async function tabIdOf(pattern: string): Promise<number> {
    const id = await core.ext(async (api, p) => (await api.tabs.query({ url: p }))[0]?.id ?? -1, pattern);
    if (id < 0) throw new Error(`no tab matches ${pattern}`);
    return id;
  }
  return {
    ...core,
    tabIdOf,
    async openChat() {
      const chat = await core.browser.newPage();
      await chat.goto('https://chatgpt.com/');
      return { chat, tabId: await tabIdOf('https://chatgpt.com/*') };
    },
    call: (type, params) => core.ext((api, message) => api.runtime.sendMessage(message), { edr: 1, type, params: params ?? {} }) as never,
    storage: (keys) => core.ext((api, k) => api.storage.local.get(k), keys ?? null),
  };
}

type Core = Pick<Driver, 'name' | 'browser' | 'open' | 'waitForPage' | 'ext' | 'backgroundRunning' | 'stopBackground' | 'close' | 'chromium' | 'firefox'>;

function listenForErrors(page: Page): ExtensionPage {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(String(e)));
  return Object.assign(page, { errors: async () => [...errors] });
}

async function chromiumDriver(world: FakeWorld, options: LaunchOptions): Promise<Core> {
  const session = await launchChromium(world, {
    ...options.chromium,
    extraExtensions: options.extraExtensions,
    env: { ...options.chromium?.env, ...options.env },
  });
  // Chrome lists a target for the extension's service worker only while it runs.
  const running = () =>
    session.browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`));
  return {
    name: 'chromium',
    browser: session.browser,
    chromium: session,
    async open(path) {
      // Listening before the page loads: Chromium reports its errors over CDP from the start.
      const page = listenForErrors(await session.browser.newPage());
      await page.goto(`chrome-extension://${session.extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async waitForPage(part) {
      const target = await session.browser.waitForTarget((t) => t.url().includes(part), { timeout: 10_000 });
      return listenForErrors(await target.asPage());
    },
    ext: async (fn, arg) => (await session.readerPage()).evaluate(withApi(fn, arg)) as never,
    backgroundRunning: async () => running(),
    async stopBackground() {
      await session.stopWorkers();
      // The stop happened (a no-op stop would let a test pass without proving anything).
      await waitFor(() => !running(), { what: 'the worker to be stopped' });
    },
    close: () => session.close(),
  };
}

async function firefoxDriver(world: FakeWorld, options: LaunchOptions): Promise<Core> {
  const session = await launchFirefox(world, {
    extraExtensions: options.extraExtensions,
    env: options.env,
    prefs: {
      'extensions.background.idle.timeout': FIREFOX_IDLE_MS,
      // Grants a permissions.request() without the doorhanger a headless run cannot click.
      'extensions.webextOptionalPermissionPrompts': false,
      ...options.firefoxPrefs,
    },
  });
  const alive = () =>
    session.inExtension(
      async () => (await (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.getContexts({ contextTypes: ['BACKGROUND'] })).length > 0,
      null,
    );
  return {
    name: 'firefox',
    browser: session.browser,
    firefox: session,
    open: (path) => session.openExtensionPage(path),
    async waitForPage(part) {
      // BiDi never lists a tab the extension opens on a moz-extension:// URL (measured: the tab is
      // in tabs.query, not in BiDi's browsing contexts). So: find the tab the click opened, close
      // it, and open the same URL where BiDi reaches it, through the test hook.
      const url = await waitFor(
        () =>
          session.inExtension(
            async (s) => (await (globalThis as unknown as { browser: ExtensionApi }).browser.tabs.query({})).find((tab) => tab.url?.includes(s)) ?? null,
            part,
          ),
        { what: `a tab on ${part}` },
      );
      await session.inExtension((id) => (globalThis as unknown as { browser: ExtensionApi }).browser.tabs.remove(id), url.id!);
      return session.openExtensionPage(url.url!.slice(session.origin.length));
    },
    ext: async (fn, arg) => (await session.readerPage()).evaluate(withApi(fn, arg)) as never,
    backgroundRunning: alive,
    async stopBackground() {
      await waitFor(async () => !(await alive()), { timeoutMs: FIREFOX_IDLE_MS * 5, what: 'the event page to be suspended' });
    },
    close: () => session.close(),
  };
}

export interface FixtureSetup extends LaunchOptions {
  /** Routes to add to the fake world before the browser starts. */
  prepare?: (world: FakeWorld) => void;
  /** Open a tab on the fake https://chatgpt.com/ (see `chat()` and `tabId()`). */
  chat?: boolean;
}

/**
 * A fake world and one browser with the extension for the enclosing describe: started before its
 * first test, closed after its last. The getters are valid inside tests and hooks.
 */
export function browserFixture(name: BrowserName, setup: FixtureSetup = {}) {
  let world: FakeWorld | undefined;
  let driver: Driver | undefined;
  let chat: { chat: Page; tabId: number } | undefined;
  beforeAll(async () => {
    world = await startFakeWorld();
    setup.prepare?.(world);
    driver = await launchDriver(name, world, setup);
    if (setup.chat) chat = await driver.openChat();
  });
  afterAll(async () => {
    await driver?.close();
    await world?.close();
  });
  return { world: () => world!, driver: () => driver!, chat: () => chat!.chat, tabId: () => chat!.tabId };
}
