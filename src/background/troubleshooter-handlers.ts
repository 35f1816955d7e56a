import { TROUBLESHOOTER_KEY, parseTroubleshooterState } from '../contract/troubleshooter';
import type { Handlers } from '../platform/messaging';
import { removeLocal, writeLocal } from '../platform/storage';

/**
 * The troubleshooter's one write: its progress, so it survives closing the page and the worker
 * stopping. Its automatic checks use other features' requests (status/check, site/clear,
 * conflicts/list, probe/run, tabs/reload-chatgpt).
 */
export function troubleshooterHandlers() {
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
  } satisfies Partial<Handlers>;
}
