import { STATUS_KEY, type StatusSnapshot } from '../contract/status';
import { STATUS_ORIGIN } from '../core/hosts';
import { parseStatusPage, type StatusAnswer } from '../core/status-page';
import { fetchStatusUrl, type Validators } from '../platform/status-fetch';
import { readLocal, writeLocal } from '../platform/storage';

export const SUMMARY_URL = `${STATUS_ORIGIN}/api/v2/summary.json`;
export const COMPONENTS_URL = `${STATUS_ORIGIN}/api/v2/components.json`;
/** The summary's ETag / Last-Modified, kept next to the snapshot they validate. */
export const STATUS_VALIDATORS_KEY = 'statusValidators';
/** A popup opened twice in a minute shows the same answer instead of asking again. */
export const STATUS_MAX_AGE_MS = 60_000;

export interface StatusCheckDeps {
  now: () => number;
  fetchUrl?: typeof fetchStatusUrl;
  maxAgeMs?: number;
}

export interface StatusCheck {
  check(options?: { force?: boolean }): Promise<StatusSnapshot>;
  /** Called with every freshly fetched snapshot (not with a reused one): alerts and the badge. */
  onFresh(listener: (snapshot: StatusSnapshot) => void): void;
}

function isSnapshot(value: unknown): value is StatusSnapshot {
  const s = value as StatusSnapshot | undefined;
  return !!s && typeof s === 'object' && (s.state === 'known' || s.state === 'unknown') && typeof s.checkedAt === 'number';
}

/**
 * Fetches and stores the status snapshot. Concurrent checks share one fetch; a recent snapshot is
 * reused unless forced. Only a known snapshot carries validators forward, so a 304 can never
 * revive an "unknown" as if it were an answer.
 */
export function createStatusCheck({ now, fetchUrl = fetchStatusUrl, maxAgeMs = STATUS_MAX_AGE_MS }: StatusCheckDeps): StatusCheck {
  let inFlight: Promise<StatusSnapshot> | null = null;
  const listeners: Array<(snapshot: StatusSnapshot) => void> = [];

  async function run(previous: StatusSnapshot | null, validators: Validators): Promise<StatusSnapshot> {
    const conditional = previous?.state === 'known' ? validators : {};
    let summary = await fetchUrl(SUMMARY_URL, { validators: conditional });
    if (summary.answer.kind === 'not-modified') {
      if (previous?.state === 'known') {
        const snapshot: StatusSnapshot = { ...previous, checkedAt: now() };
        await writeLocal({ [STATUS_KEY]: snapshot, [STATUS_VALIDATORS_KEY]: summary.validators });
        return snapshot;
      }
      // A 304 we did not ask for: ask again without validators.
      summary = await fetchUrl(SUMMARY_URL, {});
    }
    const summaryAnswer = summary.answer as StatusAnswer;
    const components = summaryAnswer.kind === 'answer' && summaryAnswer.status < 300 ? (await fetchUrl(COMPONENTS_URL, {})).answer : null;
    const snapshot = parseStatusPage(summaryAnswer, components && components.kind !== 'not-modified' ? components : null, now());
    await writeLocal({ [STATUS_KEY]: snapshot, [STATUS_VALIDATORS_KEY]: snapshot.state === 'known' ? summary.validators : {} });
    return snapshot;
  }

  return {
    async check({ force = false } = {}) {
      const stored = await readLocal([STATUS_KEY, STATUS_VALIDATORS_KEY]);
      const previous = isSnapshot(stored[STATUS_KEY]) ? stored[STATUS_KEY] : null;
      const age = previous ? now() - previous.checkedAt : Infinity;
      if (!force && previous && age >= 0 && age < maxAgeMs) return previous;
      const validators = (stored[STATUS_VALIDATORS_KEY] ?? {}) as Validators;
      inFlight ??= run(previous, validators)
        .then((snapshot) => {
          for (const listener of listeners) listener(snapshot);
          return snapshot;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    onFresh(listener) {
      listeners.push(listener);
    },
  };
}
