import { useLayoutEffect, useMemo } from 'preact/hooks';
import { summaryMinutes, type LogSummary } from '../contract/log-summary';
import type { CauseSide } from '../core/diagnosis';
import type { ErrorRecord } from '../core/error-record';
import type { StatusSnapshot } from '../core/status';
import { verdictAction, type VerdictAction } from '../core/verdict-action';
import type { Suspects } from '../ui/use-suspects';
import { useVerdict } from '../ui/use-verdict';
import { VerdictCard } from '../ui/verdict-card';
import { VerdictActionButton } from './verdict-action';

/** What the rest of the popup needs of the verdict: undefined `side` while it is worked out. */
export interface VerdictOutcome {
  side: CauseSide | undefined;
  action: VerdictAction | null;
  outageReported: boolean;
  /** The extensions the verdict weighed, which the fixes name. */
  suspects: Suspects;
}

export interface PopupVerdictProps {
  records: readonly ErrorRecord[] | undefined;
  now: number;
  status: StatusSnapshot | null | undefined;
  /** The ChatGPT tab the popup is about; null for every ChatGPT tab. */
  tabId: number | null;
  /** The log summary the first frame weighs; null once the log itself is loaded. */
  summary: LogSummary | null | undefined;
  onExtensions: () => void;
  onOutcome: (outcome: VerdictOutcome) => void;
}

/**
 * The popup's verdict: the diagnosis (its facts, the window tally, the status features), the
 * suspects it weighs, the card and its fix as a button. In the popup's one file, not a chunk of
 * its own: the verdict is what someone opening the popup looks for first. As a chunk started at
 * open (2026-12-04), the first file was 5.3 KB lighter but the popup fetched 1.0 KB more in all,
 * the verdict came 10-25 ms after the failures instead of in their frame, and what is below it
 * moved when it came (measured in Chromium, both builds in one browser, alternately, 20 opens).
 */
export function PopupVerdict({ records, now, status, tabId, summary, onExtensions, onOutcome }: PopupVerdictProps) {
  const minutes = useMemo(() => (summary ? summaryMinutes(summary) : undefined), [summary]);
  const { diagnosis, suspects } = useVerdict(records, now, status, tabId, true, minutes);
  const action = diagnosis ? verdictAction(diagnosis.verdict.id) : null;
  const side = diagnosis?.verdict.side;
  const outageReported = diagnosis?.outageReported ?? false;
  // Before the frame is painted: the fixes below show the clear only when the verdict does not.
  useLayoutEffect(() => onOutcome({ side, action, outageReported, suspects }), [side, action, outageReported, suspects.list]);
  return <VerdictCard diagnosis={diagnosis}>{action && <VerdictActionButton action={action} tabId={tabId} onExtensions={onExtensions} />}</VerdictCard>;
}
