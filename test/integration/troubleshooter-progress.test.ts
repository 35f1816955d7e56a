import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { TROUBLESHOOTER } from '../../src/contract/troubleshooter';
import { answerStep, startTroubleshooter } from '../../src/core/troubleshooter';
import { saveTroubleshooterProgress } from '../../src/pages/troubleshooter-progress';

const T = 1_700_000_000_000;

describe('saveTroubleshooterProgress', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores valid progress under "troubleshooter" and clears it with null', async () => {
    const state = answerStep(startTroubleshooter(T, 5), 'reload', false, T + 1);
    await expect(saveTroubleshooterProgress(state)).resolves.toEqual({ saved: true });
    expect((await fakeBrowser.storage.local.get(TROUBLESHOOTER.name))[TROUBLESHOOTER.name]).toEqual(state);
    await saveTroubleshooterProgress(null);
    expect(await fakeBrowser.storage.local.get(TROUBLESHOOTER.name)).toEqual({});
  });

  it('refuses malformed state with a clear error and keeps what was stored', async () => {
    const good = startTroubleshooter(T, 5);
    await saveTroubleshooterProgress(good);
    const bad = { ...good, current: 'rm -rf' } as unknown as typeof good;
    await expect(saveTroubleshooterProgress(bad)).rejects.toMatchObject({ code: 'invalid', message: 'The troubleshooter state is not valid.' });
    expect((await fakeBrowser.storage.local.get(TROUBLESHOOTER.name))[TROUBLESHOOTER.name]).toEqual(good);
  });
});
