import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { testCerts } from './certs';
import { waitFor } from './chromium';
import type { FakeWorld } from './fake-world';

export { waitFor };

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/**
 * The TEST-ONLY build (`vite build --mode firefox-test`): dist/firefox plus a background module
 * that opens extension pages on request (see test/support/firefox-hook/). Never shipped or zipped.
 */
export const FIREFOX_TEST_DIST = resolve('dist/firefox-test');
/** The hook's trigger: a navigation to this URL prefix (the fake world answers it with 204). */
export const OPEN_HOOK_URL = 'https://chatgpt.com/__edr_test/open';

/** An extension page that can tell the script errors and console errors it had since it opened. */
export type ExtensionPage = Page & { errors(): Promise<string[]> };

export interface FirefoxSession {
  browser: Browser;
  /** The gecko id from the manifest. */
  addonId: string;
  /** moz-extension://<uuid>/ — fixed before launch through `extensions.webextensions.uuids`. */
  origin: string;
  /**
   * Opens an extension page in a new tab through the test build's hook, because WebDriver BiDi
   * refuses to navigate to moz-extension:// URLs. Resolves with the page once it shows `path`.
   */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /** Evaluates `fn` in an extension page (the hook keeps one open for this). */
  inExtension<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T>;
  /** The extension page the hook keeps open for reads (the extension's manifest.json). */
  readerPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Profile prefs: quiet, offline, and the real host names pointed at the fake world on loopback. */
export function firefoxPrefs(port: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    // Every host name resolves to loopback, and :443 goes to the fake world's port.
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `443=${port}`,
    // No DNS over HTTPS (5 = off by choice), no HTTP/3, no captive-portal or connectivity probes.
    'network.trr.mode': 5,
    'network.http.http3.enable': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.proxy.type': 0,
    // HTTPS-only and HSTS priming would add requests the tests do not expect.
    'dom.security.https_only_mode': false,
    'dom.security.https_first': false,
    // Quiet: no updates, telemetry, studies, remote settings, first-run or what's-new pages.
    'app.update.enabled': false,
    'app.update.auto': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.archive.enabled': false,
    'datareporting.usage.uploadEnabled': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.discovery.enabled': false,
    'browser.aboutwelcome.enabled': false,
    'browser.startup.firstrunSkipsHomepage': true,
    'trailhead.firstrun.didSeeAboutWelcome': true,
    'browser.newtabpage.activity-stream.showSponsored': false,
    'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
    'browser.ping-centre.telemetry': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'network.prefetch-next': false,
    'network.dns.disablePrefetch': true,
    // The add-ons are unsigned. BiDi installs them as temporary add-ons, which need no signature;
    // ESR also honours this pref, so a permanent install of a test add-on would work too.
    'xpinstall.signatures.required': false,
    // Not needed and not set: extensions.webextensions.restrictedDomains (no content scripts) and
    // any host-permission pref (MV3 host permissions are granted on install; recorder.test.ts checks).
    ...extra,
  };
}

/** A fresh NSS store in `profile` that trusts the throwaway test CA (and nothing else extra). */
export function trustTestCa(profile: string): void {
  const { caCertPath } = testCerts();
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${profile}`], { stdio: 'pipe' });
  execFileSync('certutil', ['-A', '-n', 'edr-test-ca', '-t', 'C,,', '-i', caCertPath, '-d', `sql:${profile}`], { stdio: 'pipe' });
}

function geckoId(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * BiDi reports no log entries for moz-extension:// documents (measured: web pages yes, extension
 * pages never), so the page collects its own errors from here on. A script that failed while
 * loading shows as a page that did not render; the tests check that instead.
 */
export async function collectErrors(page: Page): Promise<ExtensionPage> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __edrErrors: string[] }).__edrErrors = seen;
    addEventListener('error', (e) => seen.push(String(e.error ?? e.message)));
    addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${String(e.reason)}`));
    const original = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      seen.push(args.map(String).join(' '));
      original(...args);
    };
  });
  const extensionPage = page as ExtensionPage;
  extensionPage.errors = () => page.evaluate(() => [...(globalThis as unknown as { __edrErrors: string[] }).__edrErrors]);
  return extensionPage;
}

/**
 * Real Firefox ESR over WebDriver BiDi with the test build of the extension (and optional test
 * extensions) installed as temporary add-ons, in a fresh profile whose NSS store trusts the test CA.
 * Headless unless HEADFUL=1; EDR_FIREFOX_DUMP=1 prints Firefox's own output (add the prefs
 * devtools.console.stdout.chrome/content to see consoles there).
 */
export async function launchFirefox(
  world: FakeWorld,
  options: { extraExtensions?: string[]; prefs?: Record<string, unknown>; headless?: boolean; dist?: string; env?: Record<string, string> } = {},
): Promise<FirefoxSession> {
  const dist = options.dist ?? FIREFOX_TEST_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const profile = mkdtempSync(join(tmpdir(), 'edr-firefox-'));
  trustTestCa(profile);
  const addonId = geckoId(dist);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? !process.env.HEADFUL,
    userDataDir: profile,
    protocolTimeout: 60_000,
    dumpio: !!process.env.EDR_FIREFOX_DUMP,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    extraPrefsFirefox: firefoxPrefs(world.port, {
      // A known internal UUID, so the test knows the moz-extension:// origin before install.
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      ...options.prefs,
    }),
  });
  try {
    for (const dir of [dist, ...(options.extraExtensions ?? [])]) await browser.installExtension(resolve(dir));
  } catch (error) {
    await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const origin = `moz-extension://${uuid}/`;

  async function openExtensionPage(path: string): Promise<ExtensionPage> {
    const page = (await browser.newPage()) as ExtensionPage;
    const target = `${origin}${path.replace(/^\//, '')}`;
    // Navigate from inside the page, not with page.goto: BiDi loses track of the navigation the
    // hook starts next, and a goto then waits out its whole timeout.
    const hook = `${OPEN_HOOK_URL}?page=${encodeURIComponent(path.replace(/^\//, ''))}`;
    await page.evaluate((url) => void (location.href = url), hook);
    // page.url() stays stale here: BiDi's navigation tracking loses this extension-initiated
    // navigation, so ask the document itself where it is.
    await waitFor(() => page.evaluate((url) => location.href === url && document.readyState === 'complete', target).catch(() => false), {
      timeoutMs: 20_000,
      what: `extension page ${path}`,
    });
    return collectErrors(page);
  }

  let reader: Page | undefined;
  async function readerPage(): Promise<Page> {
    if (!reader || reader.isClosed()) reader = await openExtensionPage('manifest.json');
    return reader;
  }
  async function inExtension<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T> {
    return (await (await readerPage()).evaluate(fn as never, arg as never)) as T;
  }

  return {
    browser,
    addonId,
    origin,
    openExtensionPage,
    inExtension,
    readerPage,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
