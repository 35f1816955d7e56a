import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import type { FakeWorld } from './fake-world';

/** The `chrome` global as seen inside an extension page, for code evaluated there. */
export interface ExtensionGlobal {
  chrome: {
    storage: { local: { get(keys: string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_DIST = resolve('dist/chrome');

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker, started if needed. */
  worker(): Promise<WebWorker>;
  /** Opens an extension page (popup, panel, troubleshooter) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops every service worker through CDP, as Chrome does after 30 s idle. */
  stopWorkers(): Promise<void>;
  /** Storage as the extension sees it, read through an extension page. */
  storage(keys?: string[]): Promise<Record<string, unknown>>;
  /** Runs `fn` inside an extension page (has the `chrome` extension APIs), not the worker. */
  inExtension<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T>;
  /** The browser's tab id of the first tab whose URL matches `pattern` (a match pattern). */
  tabIdOf(pattern: string): Promise<number>;
  /** The extension page kept open for reads (the extension's manifest.json). */
  readerPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Real Chromium with the built extension (and optional test extensions), the real host names
 * mapped to the fake world on loopback. Headless unless HEADFUL=1 and a display exist.
 */
export async function launchChromium(
  world: FakeWorld,
  options: {
    extraExtensions?: string[];
    headless?: boolean;
    args?: string[];
    /** A copy of dist/chrome to load instead (the bench adds a bare page to one). */
    extensionDir?: string;
    /**
     * False: puppeteer does not enable CDP's Network domain on the pages it opens, so it reports
     * nothing per request (page.on('request'), waitForResponse). The load test turns it off: those
     * reports cost about 1 ms of CPU per request across node, the browser and the renderer.
     */
    networkEnabled?: boolean;
    /** Environment of the browser process (e.g. a HOME whose NSS store trusts the test CA). */
    env?: Record<string, string>;
  } = {},
): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), 'edr-chromium-'));
  const extensions = [options.extensionDir ?? CHROME_DIST, ...(options.extraExtensions ?? [])];
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    protocolTimeout: 60_000,
    networkEnabled: options.networkEnabled ?? true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${world.hostResolverRules}`,
      `--disable-extensions-except=${extensions.join(',')}`,
      `--load-extension=${extensions.join(',')}`,
      ...(options.args ?? []),
    ],
  });

  const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/service-worker-loader.js') && isOurs(t.url()), {
    timeout: 30_000,
  });
  const extensionId = new URL(workerTarget.url()).host;

  function isOurs(url: string): boolean {
    return url.startsWith('chrome-extension://');
  }

  async function worker(): Promise<WebWorker> {
    const existing = browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
    if (existing) {
      const w = await existing.worker();
      if (w) return w;
    }
    // Waking the worker: opening an extension page starts it.
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`).catch(() => undefined);
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`), {
      timeout: 20_000,
    });
    await page.close();
    const w = await target.worker();
    if (!w) throw new Error('extension worker did not start');
    return w;
  }

  let reader: Page | undefined;
  // Reads go through an extension page, not the worker: the worker may be stopped on purpose.
  async function readerPage(): Promise<Page> {
    if (!reader || reader.isClosed()) {
      reader = await browser.newPage();
      await reader.goto(`chrome-extension://${extensionId}/manifest.json`);
    }
    return reader;
  }
  return {
    browser,
    extensionId,
    worker,
    readerPage,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async stopWorkers() {
      // The ServiceWorker domain lives on page targets, not on the browser target.
      const page = (await browser.pages())[0] ?? (await browser.newPage());
      const session = await page.createCDPSession();
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await session.detach();
    },
    async inExtension(fn, arg) {
      const page = await readerPage();
      return (await page.evaluate(fn as never, arg as never)) as never;
    },
    async tabIdOf(pattern) {
      const page = await readerPage();
      const id = await page.evaluate(
        async (p) =>
          (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome.tabs.query({ url: p }))[0]?.id ??
          -1,
        pattern,
      );
      if (id < 0) throw new Error(`no tab matches ${pattern}`);
      return id;
    },
    async storage(keys) {
      const reader = await readerPage();
      return (await reader.evaluate((k) => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(k), keys ?? null)) as Record<string, unknown>;
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes; tests stay bounded. */
export async function waitFor<T>(check: () => Promise<T> | T, { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
}
