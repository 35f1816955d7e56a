import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';
import { generateRecords } from '../fixtures/records';
import { domRoot } from './dom-root';
import { storedLogItems } from './stored-log';

/**
 * domRoot() for the popup about ChatGPT tab `tabId` (its ?tabId=, and the one ChatGPT tab the
 * browser lists), with `seed()` storing `count` recent failures of that tab.
 */
export function popupRoot(tabId = 7): { root: () => HTMLElement; seed: (count?: number) => Promise<void> } {
  const root = domRoot();
  beforeEach(() => {
    history.replaceState(null, '', `/popup.html?tabId=${tabId}`);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: tabId }] as never);
  });
  const seed = (count = 20) => fakeBrowser.storage.local.set(storedLogItems(generateRecords({ count, now: Date.now(), tabIds: [tabId] })));
  return { root, seed };
}
