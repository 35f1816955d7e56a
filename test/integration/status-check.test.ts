import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { STATUS, STATUS_VALIDATORS } from '../../src/contract/status';
import { COMPONENTS_URL, INCIDENTS_URL, PROXY_URL, SUMMARY_URL, createStatusCheck } from '../../src/background/status-check';
import type { FetchedAnswer, Validators, fetchStatusUrl } from '../../src/platform/status-fetch';

const body = (name: string) => readFileSync(`test/fixtures/status/${name}.json`, 'utf8');

/** A scripted status server: each URL answers from `answers`, honouring the ETag like the real one. */
function scriptedFetch() {
  const calls: Array<{ url: string; validators: Validators }> = [];
  const state = {
    summary: body('operational'),
    etag: '"op"',
    fail: null as FetchedAnswer | null,
    proxy: { summary: { ongoing_incidents: [] as unknown[] } } as unknown,
    proxyType: 'application/json',
    /** While set, answers wait for it: a fetch still under way. */
    hold: null as Promise<void> | null,
  };
  const answer: typeof fetchStatusUrl = async (url, options = {}) => {
    if (state.fail) return { answer: state.fail, validators: {} };
    if (url === SUMMARY_URL) {
      if (options.validators?.etag === state.etag) return { answer: { kind: 'not-modified' }, validators: { etag: state.etag } };
      return { answer: { kind: 'answer', status: 200, contentType: 'application/json', body: state.summary }, validators: { etag: state.etag } };
    }
    if (url === COMPONENTS_URL) return { answer: { kind: 'answer', status: 200, contentType: 'application/json', body: body('components') }, validators: {} };
    if (url === PROXY_URL) return { answer: { kind: 'answer', status: 200, contentType: state.proxyType, body: JSON.stringify(state.proxy) }, validators: {} };
    if (url === INCIDENTS_URL)
      return { answer: { kind: 'answer', status: 200, contentType: 'application/json', body: JSON.stringify({ incidents: [] }) }, validators: {} };
    throw new Error(`unexpected ${url}`);
  };
  const fetchUrl: typeof fetchStatusUrl = async (url, options = {}) => {
    calls.push({ url, validators: options.validators ?? {} });
    // Answered as the page was when asked, however long the answer takes to arrive.
    const answered = answer(url, options);
    await state.hold;
    return answered;
  };
  return { fetchUrl, calls, state };
}

