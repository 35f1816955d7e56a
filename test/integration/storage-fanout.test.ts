import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onLocalChanged } from '../../src/platform/storage';
import { watchStorage, type FeedEvent } from '../../src/ui/storage-feed';

describe('one storage listener per page', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('registers one browser listener for every subscriber, and removes it with the last one', async () => {
    const add = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const remove = vi.spyOn(fakeBrowser.storage.onChanged, 'removeListener');
    const registered = () => add.mock.calls.length - remove.mock.calls.length;
    const logValues = (seen: unknown[]) => (event: FeedEvent) => event.kind === 'changed' && seen.push(event.values.log);
    const a = new AbortController();
    const b = new AbortController();
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    watchStorage(['log'], logValues(seenA), a.signal);
    watchStorage(['status'], logValues(seenB), b.signal);
    expect(registered()).toBe(1);
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
    watchStorage(['log'], logValues(seenC), c.signal);
    await fakeBrowser.storage.local.set({ log: 3 });
    expect(seenC).toEqual([3]);
    expect(registered()).toBe(1);
    c.abort();
  });
});

describe('onLocalChanged', () => {
  beforeEach(() => fakeBrowser.reset());

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
