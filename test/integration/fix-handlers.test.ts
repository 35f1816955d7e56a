import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixHandlers } from '../../src/background/fix-handlers';
import type { LogStore } from '../../src/background/log-store';
import type { ManagedExtension } from '../../src/core/conflicts';
import type { ErrorRecord } from '../../src/core/error-record';
import { installFakeBrowsingData } from '../support/fakes/browsing-data';
import { installTypicalCookies } from '../support/fakes/cookies';
import { installFakeManagement } from '../support/fakes/management';

/** The popup's fix handlers over fakeBrowser with fake cookies, browsingData and management (Chrome mode). */
const extensions = JSON.parse(readFileSync('test/fixtures/extensions-list/chrome-typical.json', 'utf8')) as ManagedExtension[];
const blocked = { error: 'net::ERR_BLOCKED_BY_CLIENT', telemetry: false } as ErrorRecord;
const logStore = { current: async () => ({ records: [blocked], dropped: 0, notice: null, bytes: 0 }) } as unknown as LogStore;

const seedCookies = installTypicalCookies;

describe('fix handlers', () => {
  let handlers: ReturnType<typeof fixHandlers>;
  beforeEach(() => {
    fakeBrowser.reset();
    handlers = fixHandlers({ logStore });
  });

  it('previews the Chrome plan without touching anything', async () => {
    const { jar } = seedCookies();
    const { calls } = installFakeBrowsingData(jar);
    const plan = await handlers['site/preview']();
    expect(plan.signedOut).toEqual(['chatgpt.com', 'chat.openai.com']);
    expect(calls).toEqual([]);
    expect(jar).toHaveLength(7);
  });

  it('clears ChatGPT only: chatgpt.com by origin, chat.openai.com host by host; openai.com and other sites stay', async () => {
    const { jar } = seedCookies();
    const { calls } = installFakeBrowsingData(jar);
    const report = await handlers['site/clear']({ reloadTabs: false, wholeCache: false });
    expect(jar.map((c) => c.name).sort()).toEqual(['control', 'platform', 'shared']);
    expect(report).toMatchObject({ verified: true, remainingCookies: {}, failures: [], reloadedTabs: 0, wholeCacheCleared: false });
    expect(report.cookiesBefore).toEqual({ 'chatgpt.com': 1, '.chatgpt.com': 1, 'ab.chatgpt.com': 1, 'chat.openai.com': 1 });
    expect(report.removedCookies).toEqual({ 'chat.openai.com': 1 }); // the rest went with browsingData
    expect(calls.flatMap((c) => c.options.origins ?? []).filter((o) => o.includes('openai.com') && calls.find((x) => x.options.origins?.includes(o))!.dataTypes.cookies)).toEqual([]);
    expect(calls.every((c) => c.options.since === 0 && !c.options.hostnames)).toBe(true);
  });

  it('still sweeps cookies and says what failed when browsingData rejects', async () => {
    const { jar } = seedCookies();
    const { state } = installFakeBrowsingData(jar);
    state.fail = 'Invalid value for argument 1';
    const report = await handlers['site/clear']({ reloadTabs: false, wholeCache: true });
    expect(report.failures.some((f) => f.includes('Invalid value for argument 1'))).toBe(true);
    expect(report.verified).toBe(true); // the cookies API got them all
    expect(report.wholeCacheCleared).toBe(false); // Chrome clears the cache per site: never the whole cache
    expect(jar.map((c) => c.name).sort()).toEqual(['control', 'platform', 'shared']);
  });

  it('reports a cookie that would not go as unverified, with its domain', async () => {
    const { jar, failRemove } = seedCookies();
    installFakeBrowsingData([]); // browsingData removes nothing here
    failRemove.add('flags');
    const report = await handlers['site/clear']({ reloadTabs: false, wholeCache: false });
    expect(report.verified).toBe(false);
    expect(report.remainingCookies).toEqual({ 'ab.chatgpt.com': 1 });
    expect(report.failures).toContain('cookie ab.chatgpt.com');
    expect(jar.map((c) => c.name)).toContain('flags');
  });

  it('reloads ChatGPT tabs after the clear when asked', async () => {
    const { jar } = seedCookies();
    installFakeBrowsingData(jar);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 }, { id: 9 }] as never);
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    const report = await handlers['site/clear']({ reloadTabs: true, wholeCache: false });
    expect(report.reloadedTabs).toBe(2);
    expect(query).toHaveBeenCalledWith({ url: ['https://chatgpt.com/*', 'https://chat.openai.com/*'] });
    expect(reload.mock.calls.map((c) => c[0])).toEqual([4, 9]);
  });

  it('reloads just the given tab when it shows ChatGPT, and fails clearly when none is open', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce([{ id: 4 }, { id: 9 }] as never).mockResolvedValueOnce([] as never);
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    expect(await handlers['tabs/reload-chatgpt']({ tabId: 9 })).toEqual({ reloaded: 1 });
    expect(reload).toHaveBeenCalledWith(9);
    await expect(handlers['tabs/reload-chatgpt']({ tabId: 9 })).rejects.toThrow('No ChatGPT tab is open.');
  });

  it('ranks extensions with the recorded blocked requests, and never disables itself', async () => {
    installFakeManagement([...extensions, { id: fakeBrowser.runtime.id, name: 'Error Doctor', enabled: true, type: 'extension' }]);
    const list = await handlers['conflicts/list']({ keepIds: [] });
    expect(list[0]!.name).toBe('uBlock Origin Lite');
    expect(list[0]!.reasons[0]!.key).toBe('popup_conflict_reason_blockedSeen');
    expect(list.some((e) => e.id === fakeBrowser.runtime.id)).toBe(false);
    await expect(handlers['conflicts/set-enabled']({ id: fakeBrowser.runtime.id, enabled: false })).rejects.toThrow('does not disable itself');
  });

  it('disables and re-enables an extension, keeping it listed meanwhile', async () => {
    installFakeManagement(extensions);
    const id = 'vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp';
    expect(await handlers['conflicts/set-enabled']({ id, enabled: false })).toEqual({ enabled: false });
    expect((await handlers['conflicts/list']({ keepIds: [] })).some((e) => e.id === id)).toBe(false);
    const kept = (await handlers['conflicts/list']({ keepIds: [id] })).find((e) => e.id === id)!;
    expect(kept.enabled).toBe(false);
    expect(await handlers['conflicts/set-enabled']({ id, enabled: true })).toEqual({ enabled: true });
  });

  it('rejects odd requests with a clear message', async () => {
    installFakeManagement(extensions);
    await expect(handlers['conflicts/set-enabled']({ id: 'policypolicypolicypolicypolicypo', enabled: false })).rejects.toThrow('policy');
    await expect(handlers['conflicts/set-enabled']({ id: 'nope', enabled: false })).rejects.toThrow('No extension with id nope');
    await expect(handlers['conflicts/open-page']({ id: 'nope' })).rejects.toThrow('no page to open');
    expect(await handlers['conflicts/list']({ keepIds: 'x' as unknown as string[] })).toEqual(await handlers['conflicts/list']({ keepIds: [] }));
  });

  it('opens an extension page in a tab', async () => {
    installFakeManagement(extensions);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await handlers['conflicts/open-page']({ id: 'vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp' })).toEqual({ url: 'chrome://extensions/?id=vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp' });
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/?id=vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp' });
  });
});
