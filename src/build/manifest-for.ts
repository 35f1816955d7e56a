/**
 * One source manifest for both browsers; this pure step removes what each browser does not
 * understand. Node-only: imported by vite.config.ts, never by the extension.
 */
export type TargetBrowser = 'chrome' | 'firefox';

export type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: { gecko?: Record<string, unknown>; gecko_android?: Record<string, unknown> };
};

export interface ManifestOptions {
  /** package.json's version: the one place a release sets it (src/build/release.ts). */
  version?: string;
}

export function manifestFor(source: Manifest, browser: TargetBrowser, options: ManifestOptions = {}): Manifest {
  const manifest: Manifest = structuredClone(source);
  if (options.version) manifest.version = options.version;
  const worker = source.background?.service_worker ?? source.background?.scripts?.[0];
  if (browser === 'chrome') {
    // Chrome warns about keys it does not know; the store rejects none, but keep the build clean.
    delete manifest.browser_specific_settings;
    if (worker) manifest.background = { service_worker: worker, type: 'module' };
  } else {
    // Firefox MV3 has no background service worker: an event page from `scripts` (Firefox >= 121).
    delete manifest.minimum_chrome_version;
    if (worker) manifest.background = { scripts: [worker], type: 'module' };
  }
  return manifest;
}
