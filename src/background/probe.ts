import type { Settings } from '../contract/settings';
import { APP_ORIGIN } from '../core/hosts';
import { PROBE } from '../contract/probe';
import { appendProbe, type ProbeEntry } from '../core/probe-history';
import { serialQueue } from '../core/serial-queue';
import { ensureAlarm, clearAlarm } from '../platform/alarms';
import { probeUrl } from '../platform/probe';
import { readKey, writeKey } from '../platform/storage';

export const PROBE_ALARM = 'reachability-probe';
/** Cloudflare's tiny plain-text endpoint in front of the app, the one the troubleshooter probes too. */
export const PROBE_URL = `${APP_ORIGIN}/cdn-cgi/trace`;
const PROBE_TIMEOUT_MS = 10_000;

/**
 * The opt-in reachability probe: on its own alarm, one small GET to chatgpt.com without cookies; the outcome and
 * latency are appended to a bounded history the options page charts.
 */
export function createProbe({ now, settings, probe = probeUrl }: { now: () => number; settings: () => Settings; probe?: typeof probeUrl }) {
  const queue = serialQueue();
  return {
    run(): Promise<ProbeEntry> {
      return queue.run(async () => {
        const time = now();
        const answer = await probe(PROBE_URL, PROBE_TIMEOUT_MS);
        // Any answer below 500 proves the path works (0 is an opaque redirect, 403 a challenge).
        const ok = answer.status !== null && answer.status < 500;
        const entry: ProbeEntry = { time, ok, status: answer.status, latencyMs: answer.status === null ? null : answer.ms, error: answer.error };
        await writeKey(PROBE, appendProbe(await readKey(PROBE), entry));
        return entry;
      });
    },
    /** Arms or removes the alarm to match the settings (passed in: storage events may lag). */
    async sync(current: Settings = settings()): Promise<void> {
      if (current.probeEnabled) await ensureAlarm(PROBE_ALARM, current.probeMinutes);
      else await clearAlarm(PROBE_ALARM);
    },
  };
}
