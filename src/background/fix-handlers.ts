import { rankConflicts } from '../core/conflicts';
import { APP_URL_PATTERNS } from '../core/hosts';
import { isFirefox } from '../platform/browser';
import { listExtensions, selfId, setExtensionEnabled } from '../platform/extensions';
import type { Handlers } from '../platform/messaging';
import { openTab, reloadTabsMatching } from '../platform/tabs';
import type { LogStore } from './log-store';
import { clearSiteData, currentPlan } from './site-data-clearer';

/** The popup's one-click fixes: site data, conflicting extensions, reload. */
export function fixHandlers({ logStore }: { logStore: LogStore }) {
  const ranked = async (keepIds: readonly string[]) =>
    rankConflicts(await listExtensions(), {
      selfId: selfId(),
      browser: isFirefox() ? 'firefox' : 'chrome',
      records: (await logStore.current()).records,
      keepIds,
    });
  return {
    'site/preview': async () => currentPlan(),
    'site/clear': async (params) => clearSiteData({ reloadTabs: params.reloadTabs !== false, wholeCache: params.wholeCache === true }),
    'conflicts/list': async ({ keepIds }) => ranked(Array.isArray(keepIds) ? keepIds.filter((id) => typeof id === 'string') : []),
    'conflicts/set-enabled': async ({ id, enabled }) => {
      if (id === selfId()) throw new Error('Error Doctor does not disable itself.');
      return { enabled: await setExtensionEnabled(id, enabled === true) };
    },
    'conflicts/open-page': async ({ id }) => {
      const entry = (await ranked([id])).find((e) => e.id === id);
      if (!entry?.manageUrl) throw Object.assign(new Error('This extension has no page to open; use the Add-ons Manager (Ctrl+Shift+A).'), { code: 'no-page' });
      await openTab(entry.manageUrl);
      return { url: entry.manageUrl };
    },
    'tabs/reload-chatgpt': async ({ tabId }) => {
      const reloaded = await reloadTabsMatching(APP_URL_PATTERNS, typeof tabId === 'number' ? tabId : null);
      if (!reloaded) throw Object.assign(new Error('No ChatGPT tab is open.'), { code: 'no-tab' });
      return { reloaded };
    },
  } satisfies Partial<Handlers>;
}
