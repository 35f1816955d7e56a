import type { ErrorRecord } from '../core/error-record';
import { buildHar } from '../core/har';
import type { NetworkExtra } from '../core/network-extra';
import { extensionVersion } from '../platform/manifest-info';
import { downloadText } from '../ui/download';

/**
 * The panel's export formats, loaded on the first export click (export-bar.tsx): most sessions
 * never export.
 */

function stamp(now: number): string {
  return new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** The failures shown (after filters), as they are stored. */
export function exportJson(records: readonly ErrorRecord[], now: number) {
  return downloadText(`error-doctor-failures-${stamp(now)}.json`, JSON.stringify({ exportedAt: new Date(now).toISOString(), records }, null, 2));
}

/** The same failures as a secret-free HAR 1.2, with what DevTools saw of each. */
export function exportHar(records: readonly ErrorRecord[], extras: ReadonlyMap<string, NetworkExtra>, now: number) {
  return downloadText(`error-doctor-failures-${stamp(now)}.har`, JSON.stringify(buildHar(records, extras, extensionVersion()), null, 2));
}
