import type { Page } from 'puppeteer-core';
import { readStoredLog } from './stored-log';

/** A stored failure record as the e2e tests read it. */
export interface StoredRecord {
  path: string;
  status: number | null;
  error: string | null;
  category: string;
  host: string;
  method: string;
  tabId: number;
  ids: { cfRay: string | null; xRequestId: string | null };
}

/** The stored log's records, read from a browser session (anything with `storage()`, e.g. a Driver). */
export async function storedRecords(session: { storage(keys?: string[]): Promise<Record<string, unknown>> }): Promise<StoredRecord[]> {
  return (await readStoredLog(session)).records as unknown as StoredRecord[];
}

/** Calls the fake page's `send(path, {method})`: the status, or 'error' for a network error. */
export function sendFrom(page: Page, path: string, method = 'POST'): Promise<unknown> {
  return page.evaluate((p, m) => (window as unknown as { send(p: string, i: object): Promise<unknown> }).send(p, { method: m }), path, method);
}
