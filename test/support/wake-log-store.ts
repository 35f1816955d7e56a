import { createLogStore } from '../../src/background/log-store';
import { DEFAULT_LIMITS } from '../../src/core/failure-log';
import { isQuotaError, readLocal, writeLocal } from '../../src/platform/storage';

/**
 * What the worker's first wake does to the stored log (migrate a version 1 log, repair junk),
 * over the fake browser's storage: the background's own log store, loaded and flushed.
 */
export async function wakeLogStore(): Promise<void> {
  await createLogStore({ now: Date.now, limits: () => DEFAULT_LIMITS, storage: { readLocal, writeLocal, isQuotaError } }).flushed();
}
