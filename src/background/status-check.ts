import { STATUS, STATUS_VALIDATORS, type Validators } from '../contract/status';
import { STATUS_ORIGIN } from '../core/hosts';
import type { StatusSnapshot } from '../core/status';
import { incidentsChanged, parseStatusPage, proxyReadable, type StatusAnswer } from '../core/status-page';
import { fetchStatusUrl, type FetchedAnswer } from '../platform/status-fetch';
import { readKeys, stored, writeLocal } from '../platform/storage';

export const SUMMARY_URL = `${STATUS_ORIGIN}/api/v2/summary.json`;
export const COMPONENTS_URL = `${STATUS_ORIGIN}/api/v2/components.json`;
/** The provider's (incident.io) own JSON: where ongoing incidents are listed today. */
export const PROXY_URL = `${STATUS_ORIGIN}/proxy/status.openai.com`;
/** The Statuspage-compatible incident list, asked only when the provider's JSON cannot be read. */
export const INCIDENTS_URL = `${STATUS_ORIGIN}/api/v2/incidents.json`;
const plain = (a: FetchedAnswer | undefined): StatusAnswer | null => (a && a.kind !== 'not-modified' ? a : null);

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

/**
 * Fetches and stores the status snapshot. Checks share a fetch under way, except that a forced one
 * waits for it and fetches again; a recent snapshot is reused unless forced. Only a known snapshot
 * carries validators forward, so a 304 can never revive an "unknown" as if it were an answer.
 */
export function createStatusCheck({ now, fetchUrl = fetchStatusUrl, maxAgeMs = STATUS_MAX_AGE_MS }: StatusCheckDeps): StatusCheck {
  let inFlight: Promise<StatusSnapshot> | null = null;
  let again: Promise<StatusSnapshot> | null = null;
  const listeners: Array<(snapshot: StatusSnapshot) => void> = [];

  async function run(previous: StatusSnapshot | null, validators: Validators): Promise<StatusSnapshot> {
    const conditional = previous?.state === 'known' ? validators : {};
    let summary = await fetchUrl(SUMMARY_URL, { validators: conditional });
    if (summary.answer.kind === 'not-modified') {
      // summary.json lists no incidents today: the provider's JSON says whether they changed.
      if (previous?.state === 'known' && !incidentsChanged(previous, plain((await fetchUrl(PROXY_URL, {})).answer))) {
        const snapshot: StatusSnapshot = { ...previous, checkedAt: now() };
        await writeLocal({ ...stored(STATUS, snapshot), ...stored(STATUS_VALIDATORS, summary.validators) });
        return snapshot;
      }
      // A 304 we did not ask for, or incidents that moved on: ask again in full.
      summary = await fetchUrl(SUMMARY_URL, {});
    }
    const summaryAnswer = summary.answer as StatusAnswer;
    const answered = summaryAnswer.kind === 'answer' && summaryAnswer.status < 300;
    const [components, proxy] = answered ? await Promise.all([fetchUrl(COMPONENTS_URL, {}), fetchUrl(PROXY_URL, {})]) : [];
    const proxyAnswer = plain(proxy?.answer);
    const incidents = answered && !proxyReadable(proxyAnswer) ? plain((await fetchUrl(INCIDENTS_URL, {})).answer) : null;
    const snapshot = parseStatusPage(summaryAnswer, plain(components?.answer), now(), { proxy: proxyAnswer, incidents });
    await writeLocal({ ...stored(STATUS, snapshot), ...stored(STATUS_VALIDATORS, snapshot.state === 'known' ? summary.validators : {}) });
    return snapshot;
  }

  /** Fetches, stores and tells the listeners; reads the stored snapshot and validators at its start. */
  function start(): Promise<StatusSnapshot> {
    inFlight = readKeys(STATUS, STATUS_VALIDATORS)
      .then(([previous, validators]) => run(previous, validators))
      .then((snapshot) => {
        for (const listener of listeners) listener(snapshot);
        return snapshot;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    async check({ force = false } = {}) {
      const under = inFlight;
      const [previous] = await readKeys(STATUS);
      const age = previous ? now() - previous.checkedAt : Infinity;
      if (!force && previous && age >= 0 && age < maxAgeMs) return previous;
      if (!inFlight) return start();
      if (!force || inFlight !== under) return inFlight;
      // The fetch under way when asked may have left before the page changed, and someone who
      // asks to check now expects the page as it is now: one more fetch after it, shared by every
      // forced check that arrives meanwhile.
      again ??= inFlight
        .catch(() => undefined)
        .then(() => {
          again = null;
          return inFlight ?? start();
        });
      return again;
    },
    onFresh(listener) {
      listeners.push(listener);
    },
  };
}
