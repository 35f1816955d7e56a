import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorRecord } from '../../src/core/error-record';
import { openConflictPage } from '../../src/fixes/conflict-actions';
import { listConflicts } from '../../src/fixes/conflicts';
import { clearSiteData, currentPlan } from '../../src/fixes/site-data-clearer';
import { isFirefox } from '../../src/platform/browser';
import { setExtensionEnabled } from '../../src/platform/extensions';
import { showNotification } from '../../src/platform/notifications';
import { installFakeBrowsingData } from '../support/fakes/browsing-data';
import { installTypicalCookies } from '../support/fakes/cookies';
import { extensionsFixture, installFakeManagement } from '../support/fakes/management';
import { installFakeNotifications } from '../support/fakes/notifications';

/**
 * The Firefox branches of the fixes, over fakeBrowser with `isFirefox()` true. The real-browser
 * proof of the same is test/e2e/popup-fixes.test.ts; these pin each difference down
 * without a browser: hostnames not origins, no per-site cache, no disabling other extensions.
 */
const firefoxExtensions = extensionsFixture('firefox-typical');
/** The page holds one request another extension cancelled, in Firefox's word (measured in Firefox ESR). */
const records = [{ error: 'NS_ERROR_ABORT', telemetry: false } as ErrorRecord];

describe('Firefox branches of the fixes', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.mocked(isFirefox).mockReturnValue(true);
  });
  afterEach(() => {
    vi.mocked(isFirefox).mockReturnValue(false);
  });

  it('previews a plan without per-site cache, naming the same sites to sign out of', async () => {
    const plan = currentPlan();
    expect(plan).toMatchObject({ browser: 'firefox', cachePerSite: false, signedOut: ['chatgpt.com', 'chat.openai.com'] });
    expect(plan.dataTypes).not.toContain('cache');
  });

  it('clears by hostnames only (Firefox rejects origins), never the cache unless asked, and keeps openai.com and other sites', async () => {
    const { jar } = installTypicalCookies();
    const { calls, state } = installFakeBrowsingData(jar);
    const report = await clearSiteData({ reloadTabs: false, wholeCache: false });
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.options).not.toHaveProperty('origins');
      expect(call.options.hostnames!.every((h) => !h.includes('*') && !h.includes('/'))).toBe(true);
      expect(call.dataTypes).not.toHaveProperty('cache');
      expect(call.dataTypes).not.toHaveProperty('cacheStorage');
    }
    // chat.openai.com's cookies go host by host: a hostname filter on it would be fine, but the
    // cookie sweep is what keeps `.openai.com` (shared with the platform) in both browsers.
    expect(jar.map((c) => c.name).sort()).toEqual(['control', 'platform', 'shared']);
    expect(report).toMatchObject({ verified: true, wholeCacheCleared: false, failures: [] });
    expect(state.cacheCleared).toBe(0);
  });

  it('clears the whole cache, every site, only as the explicit choice', async () => {
    const { jar } = installTypicalCookies();
    const { state } = installFakeBrowsingData(jar);
    const report = await clearSiteData({ reloadTabs: false, wholeCache: true });
    expect(report.wholeCacheCleared).toBe(true);
    expect(state.cacheCleared).toBe(1);
  });

  it('says the whole cache was not cleared when Firefox refuses, and still clears the cookies', async () => {
    const { jar } = installTypicalCookies();
    const { state } = installFakeBrowsingData(jar);
    state.fail = 'browsingData.removeCache failed';
    const report = await clearSiteData({ reloadTabs: false, wholeCache: true });
    expect(report.wholeCacheCleared).toBe(false);
    expect(report.failures.some((f) => f.startsWith('cache: '))).toBe(true);
    expect(report.verified).toBe(true);
  });

  it('ranks a blocker first from NS_ERROR_ABORT records, offers no disabling, and opens its options page instead', async () => {
    installFakeManagement(firefoxExtensions);
    const list = await listConflicts({ keepIds: [], records });
    expect(list[0]!.name).toBe('uBlock Origin');
    expect(list[0]!.reasons[0]).toEqual({ key: 'popup_conflict_reason_blockedSeen_one', subs: ['1'] });
    expect(list.every((e) => !e.canDisable)).toBe(true);
    expect(list.some((e) => e.name === 'System theme')).toBe(false); // themes are the one thing Firefox could disable
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openConflictPage('uBlock0@raymondhill.net')).toEqual({ url: 'moz-extension://1234/dashboard.html' });
    expect(create).toHaveBeenCalledWith({ url: 'moz-extension://1234/dashboard.html' });
  });

  it('points to the Add-ons Manager when an extension has no page (about:addons cannot be opened by extensions)', async () => {
    installFakeManagement(firefoxExtensions);
    const notes = (await listConflicts({ keepIds: [], records })).find((e) => e.id === 'notes@example.org')!;
    expect(notes.manageUrl).toBeNull();
    await expect(openConflictPage('notes@example.org')).rejects.toMatchObject({ code: 'no-page', message: expect.stringContaining('Add-ons Manager') });
  });
});

describe('Firefox platform adapters', () => {
  beforeEach(() => fakeBrowser.reset());

  it('setExtensionEnabled passes on Firefox’s refusal for a non-theme, so the UI never offers it there', async () => {
    const { management } = installFakeManagement(firefoxExtensions);
    // Firefox: "setEnabled can only be used for themes" (management.setEnabled on an extension).
    vi.spyOn(management, 'setEnabled').mockRejectedValue(new Error('setEnabled can only be used for themes'));
    await expect(setExtensionEnabled('notes@example.org', false)).rejects.toThrow('only be used for themes');
  });

  it('notifications are basic, with no buttons (Firefox supports neither templates nor buttons)', async () => {
    const fake = installFakeNotifications();
    await showNotification('edr-test', 'Title', 'Message');
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]!.options).toMatchObject({ type: 'basic', title: 'Title', message: 'Message' });
    expect(Object.keys(fake.created[0]!.options).sort()).toEqual(['iconUrl', 'message', 'title', 'type']);
  });
});
