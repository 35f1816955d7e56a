/**
 * An installed extension that may break ChatGPT, as ranked by ./conflicts.ts from
 * `management.getAll()` and the recorded failures. Reasons are i18n keys with substitutions,
 * so the pure ranking never needs the browser to word them.
 */
export type ConflictKind = 'blocker' | 'vpn' | 'proxy' | 'rewriter' | 'broad-access' | 'chatgpt-access' | 'other';

export interface ConflictReason {
  key: string;
  subs?: string[];
}

export interface ConflictEntry {
  id: string;
  name: string;
  version: string;
  /** Higher is likelier to break ChatGPT; entries come sorted by it. */
  score: number;
  kind: ConflictKind;
  reasons: ConflictReason[];
  enabled: boolean;
  /** Chrome can disable other extensions; Firefox only themes (management.setEnabled). */
  canDisable: boolean;
  /** Where to manage it when it cannot be disabled from here. */
  manageUrl: string | null;
}

/**
 * What the verdict needs of an extension: whether it looks like a blocker, VPN or proxy. Pages
 * find these at open (src/core/suspects.ts); the full ranking loads with the list.
 */
export type Suspect = Pick<ConflictEntry, 'name' | 'kind' | 'enabled'>;
