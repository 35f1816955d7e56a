import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onLocalChanged } from '../../src/platform/storage';

describe('onLocalChanged', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers one browser listener for every subscriber, and removes it with the last one', async () => {
    const add = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const a = new AbortController();
    const b = new AbortController();
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    onLocalChanged((c) => seenA.push(c.log?.newValue), a.signal);
    onLocalChanged((c) => seenB.push(c.log?.newValue), b.signal);
    expect(add).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ log: 1 });
    expect(seenA).toEqual([1]);
    expect(seenB).toEqual([1]);
    a.abort();
    await fakeBrowser.storage.local.set({ log: 2 });
    expect(seenA).toEqual([1]);
    expect(seenB).toEqual([1, 2]);
    b.abort();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    // After the last one left, a new subscriber attaches again.
    const c = new AbortController();
    const seenC: unknown[] = [];
    onLocalChanged((ch) => seenC.push(ch.log?.newValue), c.signal);
    await fakeBrowser.storage.local.set({ log: 3 });
    expect(seenC).toEqual([3]);
    c.abort();
  });

  it('ignores other storage areas', async () => {
    const seen: unknown[] = [];
    const c = new AbortController();
    onLocalChanged((ch) => seen.push(ch), c.signal);
    await fakeBrowser.storage.session.set({ x: 1 });
    await fakeBrowser.storage.sync.set({ x: 1 });
    expect(seen).toEqual([]);
    c.abort();
  });
});
