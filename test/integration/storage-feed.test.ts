import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchStorage, type FeedEvent } from '../../src/ui/storage-feed';

/** Lets the fake storage's promises and the feed's reads settle under fake timers. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
};

describe('watchStorage', () => {
  let controller: AbortController;
  let events: FeedEvent[];
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    controller = new AbortController();
    events = [];
  });
  afterEach(() => {
    controller.abort();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('passes changes on at once while calm', async () => {
    watchStorage(['status'], (e) => events.push(e), controller.signal);
    await fakeBrowser.storage.local.set({ status: 1, 'log:3': { k: 3 } });
    expect(events).toEqual([{ kind: 'changed', values: { status: 1, 'log:3': { k: 3 } } }]);
  });

  it('stops listening in a storm, polls its keys once a second, and resyncs when calm again', async () => {
    watchStorage(['log'], (e) => events.push(e), controller.signal);
    for (let i = 1; i <= 11; i++) await fakeBrowser.storage.local.set({ log: i });
    expect(events).toHaveLength(11);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);

    // Storm goes on: no event per write, one poll a second with the newest value only.
    for (let i = 12; i <= 40; i++) await fakeBrowser.storage.local.set({ log: i });
    expect(events).toHaveLength(11);
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(events.at(-1)).toEqual({ kind: 'polled', values: { log: 40 } });

    // Two quiet polls: listening again, subscribers told to re-read.
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(events.at(-1)).toEqual({ kind: 'resync' });
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    await fakeBrowser.storage.local.set({ log: 41 });
    expect(events.at(-1)).toEqual({ kind: 'changed', values: { log: 41 } });
  });

  it('a page subscribing during a storm joins the polling, not the listener', async () => {
    watchStorage(['log'], (e) => events.push(e), controller.signal);
    for (let i = 1; i <= 11; i++) await fakeBrowser.storage.local.set({ log: i });
    // The poll's read is still in flight (no timer set) when the second page subscribes.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(() => new Promise(() => undefined) as never);
    await vi.advanceTimersByTimeAsync(1000);
    watchStorage(['status'], () => undefined, controller.signal);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
  });

  it('a poll reports only keys whose value changed', async () => {
    watchStorage(['log', 'status'], (e) => events.push(e), controller.signal);
    await fakeBrowser.storage.local.set({ status: 's' });
    for (let i = 1; i <= 11; i++) await fakeBrowser.storage.local.set({ log: i });
    await fakeBrowser.storage.local.set({ log: 12 });
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(events.at(-1)).toEqual({ kind: 'polled', values: { log: 12 } });
  });

  it('the last subscriber leaving stops listening and polling', async () => {
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    watchStorage(['log'], (e) => events.push(e), controller.signal);
    for (let i = 1; i <= 11; i++) await fakeBrowser.storage.local.set({ log: i });
    controller.abort();
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).not.toHaveBeenCalled();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
  });
});
