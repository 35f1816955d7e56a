import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockedByClientCount, rankConflicts } from '../../src/core/conflicts';
import { suspects, type ManagedExtension } from '../../src/core/suspects';
import type { ErrorRecord } from '../../src/core/error-record';
import { extensionsFixture } from '../support/fakes/management';
import { makeRecord } from '../support/records';

const chrome = extensionsFixture('chrome-typical');
const firefox = extensionsFixture('firefox-typical');
const CHROME_SELF = 'selfselfselfselfselfselfselfself';

/** A request an extension blocked on ChatGPT's API (not telemetry). */
function record(over: Partial<ErrorRecord> = {}): ErrorRecord {
  return makeRecord(5, { id: 'r1', path: '/backend-api/f/conversation', telemetry: false, ...over });
}

describe('rankConflicts over management.getAll() fixtures', () => {
  const ranked = rankConflicts(chrome, { selfId: CHROME_SELF, browser: 'chrome', records: [] });
  const ids = ranked.map((e) => e.name);

  it('never lists this extension, disabled ones, themes or apps', () => {
    expect(ids).not.toContain('Error Doctor');
    expect(ids).not.toContain('Old Ad Blocker');
    expect(ids).not.toContain('Dark Theme');
    expect(ids).not.toContain('Some App');
    expect(ranked).toHaveLength(6);
  });

  it('puts the VPN with proxy and all-sites access first, harmless notes last', () => {
    expect(ids[0]).toBe('Fast Free VPN');
    expect(ids.at(-1)).toBe('Quick Notes');
    expect(ranked.at(-1)!.reasons).toEqual([{ key: 'popup_conflict_reason_none' }]);
    expect(ranked.at(-1)!.score).toBe(0);
    const vpn = ranked[0]!;
    expect(vpn.kind).toBe('vpn');
    expect(vpn.reasons.map((r) => r.key)).toEqual(['popup_conflict_reason_vpn', 'popup_conflict_reason_proxyPermission', 'popup_conflict_reason_allSites']);
  });

  it('explains each entry with its reasons', () => {
    const ubol = ranked.find((e) => e.name === 'uBlock Origin Lite')!;
    expect(ubol.kind).toBe('blocker');
    expect(ubol.reasons).toContainEqual({ key: 'popup_conflict_reason_blocking', subs: ['declarativeNetRequest'] });
    const exporter = ranked.find((e) => e.name === 'ChatGPT Exporter')!;
    expect(exporter.kind).toBe('chatgpt-access');
    expect(exporter.reasons).toEqual([{ key: 'popup_conflict_reason_chatgptAccess' }]);
    const grammar = ranked.find((e) => e.name === 'Grammar Helper')!;
    expect(grammar.kind).toBe('broad-access');
    const corp = ranked.find((e) => e.name === 'Corporate Proxy Helper')!;
    expect(corp.kind).toBe('proxy');
    expect(corp.canDisable).toBe(false); // mayDisable: false (admin policy)
  });

  it('sorts by score, highest first', () => {
    const scores = ranked.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('lets recorded ERR_BLOCKED_BY_CLIENT failures push blockers to the top', () => {
    const withBlocked = rankConflicts(chrome, { selfId: CHROME_SELF, browser: 'chrome', records: [record(), record({ id: 'r2' })] });
    expect(withBlocked[0]!.name).toBe('uBlock Origin Lite');
    expect(withBlocked[0]!.reasons[0]).toEqual({ key: 'popup_conflict_reason_blockedSeen_other', subs: ['2'] });
    // The VPN cannot block requests: it does not jump.
    expect(withBlocked.find((e) => e.name === 'Fast Free VPN')!.reasons[0]!.key).toBe('popup_conflict_reason_vpn');
  });

  it("counts Firefox's NS_ERROR_ABORT (a request an extension cancelled) like Chrome's blocked-by-client", () => {
    expect(blockedByClientCount([record({ error: 'NS_ERROR_ABORT' }), record({ error: 'NS_BINDING_ABORTED' }), record({ error: 'net::ERR_FAILED' })])).toBe(1);
  });

  it('ignores blocked telemetry: blockers block it on purpose', () => {
    expect(blockedByClientCount([record({ telemetry: true, path: '/ces/v1/t' })])).toBe(0);
    const ranked2 = rankConflicts(chrome, { selfId: CHROME_SELF, browser: 'chrome', records: [record({ telemetry: true })] });
    expect(ranked2[0]!.name).toBe('Fast Free VPN');
  });

  it('keeps an extension the user just disabled here, so it can be re-enabled', () => {
    const kept = rankConflicts(chrome, { selfId: CHROME_SELF, browser: 'chrome', records: [], keepIds: ['disableddisableddisableddisabled'] });
    const old = kept.find((e) => e.name === 'Old Ad Blocker')!;
    expect(old.enabled).toBe(false);
    expect(old.kind).toBe('blocker');
  });

  it('offers disabling in Chrome with a chrome://extensions page', () => {
    const vpn = ranked[0]!;
    expect(vpn.canDisable).toBe(true);
    expect(vpn.manageUrl).toBe('chrome://extensions/?id=vpnvpnvpnvpnvpnvpnvpnvpnvpnvpnvp');
  });

  it('in Firefox offers the options or home page instead of disabling', () => {
    const ff = rankConflicts(firefox, { selfId: 'error-doctor@error-doctor.dev', browser: 'firefox', records: [] });
    expect(ff.map((e) => e.name)).toEqual(['uBlock Origin', 'Notes']);
    expect(ff[0]!.canDisable).toBe(false);
    expect(ff[0]!.manageUrl).toBe('moz-extension://1234/dashboard.html');
    expect(ff[1]!.manageUrl).toBeNull();
  });

  it('survives odd input without throwing', () => {
    const odd = [
      null,
      {},
      { id: 'x' },
      { id: 'y', name: 'Y', enabled: true, permissions: undefined, hostPermissions: ['not a pattern'] },
    ] as unknown as ManagedExtension[];
    const out = rankConflicts(odd, { selfId: 'z', browser: 'chrome', records: [] });
    expect(out.map((e) => e.id)).toEqual(['y']);
    expect(out[0]!.version).toBe('');
  });

  it('ranks 500 extensions quickly', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...chrome[i % chrome.length]!, id: `id${i}` }));
    const t0 = performance.now();
    expect(rankConflicts(many, { selfId: 'none', browser: 'chrome', records: [] }).length).toBeGreaterThan(250);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('suspects: what the verdict weighs, read at every open without the ranking', () => {
  /** The verdict reads only blockers, VPNs and proxies; every other kind is "other" to it. */
  const forVerdict = (kind: string) => (['blocker', 'vpn', 'proxy'].includes(kind) ? kind : 'other');

  it('names the same extensions, with the kinds the ranking gives them', () => {
    for (const [list, selfId, browser] of [
      [chrome, CHROME_SELF, 'chrome'],
      [firefox, 'error-doctor@example.org', 'firefox'],
    ] as const) {
      const ranked = rankConflicts(list, { selfId, browser, records: [] });
      const found = suspects(list, selfId);
      expect(found.map((s) => s.name).sort()).toEqual(ranked.map((e) => e.name).sort());
      for (const s of found) expect(s.kind).toBe(forVerdict(ranked.find((e) => e.name === s.name)!.kind));
    }
    expect(suspects(chrome, CHROME_SELF).find((s) => s.name === 'Fast Free VPN')).toEqual({ name: 'Fast Free VPN', kind: 'vpn', enabled: true });
  });

  it('agrees with the ranking on any list management.getAll() could return', () => {
    const word = fc.constantFrom('VPN', 'proxy', 'uBlock', 'AdGuard', 'ad blocker', 'proxyless', 'Notes', 'Tabs', '');
    const ext = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`.trim()),
      description: fc.option(word, { nil: undefined }),
      type: fc.constantFrom('extension', 'theme', undefined),
      enabled: fc.boolean(),
      permissions: fc.option(fc.subarray(['proxy', 'webRequest', 'declarativeNetRequest', 'storage']), { nil: undefined }),
      hostPermissions: fc.option(fc.subarray(['<all_urls>', 'https://chatgpt.com/*']), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(ext, { selector: (e) => e.id, maxLength: 8 }), (list) => {
        const ranked = rankConflicts(list, { selfId: 'self', browser: 'chrome', records: [] });
        const kinds = (entries: ReadonlyArray<{ name: string; kind: string; enabled: boolean }>) =>
          entries.map((e) => `${e.name}|${forVerdict(e.kind)}|${e.enabled}`).sort();
        expect(kinds(suspects(list, 'self'))).toEqual(kinds(ranked));
      }),
      { numRuns: 500 },
    );
  });
});
