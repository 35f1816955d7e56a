import type { ProbeResult } from '../contract/troubleshooter';
import { TROUBLESHOOTER_KEY, parseTroubleshooterState } from '../contract/troubleshooter';
import { APP_ORIGIN } from '../core/hosts';
import type { Handlers } from '../platform/messaging';
import { probeUrl, type ProbeAnswer } from '../platform/probe';
import { removeLocal, writeLocal } from '../platform/storage';

/** Cloudflare's tiny plain-text endpoint: no app, no cookies, no user data, just "is the path open". */
export const PROBE_URL = `${APP_ORIGIN}/cdn-cgi/trace`;
export const PROBE_TIMEOUT_MS = 8_000;

export interface TroubleshooterDeps {
  now: () => number;
  probe?: (url: string, timeoutMs: number) => Promise<ProbeAnswer>;
}

/** The troubleshooter's writes (its progress) and its connectivity probe. */
export function troubleshooterHandlers({ now, probe = probeUrl }: TroubleshooterDeps) {
  return {
    'troubleshooter/save': async ({ state }) => {
      if (state === null) {
        await removeLocal([TROUBLESHOOTER_KEY]);
        return { saved: true };
      }
      // The page is ours, but what it sends is still validated before it becomes stored state.
      const valid = parseTroubleshooterState(state);
      if (!valid) throw Object.assign(new Error('The troubleshooter state is not valid.'), { code: 'invalid' });
      await writeLocal({ [TROUBLESHOOTER_KEY]: valid });
      return { saved: true };
    },
    'probe/once': async (): Promise<ProbeResult> => {
      const answer = await probe(PROBE_URL, PROBE_TIMEOUT_MS);
      return { reachable: answer.status !== null, status: answer.status, error: answer.error, ms: answer.ms, at: now() };
    },
  } satisfies Partial<Handlers>;
}