describe('status check', () => {
  let clock = 1_000_000;
  const now = () => clock;
  beforeEach(() => {
    fakeBrowser.reset();
    clock = 1_000_000;
  });

  it('fetches, stores the snapshot and the validators', async () => {
    const server = scriptedFetch();
    const snapshot = await createStatusCheck({ now, fetchUrl: server.fetchUrl }).check();
    expect(snapshot).toMatchObject({ state: 'known', indicator: 'none', checkedAt: clock });
    const stored = await fakeBrowser.storage.local.get([STATUS.name, STATUS_VALIDATORS.name]);
    expect(stored[STATUS.name]).toEqual(snapshot);
    expect(stored[STATUS_VALIDATORS.name]).toEqual({ etag: '"op"' });
    expect(server.calls.map((c) => c.url)).toEqual([SUMMARY_URL, COMPONENTS_URL, PROXY_URL]);
  });

  it('reuses a snapshot younger than a minute unless forced', async () => {
    const server = scriptedFetch();
    const check = createStatusCheck({ now, fetchUrl: server.fetchUrl });
    await check.check();
    clock += 30_000;
    expect((await check.check()).checkedAt).toBe(1_000_000);
    expect(server.calls).toHaveLength(3);
    expect((await check.check({ force: true })).checkedAt).toBe(1_030_000);
  });

  it('a 304 keeps the previous snapshot with a new checkedAt and skips components.json, once the provider shows the same incidents', async () => {
    const server = scriptedFetch();
    const check = createStatusCheck({ now, fetchUrl: server.fetchUrl });
    const first = await check.check();
    clock += 120_000;
    const second = await check.check();
    expect(server.calls.slice(3)).toEqual([
      { url: SUMMARY_URL, validators: { etag: '"op"' } },
      { url: PROXY_URL, validators: {} },
    ]);
    expect(second).toEqual({ ...first, checkedAt: 1_120_000 });
  });

  it('a 304 with a new incident on the provider fetches everything again: summary.json lists none', async () => {
    const server = scriptedFetch();
    const check = createStatusCheck({ now, fetchUrl: server.fetchUrl });
    await check.check();
    server.state.proxy = { summary: { ongoing_incidents: [{ id: 'I1', name: 'Voice mode unavailable', status: 'investigating', affected_components: [] }] } };
    clock += 120_000;
    const s = await check.check();
    expect(s).toMatchObject({ state: 'known', checkedAt: 1_120_000, incidents: [{ id: 'I1', name: 'Voice mode unavailable' }] });
  });

  it('asks incidents.json only when the provider answers HTML', async () => {
    const server = scriptedFetch();
    server.state.proxyType = 'text/html';
    const s = await createStatusCheck({ now, fetchUrl: server.fetchUrl }).check();
    expect(server.calls.map((c) => c.url)).toEqual([SUMMARY_URL, COMPONENTS_URL, PROXY_URL, INCIDENTS_URL]);
    expect(s).toMatchObject({ state: 'known', incidents: [] });
  });

  it('a changed page is fetched again in full', async () => {
    const server = scriptedFetch();
    const check = createStatusCheck({ now, fetchUrl: server.fetchUrl });
    await check.check();
    server.state.summary = body('major');
    server.state.etag = '"major"';
    const s = await check.check({ force: true });
    expect(s).toMatchObject({ state: 'known', indicator: 'major' });
  });

  it('a failure is stored as unknown and clears the validators, so no 304 can revive it', async () => {
    const server = scriptedFetch();
    const check = createStatusCheck({ now, fetchUrl: server.fetchUrl });
    await check.check();
    server.state.fail = { kind: 'failed', reason: 'timeout', detail: 'no answer within 10 s' };
    const s = await check.check({ force: true });
    expect(s).toEqual({ state: 'unknown', checkedAt: clock, reason: 'timeout', detail: 'no answer within 10 s' });
    expect((await fakeBrowser.storage.local.get(STATUS_VALIDATORS.name))[STATUS_VALIDATORS.name]).toEqual({});
    server.state.fail = null;
    await check.check({ force: true });
    expect(server.calls.at(-3)).toEqual({ url: SUMMARY_URL, validators: {} });
  });

  it('concurrent checks share one fetch', async () => {
    const server = scriptedFetch();
    const check = createStatusCheck({ now, fetchUrl: server.fetchUrl });
    const [a, b] = await Promise.all([check.check(), check.check()]);
    expect(a).toEqual(b);
    expect(server.calls).toHaveLength(3);
  });

  it('a forced check during a fetch fetches again after it, once for every forced check meanwhile', async () => {
    const server = scriptedFetch();
    const check = createStatusCheck({ now, fetchUrl: server.fetchUrl });
    let release = () => {};
    server.state.hold = new Promise((resolve) => (release = resolve));
    const early = check.check();
    await vi.waitFor(() => expect(server.calls).toHaveLength(1));
    // The page changes while that fetch is under way, and someone clicks "check now" twice.
    server.state.summary = body('major');
    server.state.etag = '"major"';
    const forcedChecks = [check.check({ force: true }), check.check({ force: true })];
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.state.hold = null;
    release();
    const [first, forced, again] = await Promise.all([early, ...forcedChecks]);
    expect(first).toMatchObject({ indicator: 'none' });
    expect(forced).toMatchObject({ state: 'known', indicator: 'major' });
    expect(again).toEqual(forced);
    expect(server.calls.map((c) => c.url)).toEqual([SUMMARY_URL, COMPONENTS_URL, PROXY_URL, SUMMARY_URL, COMPONENTS_URL, PROXY_URL]);
  });

  it('a garbage stored snapshot is ignored', async () => {
    await fakeBrowser.storage.local.set({ [STATUS.name]: { state: 'maybe' }, [STATUS_VALIDATORS.name]: { etag: '"op"' } });
    const server = scriptedFetch();
    const s = await createStatusCheck({ now, fetchUrl: server.fetchUrl }).check();
    expect(s.state).toBe('known');
    expect(server.calls[0]!.validators).toEqual({});
  });
});
