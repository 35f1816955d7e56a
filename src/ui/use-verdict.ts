import { useMemo } from 'preact/hooks';
import type { StatusSnapshot } from '../core/status';
import { diagnose, type Diagnosis, type DiagnosisInput } from '../core/diagnosis';
import type { ErrorRecord } from '../core/error-record';
import { useSuspects, type Suspects } from './use-suspects';

export interface Verdict {
  /** undefined while the log or the status is read. */
  diagnosis: Diagnosis | undefined;
  suspects: Suspects;
}

/**
 * The one wiring of the verdict: the failures, the stored status and the installed extensions
 * into diagnose(). The popup, the panel, the troubleshooter and the report use it, so they show
 * the same verdict for the same tab. `suspectsActive` is false where the page has no management
 * API (Firefox's DevTools panel). `minutes`: the per-minute tally of the log summary, which the
 * popup's first frame weighs before the records are read.
 */
export function useVerdict(
  records: readonly ErrorRecord[] | undefined,
  now: number,
  status: StatusSnapshot | null | undefined,
  tabId: number | null,
  suspectsActive = true,
  minutes?: DiagnosisInput['minutes'],
): Verdict {
  const suspects = useSuspects(suspectsActive);
  const diagnosis = useMemo(
    () => (records && status !== undefined ? diagnose({ records, now, status, conflicts: suspects.list, tabId, ...(minutes ? { minutes } : {}) }) : undefined),
    [records, status, suspects.list, now, tabId, minutes],
  );
  return { diagnosis, suspects };
}
