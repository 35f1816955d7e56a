/**
 * What the verdict weighs of the installed extensions, at every open of a page: which ones look
 * like a blocker, VPN or proxy. The ranking (conflicts.ts) builds on the same functions, so the
 * two never disagree. Pure, like the ranking.
 *
 * A module apart from the ranking because it is a chunk boundary: the ranking loads lazily with
 * the extension list (fixes/conflicts.ts, from ui/conflict-list.tsx), and the bundler places a
 * module in one chunk whole, so a module both the page and that chunk import loads at open.
 * Merged into conflicts.ts, the popup measured 24,941 B gzip instead of 24,264 (the ranking's
 * code, loaded at every open).
 */
import type { ConflictKind, Suspect } from './conflict-entry';

/** The fields of `management.ExtensionInfo` the ranking reads (both browsers provide them). */
export interface ManagedExtension {
  id: string;
  name: string;
  description?: string;
  version?: string;
  type?: string;
  enabled: boolean;
  mayDisable?: boolean;
  permissions?: string[];
  hostPermissions?: string[];
  optionsUrl?: string;
  homepageUrl?: string;
}

/** Word patterns in names and descriptions; \b keeps "proxy" out of "proxyless" and "vpn" exact. */
const KIND_WORDS: ReadonlyArray<[ConflictKind, RegExp]> = [
  ['blocker', /\b(ad ?block(er)?|ublock|adguard|ghostery|privacy badger|tracker blocker|content blocker|block(s|ing)? ads?|no ?script)\b/i],
  ['vpn', /\bvpn\b/i],
  ['proxy', /\bproxy\b|\bproxies\b/i],
];

/** The kind its name or description gives it (blocker, VPN, proxy), if any. */
export function namedKind(ext: ManagedExtension): ConflictKind | undefined {
  const text = `${ext.name} ${ext.description ?? ''}`;
  return KIND_WORDS.find(([, re]) => re.test(text))?.[0];
}

/** A blocker, VPN or proxy by its name or description, a proxy by its permission, else other. */
export function suspectKind(ext: ManagedExtension): ConflictKind {
  return namedKind(ext) ?? (ext.permissions?.includes('proxy') ? 'proxy' : 'other');
}

/** The extensions worth naming: real extensions (not themes or apps), never this one, enabled or kept. */
export function candidates(extensions: readonly ManagedExtension[], selfId: string, keepIds: readonly string[] = []): ManagedExtension[] {
  return extensions
    .filter((e) => e && typeof e.id === 'string' && typeof e.name === 'string')
    .filter((e) => e.id !== selfId && (e.type ?? 'extension') === 'extension' && (e.enabled || keepIds.includes(e.id)));
}

/**
 * What the verdict weighs, without the ranking: the enabled extensions and whether each looks like
 * a blocker, VPN or proxy. Its kinds are the ranking's, so the verdict does not change once the
 * list is ranked; it is a fraction of the code, so a page can run it at every open.
 */
export function suspects(extensions: readonly ManagedExtension[], selfId: string): Suspect[] {
  return candidates(extensions, selfId).map((e) => ({ name: e.name, kind: suspectKind(e), enabled: e.enabled }));
}
