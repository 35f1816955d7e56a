import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { troubleshooterHandlers } from '../../src/background/troubleshooter-handlers';
import { TROUBLESHOOTER_KEY } from '../../src/contract/troubleshooter';
import { answerStep, startTroubleshooter } from '../../src/core/troubleshooter';

const T = 1_700_000_000_000;

describe('troubleshooter/save', () => {
  const handlers = troubleshooterHandlers();
  beforeEach(() => fakeBrowser.reset());

  it('stores valid progress under "troubleshooter" and clears it with null', async () => {
    const state = answerStep(startTroubleshooter(T, 5), 'reload', false, T + 1);
    await expect(handlers['troubleshooter/save']({ state })).resolves.toEqual({ saved: true });
    expect((await fakeBrowser.storage.local.get(TROUBLESHOOTER_KEY))[TROUBLESHOOTER_KEY]).toEqual(state);
    await handlers['troubleshooter/save']({ state: null });
    expect(await fakeBrowser.storage.local.get(TROUBLESHOOTER_KEY)).toEqual({});
  });

  it('refuses malformed state with a clear error and keeps what was stored', async () => {
    const good = startTroubleshooter(T, 5);
    await handlers['troubleshooter/save']({ state: good });
    const bad = { ...good, current: 'rm -rf' } as unknown as typeof good;
    await expect(handlers['troubleshooter/save']({ state: bad })).rejects.toMatchObject({ code: 'invalid', message: 'The troubleshooter state is not valid.' });
    expect((await fakeBrowser.storage.local.get(TROUBLESHOOTER_KEY))[TROUBLESHOOTER_KEY]).toEqual(good);
  });
});
