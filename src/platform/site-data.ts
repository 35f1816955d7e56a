import type { BrowsingDataStep, SiteDataType } from '../core/site-data-plan';
import { browser } from './browser';

/** `browsingData` DataTypeSet: only the types asked for are set to true. */
function dataTypeSet(types: readonly SiteDataType[]): Record<string, boolean> {
  return Object.fromEntries(types.map((type) => [type, true]));
}

/**
 * Runs one planned `browsingData.remove` call. `since: 0` means all time. Firefox rejects
 * `origins` and Chrome ignores `hostnames`, so the plan picks the filter per browser.
 */
export async function removeSiteData(step: BrowsingDataStep): Promise<void> {
  if (!step.values.length || !step.dataTypes.length) return;
  const options = { since: 0, [step.filter]: step.values };
  await browser.browsingData.remove(options, dataTypeSet(step.dataTypes));
}

/** The whole HTTP cache, every site: Firefox's only cache clear, offered as its own explicit choice. */
export async function removeWholeCache(): Promise<void> {
  await browser.browsingData.removeCache({});
}
