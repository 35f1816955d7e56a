import { assembleLog, parseIndex } from '../../src/contract/log-chunks';
import { logWrites } from '../../src/contract/log-summary-writes';
import { LOG_KEY } from '../../src/contract/stored-log';
import type { ErrorRecord } from '../../src/core/error-record';
import type { FailureLog } from '../../src/core/failure-log';

/**
 * The failure log out of a dump of extension storage (the index under `log` plus its chunks),
 * through the same parsing the extension uses. Tests read the log only through here, so they do
 * not depend on how it is laid out in storage.
 */
export function logFromStorage(all: Record<string, unknown>): FailureLog {
  const parsed = parseIndex(all[LOG_KEY], Date.now());
  if (parsed.kind === 'empty') return { records: [], dropped: 0, notice: null, bytes: 0 };
  if (parsed.kind === 'whole') return parsed.log;
  return assembleLog(parsed.index, all, Date.now()).log;
}

/** Reads the whole log from a browser session (anything with `storage()` returning every key). */
export async function readStoredLog(session: { storage(keys?: string[]): Promise<Record<string, unknown>> }): Promise<FailureLog> {
  return logFromStorage(await session.storage());
}

/**
 * The storage items that hold `records` (sorted by time, as the log keeps them) the way the
 * background writes the log: an index, its chunks and the summary. For seeding storage before a page opens.
 */
export function storedLogItems(records: readonly ErrorRecord[], over: Partial<FailureLog> = {}): Record<string, unknown> {
  const log: FailureLog = { records: [...records].sort((a, b) => a.time - b.time), dropped: 0, notice: null, bytes: 0, ...over };
  return logWrites({ first: 0, count: 0 }, log, 0, 0, Date.now());
}
