import { TROUBLESHOOTER } from '../contract/troubleshooter';
import type { TroubleshooterState } from '../core/troubleshooter-state';
import { removeLocal, writeKey } from '../platform/storage';

/**
 * The troubleshooter's one write: its progress under `troubleshooter`, so it survives closing the
 * page and the worker stopping. The page writes it itself (nothing else writes that key, and the
 * worker need not wake for it); null clears it.
 */
export async function saveTroubleshooterProgress(state: TroubleshooterState | null): Promise<{ saved: true }> {
  if (state === null) {
    await removeLocal([TROUBLESHOOTER.name]);
    return { saved: true };
  }
  // What this page computed is still validated before it becomes stored state, as every reader parses it.
  const valid = TROUBLESHOOTER.read(state);
  if (!valid) throw Object.assign(new Error('The troubleshooter state is not valid.'), { code: 'invalid' });
  await writeKey(TROUBLESHOOTER, valid);
  return { saved: true };
}
