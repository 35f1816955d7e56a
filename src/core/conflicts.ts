/**
 * Ranks the installed extensions by how likely they are to break ChatGPT, from what
 * `management.getAll()` says about them and from the recorded failures. Pure: the platform
 * adapter hands over plain objects shaped like `management.ExtensionInfo`.
 */
import type { ConflictEntry, ConflictReason } from './conflict-entry';
import type { ErrorRecord } from './error-record';
import { candidates, namedKind, suspectKind, type ManagedExtension } from './suspects';
import { pluralKey } from './plural';

export interface RankOptions {
  selfId: string;
  browser: 'chrome' | 'firefox';
  records: readonly ErrorRecord[];
  /** Disabled extensions to keep listed (the user just disabled them here and may re-enable). */
  keepIds?: readonly string[];
}

const CHATGPT_HOSTS = ['chatgpt.com', 'chat.openai.com', 'openai.com', 'oaistatic.com', 'oaiusercontent.com'];
const ALL_SITES = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
const BLOCKING_PERMISSIONS = ['declarativeNetRequest', 'declarativeNetRequestWithHostAccess', 'webRequestBlocking'];

/** Host patterns as given by the manifest: `*://*.chatgpt.com/*`, `https://chat.openai.com/*`. */
function patternHost(pattern: string): string {
  const match = /^[^:]+:\/\/([^/]*)/.exec(pattern);
  return (match?.[1] ?? '').toLowerCase().replace(/^\*\.?/, '');
}

function touchesChatGpt(pattern: string): boolean {
  const host = patternHost(pattern);
  return CHATGPT_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/**
 * How each browser names a request another extension cancelled: Chrome's net error, and Firefox's
 * NS_ERROR_ABORT (a page's own abort there is NS_BINDING_ABORTED, never recorded; see classify.ts).
 */
const BLOCKED_BY_EXTENSION = ['net::ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT'];

/** Blocked-by-client failures of ChatGPT itself (telemetry is blocked on purpose: not a breakage). */
export function blockedByClientCount(records: readonly ErrorRecord[]): number {
  return records.filter((r) => r.error !== null && BLOCKED_BY_EXTENSION.includes(r.error) && !r.telemetry).length;
}

export function rankOne(ext: ManagedExtension, browser: RankOptions['browser'], blockedSeen: number): ConflictEntry {
  const permissions = ext.permissions ?? [];
  const hosts = ext.hostPermissions ?? [];
  const reasons: ConflictReason[] = [];
  let score = 0;
  let kind = suspectKind(ext);

  const named = namedKind(ext);
  if (named) {
    score += 30;
    reasons.push({ key: `popup_conflict_reason_${named}` });
  }
  if (permissions.includes('proxy')) {
    score += 30;
    reasons.push({ key: 'popup_conflict_reason_proxyPermission' });
  }
  const blocking = permissions.filter((p) => BLOCKING_PERMISSIONS.includes(p));
  if (blocking.length) {
    score += 25;
    if (kind === 'other') kind = 'rewriter';
    reasons.push({ key: 'popup_conflict_reason_blocking', subs: [blocking.join(', ')] });
  } else if (permissions.includes('webRequest')) {
    score += 10;
    reasons.push({ key: 'popup_conflict_reason_webRequest' });
  }
  if (hosts.some((h) => ALL_SITES.includes(h))) {
    score += 20;
    if (kind === 'other') kind = 'broad-access';
    reasons.push({ key: 'popup_conflict_reason_allSites' });
  } else if (hosts.some(touchesChatGpt)) {
    score += 25;
    if (kind === 'other') kind = 'chatgpt-access';
    reasons.push({ key: 'popup_conflict_reason_chatgptAccess' });
  }
  // A failure "blocked by client" means some extension blocked the request: the ones able to
  // block jump to the top.
  if (blockedSeen > 0 && (kind === 'blocker' || blocking.length > 0)) {
    score += 100;
    reasons.unshift({ key: pluralKey('popup_conflict_reason_blockedSeen', blockedSeen), subs: [String(blockedSeen)] });
  }
  if (!reasons.length) reasons.push({ key: 'popup_conflict_reason_none' });

  const firefox = browser === 'firefox';
  return {
    id: ext.id,
    name: ext.name,
    version: ext.version ?? '',
    score,
    kind,
    reasons,
    enabled: ext.enabled,
    // Firefox lets extensions disable only themes (management.setEnabled), and themes are skipped.
    canDisable: !firefox && ext.mayDisable !== false,
    manageUrl: firefox ? ext.optionsUrl || ext.homepageUrl || null : `chrome://extensions/?id=${encodeURIComponent(ext.id)}`,
  };
}

/** The enabled extensions (never this one, never themes or apps), likeliest culprit first. */
export function rankConflicts(extensions: readonly ManagedExtension[], options: RankOptions): ConflictEntry[] {
  const blockedSeen = blockedByClientCount(options.records);
  return candidates(extensions, options.selfId, options.keepIds)
    .map((e) => rankOne(e, options.browser, blockedSeen))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
