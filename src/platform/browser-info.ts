import { browser, isFirefox } from './browser';

export interface BrowserInfo {
  browser: string;
  browserVersion: string;
  os: string;
}

interface UaBrand {
  brand: string;
  version: string;
}
interface UaData {
  brands?: UaBrand[];
  getHighEntropyValues?: (hints: string[]) => Promise<{ fullVersionList?: UaBrand[] }>;
}

/** Chromium lists a GREASE brand and "Chromium" next to the real one (Chrome, Edge, Opera…). */
function pickBrand(brands: readonly UaBrand[]): UaBrand | null {
  const real = brands.filter((b) => !/not.?a.?brand/i.test(b.brand));
  return real.find((b) => b.brand !== 'Chromium') ?? real[0] ?? null;
}

async function chromiumInfo(): Promise<{ browser: string; browserVersion: string }> {
  const ua = (navigator as Navigator & { userAgentData?: UaData }).userAgentData;
  const full = ua?.getHighEntropyValues ? await attempt(() => ua.getHighEntropyValues!(['fullVersionList'])) : null;
  const brand = pickBrand(full?.fullVersionList ?? []) ?? pickBrand(ua?.brands ?? []);
  if (brand) return { browser: brand.brand, browserVersion: brand.version };
  // No client hints (older builds, some forks): the user agent string still names Chrome's version.
  const match = /(Chrome|Chromium)\/([\d.]+)/.exec(navigator.userAgent);
  return { browser: match?.[1] ?? 'unknown', browserVersion: match?.[2] ?? 'unknown' };
}

/** Some builds (and test fakes) throw instead of rejecting: either way the report says "unknown". */
async function attempt<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch {
    return null;
  }
}

/** Browser, version and OS for the support report: runtime.getBrowserInfo in Firefox, client hints in Chromium. */
export async function browserInfo(): Promise<BrowserInfo> {
  const platform = await attempt(() => browser.runtime.getPlatformInfo());
  const os = platform ? `${platform.os} ${platform.arch}` : 'unknown';
  if (isFirefox()) {
    const info = await attempt(() => browser.runtime.getBrowserInfo());
    return { browser: info?.name ?? 'Firefox', browserVersion: info?.version ?? 'unknown', os };
  }
  return { ...(await chromiumInfo()), os };
}
