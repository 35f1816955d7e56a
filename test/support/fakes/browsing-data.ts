import { fakeBrowser } from '@webext-core/fake-browser';
import type { FakeCookie } from './cookies';

type RemovalOptions = { since?: number; origins?: string[]; hostnames?: string[] };

/**
 * fakeBrowser has no browsingData; this records each call and, for cookies, behaves like Chrome:
 * an origin removes the cookies of its whole registrable domain (last two labels here).
 * `fail` makes the next calls reject, as a browser does for an option it does not support.
 */
export function installFakeBrowsingData(jar: FakeCookie[] = []) {
  const calls: Array<{ options: RemovalOptions; dataTypes: Record<string, boolean> }> = [];
  const state = { fail: null as string | null, cacheCleared: 0 };
  const site = (host: string) => host.split('.').slice(-2).join('.');
  const browsingData = {
    async remove(options: RemovalOptions, dataTypes: Record<string, boolean>) {
      calls.push({ options, dataTypes });
      if (state.fail) throw new Error(state.fail);
      if (dataTypes.cookies) {
        const sites = (options.origins ?? []).map((o) => site(new URL(o).hostname));
        const hosts = options.hostnames ?? [];
        for (let i = jar.length - 1; i >= 0; i--) {
          const d = jar[i]!.domain.replace(/^\./, '');
          if (sites.includes(site(d)) || hosts.includes(d)) jar.splice(i, 1);
        }
      }
    },
    async removeCache() {
      if (state.fail) throw new Error(state.fail);
      state.cacheCleared++;
    },
  };
  (fakeBrowser as unknown as { browsingData: typeof browsingData }).browsingData = browsingData;
  return { browsingData, calls, state };
}
