import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorRecord } from '../../src/core/error-record';
import { openConflictPage, setConflictEnabled } from '../../src/fixes/conflict-actions';
import { listConflicts } from '../../src/fixes/conflicts';
import { reloadChatGpt } from '../../src/fixes/reload-chatgpt';
import { clearSiteData, currentPlan } from '../../src/fixes/site-data-clearer';
import { installFakeBrowsingData } from '../support/fakes/browsing-data';
import { installTypicalCookies } from '../support/fakes/cookies';
import { extensionsFixture, installFakeManagement } from '../support/fakes/management';

/**
 * The one-click fixes as the pages run them (src/fixes), over fakeBrowser with fake cookies,
 * browsingData and management (Chrome mode).
 */
const extensions = extensionsFixture('chrome-typical');
/** The failures the page holds (useLog): one blocked request. */
const records = [{ error: 'net::ERR_BLOCKED_BY_CLIENT', telemetry: false } as ErrorRecord];

describe('page-side fixes', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('previews the Chrome plan without touching anything', async () => {
    const { jar } = installTypicalCookies();
    const { calls } = installFakeBrowsingData(jar);
    const plan = currentPlan();
    expect(plan.signedOut).toEqual(['chatgpt.com', 'chat.openai.com']);
    expect(calls).toEqual([]);
    expect(jar).toHaveLength(7);
  });

  it('clears ChatGPT only: chatgpt.com by origin, chat.openai.com host by host; openai.com and other sites stay', async () => {
    const { jar } = installTypicalCookies();
    const { calls } = installFakeBrowsingData(jar);
    const report = await clearSiteData({ reloadTabs: false, wholeCache: false });
    expect(jar.map((c) => c.name).sort()).toEqual(['control', 'platform', 'shared']);
    expect(report).toMatchObject({ verified: true, remainingCookies: {}, failures: [], reloadedTabs: 0, wholeCacheCleared: false });
    expect(report.cookiesBefore).toEqual({ 'chatgpt.com': 1, '.chatgpt.com': 1, 'ab.chatgpt.com': 1, 'chat.openai.com': 1 });
    expect(report.removedCookies).toEqual({ 'chat.openai.com': 1 }); // the rest went with browsingData
    expect(
      calls
        .flatMap((c) => c.options.origins ?? [])
        .filter((o) => o.includes('openai.com') && calls.find((x) => x.options.origins?.includes(o))!.dataTypes.cookies),
    ).toEqual([]);
    expect(calls.every((c) => c.options.since === 0 && !c.options.hostnames)).toBe(true);
  });

  it('still sweeps cookies and says what failed when browsingData rejects', async () => {
    const { jar } = installTypicalCookies();
    const { state } = installFakeBrowsingData(jar);
    state.fail = 'Invalid value for argument 1';
    const report = await clearSiteData({ reloadTabs: false, wholeCache: true });
    expect(report.failures.some((f) => f.includes('Invalid value for argument 1'))).toBe(true);
    expect(report.verified).toBe(true); // the cookies API got them all
    expect(report.wholeCacheCleared).toBe(false); // Chrome clears the cache per site: never the whole cache
    expect(jar.map((c) => c.name).sort()).toEqual(['control', 'platform', 'shared']);
  });

  it('reports a cookie that would not go as unverified, with its domain', async () => {
    const { jar, failRemove } = installTypicalCookies();
    installFakeBrowsingData([]); // browsingData removes nothing here
    failRemove.add('flags');
    const report = await clearSiteData({ reloadTabs: false, wholeCache: false });
    expect(report.verified).toBe(false);
    expect(report.remainingCookies).toEqual({ 'ab.chatgpt.com': 1 });
    expect(report.failures).toContain('cookie ab.chatgpt.com');
    expect(jar.map((c) => c.name)).toContain('flags');
  });

  it('reloads ChatGPT tabs after the clear when asked', async () => {
    const { jar } = installTypicalCookies();
    installFakeBrowsingData(jar);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 }, { id: 9 }] as never);
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    const report = await clearSiteData({ reloadTabs: true, wholeCache: false });
    expect(report.reloadedTabs).toBe(2);
    expect(query).toHaveBeenCalledWith({ url: ['https://chatgpt.com/*', 'https://chat.openai.com/*'] });
    expect(reload.mock.calls.map((c) => c[0])).toEqual([4, 9]);
  });

  it('reloads just the given tab when it shows ChatGPT, and fails clearly when none is open', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValueOnce([{ id: 4 }, { id: 9 }] as never)
      .mockResolvedValueOnce([] as never);
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    expect(await reloadChatGpt(9)).toEqual({ reloaded: 1 });
    expect(reload).toHaveBeenCalledWith(9);
    await expect(reloadChatGpt(9)).rejects.toThrow('No ChatGPT tab is open.');
  });

  it('ranks extensions with the recorded blocked requests, and never disables itself', async () => {
    installFakeManagement([...extensions, { id: fakeBrowser.runtime.id, name: 'Error Doctor', enabled: true, type: 'extension' }]);
    const list = await listConflicts({ keepIds: [], records });
    expect(list[0]!.name).toBe('uBlock Origin Lite');
    expect(list[0]!.reasons[0]!.key).toBe('popup_conflict_reason_blockedSeen_one');
    expect(list.some((e) => e.id === fakeBrowser.runtime.id)).toBe(false);
    await expect(setConflictEnabled(fakeBrowser.runtime.id, false)).rejects.toThrow('does not disable itself');
  });

  it('disables and re-enables an extension, keeping it listed meanwhile', async () => {
    installFakeManagement(extensions);
    const id = 'vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp';
    expect(await setConflictEnabled(id, false)).toEqual({ enabled: false });
    expect((await listConflicts({ keepIds: [], records })).some((e) => e.id === id)).toBe(false);
    const kept = (await listConflicts({ keepIds: [id], records })).find((e) => e.id === id)!;
    expect(kept.enabled).toBe(false);
    expect(await setConflictEnabled(id, true)).toEqual({ enabled: true });
  });

  it('rejects odd requests with a clear message', async () => {
    installFakeManagement(extensions);
    await expect(setConflictEnabled('policypolicypolicypolicypolicypo', false)).rejects.toThrow('policy');
    await expect(setConflictEnabled('nope', false)).rejects.toThrow('No extension with id nope');
    await expect(openConflictPage('nope')).rejects.toThrow('no page to open');
    expect(await listConflicts({ keepIds: 'x' as unknown as string[], records })).toEqual(await listConflicts({ keepIds: [], records }));
  });

  it('opens an extension page in a tab', async () => {
    installFakeManagement(extensions);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openConflictPage('vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp')).toEqual({ url: 'chrome://extensions/?id=vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp' });
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/?id=vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp' });
  });
});
