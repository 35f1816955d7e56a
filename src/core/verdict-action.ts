import type { CauseId } from './diagnosis';

/**
 * The fix a verdict carries as its button, by cause: the one its "what to do" names first.
 * A cause without one (all clear, harmless telemetry) shows none. A new cause needs one line.
 */
export type VerdictAction = 'clear-site-data' | 'extensions' | 'status' | 'reload';

const ACTIONS: Partial<Record<CauseId, VerdictAction>> = {
  'openai-incident': 'status',
  'page-failed': 'status',
  'signin-down': 'status',
  overload: 'status',
  gateway: 'reload',
  // Its fix names a VPN or proxy first: the extensions list shows the ones installed.
  'cloudflare-check': 'extensions',
  'cloudflare-page': 'clear-site-data',
  'session-expired': 'clear-site-data',
  'blocked-by-extension': 'extensions',
  'proxy-vpn': 'extensions',
  'offline-dns': 'reload',
  'local-only': 'clear-site-data',
  'one-endpoint': 'reload',
  // A tie between the two sides: the status page settles it at no cost, so it comes first.
  mixed: 'status',
  unknown: 'reload',
};

export function verdictAction(id: CauseId): VerdictAction | null {
  return ACTIONS[id] ?? null;
}
