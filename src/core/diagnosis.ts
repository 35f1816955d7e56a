import type { Suspect } from './conflict-entry';
import type { StatusSnapshot } from './status';
import { CHECK_LOOP_MIN, CHECK_LOOP_MS, count, gatherFacts, type DiagnosisFacts } from './diagnosis-facts';
import type { ErrorRecord } from './error-record';
import { pluralKey } from './plural';
import { tallyFromMinutes, tallyRecords, type MinuteTally } from './window-tally';

export type CauseSide = 'openai' | 'user' | 'either' | 'none';

export interface Evidence {
  key: string;
  subs?: string[];
}

export interface Cause {
  id: CauseId;
  /** 0..1; comparable between causes of one diagnosis, not a calibrated probability. */
  confidence: number;
  side: CauseSide;
  titleKey: string;
  detailKey: string;
  fixKey: string;
  evidence: Evidence[];
  retryAfterSec?: number | null;
}

export interface DiagnosisInput {
  /** The whole log; the diagnosis picks the recent window itself. */
  records: readonly ErrorRecord[];
  /** The window already counted per tab and minute (the popup's first frame): used instead of `records`. */
  minutes?: readonly MinuteTally[];
  now: number;
  status: StatusSnapshot | null;
  conflicts: readonly Suspect[] | null;
  /** Only this tab's failures when set. */
  tabId?: number | null;
}

export interface Diagnosis {
  verdict: Cause;
  /** Best first; never empty. */
  causes: Cause[];
  /** The status page itself reports an outage (fresh or not): only then does any text say "outage". */
  outageReported: boolean;
}

/** Below this the best guess is not worth stating as the verdict. */
const MIN_VERDICT = 0.35;
/** Causes weaker than this are not listed at all. */
const MIN_LISTED = 0.1;
/** Two causes this close are a tie: on opposite sides, the verdict says it could be either. */
const CLOSE = 0.1;

/**
 * Every cause and whose side it is on. The key order is the tie-break order (see diagnose), so
 * the ids are listed once, here, rather than again in a separate array.
 */
const SIDES = {
  'openai-incident': 'openai',
  'page-failed': 'openai',
  'signin-down': 'openai',
  overload: 'openai',
  gateway: 'openai',
  'cloudflare-check': 'user',
  'answer-failed': 'either',
  'cloudflare-page': 'user',
  'session-expired': 'user',
  'blocked-by-extension': 'user',
  'proxy-vpn': 'user',
  'offline-dns': 'user',
  'local-only': 'user',
  'one-endpoint': 'either',
  'telemetry-only': 'none',
  'all-clear': 'none',
  mixed: 'either',
  unknown: 'either',
} as const satisfies Record<string, CauseSide>;

export type CauseId = keyof typeof SIDES;
// Pure: only tests read the list, and a bare Object.keys call would stay in every bundle.
export const CAUSE_IDS = /* @__PURE__ */ Object.keys(SIDES) as readonly CauseId[];

function cause(id: CauseId, confidence: number, evidence: Evidence[], extra: Partial<Cause> = {}): Cause {
  const stem = `diag_${id.replace(/-/g, '_')}`;
  return {
    id,
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100,
    side: SIDES[id],
    titleKey: `${stem}_title`,
    detailKey: `${stem}_detail`,
    fixKey: `${stem}_fix`,
    evidence,
    ...extra,
  };
}

/** A category that alone explains `share` of the failures: at least 0.45, nearly 0.95 when it is all of them. */
function categoryScore(n: number, total: number, floor = 0.45): number {
  return n > 0 && total > 0 ? floor + (0.95 - floor) * (n / total) : 0;
}

const ev = (key: string, ...subs: Array<string | number>): Evidence => (subs.length ? { key, subs: subs.map(String) } : { key });
/** Evidence that counts: its message by the plural rules, the count first. */
const evn = (key: string, n: number, ...subs: Array<string | number>): Evidence => ev(pluralKey(key, n), n, ...subs);

export function statusEvidence(f: DiagnosisFacts): Evidence[] {
  const s = f.status;
  if (s.kind === 'none') return [ev('diag_ev_status_none')];
  if (s.kind === 'unknown') return [ev('diag_ev_status_unknown', s.reason)];
  const out = [s.outage === 'none' ? ev('diag_ev_status_operational') : ev('diag_ev_status_outage', s.description || s.outage)];
  for (const name of s.incidents.slice(0, 3)) out.push(ev('diag_ev_incident', name));
  for (const c of s.components.slice(0, 3)) out.push(ev('diag_ev_component', c.name, c.status));
  if (s.stale) out.push(ev('diag_ev_status_stale', s.ageMin));
  return out;
}

const OUTAGE_BASE = { none: 0, minor: 0.3, major: 0.6, critical: 0.7 } as const;

function incident(f: DiagnosisFacts, total: number): Cause | null {
  const serverish = count(f, 'server', 'gateway', 'overload');
  const s = f.status;
  const evidence = statusEvidence(f);
  if (serverish) evidence.push(evn('diag_ev_server_side', serverish));
  if (f.endpoints.size >= 3 && serverish) evidence.push(evn('diag_ev_many_endpoints', f.endpoints.size));
  // "Voice mode is down (status page), and your failures are voice requests": the page's own
  // component, matched by id to the requests that depend on it.
  let matched = 0;
  if (s.kind === 'known') {
    for (const c of s.components) {
      const n = f.byFeature.get(c.id) ?? 0;
      if (!n) continue;
      matched += n;
      evidence.unshift(evn('diag_ev_feature_down', n, c.name));
    }
  }
  let confidence: number;
  if (s.kind === 'known' && s.outage !== 'none') {
    const base = OUTAGE_BASE[s.outage] * (s.stale ? 0.6 : 1);
    if (!total) confidence = base * 0.9;
    else if (!serverish) {
      // The status page says OpenAI is down, but every failure here is of another kind:
      // the outage is real, yet not what breaks this browser.
      confidence = base * 0.5;
      evidence.push(ev('diag_ev_not_server_side'));
    } else confidence = base + 0.3 * (serverish / total);
    // Failures of the very feature the page reports down are the strongest tie there is.
    if (matched) confidence = Math.max(confidence, 0.6 + 0.35 * (matched / total));
  } else if (!serverish) return null;
  else if (s.kind === 'known' && !s.stale) {
    // Status pages lag an outage by minutes, so server errors keep a small chance even now.
    confidence = 0.2 * (serverish / total);
    evidence.push(ev('diag_ev_status_lags'));
  } else confidence = (serverish / total) * (f.endpoints.size >= 2 ? 0.6 : 0.4);
  // "Outage" only where the status page reports one; otherwise the words say what was seen.
  const reported = s.kind === 'known' && s.outage !== 'none';
  return cause(
    'openai-incident',
    confidence,
    evidence,
    reported ? {} : { titleKey: 'diag_openai_failing_title', detailKey: 'diag_openai_failing_detail', fixKey: 'diag_openai_failing_fix' },
  );
}

function overload(f: DiagnosisFacts, total: number): Cause | null {
  const n503 = count(f, 'overload');
  const n429 = count(f, 'rate-limit');
  if (!n503 && !n429) return null;
  const evidence: Evidence[] = [];
  if (n503) evidence.push(evn('diag_ev_503', n503));
  if (n429) evidence.push(evn('diag_ev_429', n429));
  if (f.retryAfterSec !== null) evidence.push(ev('diag_ev_retry_after', f.retryAfterSec));
  const confidence = categoryScore(n503 + n429, total) + (f.retryAfterSec !== null ? 0.03 : 0);
  // Mostly 429s: the limit may be this account's usage, not OpenAI's capacity.
  return cause('overload', confidence, evidence, { side: n429 > n503 ? 'either' : 'openai', retryAfterSec: f.retryAfterSec });
}

function single(id: CauseId, n: number, total: number, evidenceKey: string): Cause | null {
  return n ? cause(id, categoryScore(n, total), [evn(evidenceKey, n)]) : null;
}

/**
 * Cloudflare asks this browser to prove it is a person. Its causes are on this side: a VPN or
 * proxy address with a poor reputation, extensions that hide the browser's traits, blocked
 * cookies (the pass is a cookie), an old browser. Three within 10 minutes are a loop.
 */
function cloudflareCheck(f: DiagnosisFacts, total: number): Cause | null {
  const { n, loop, ray } = f.checks;
  if (!n) return null;
  const looping = loop >= CHECK_LOOP_MIN;
  const evidence = [evn('diag_ev_cf_check', n)];
  if (looping) evidence.push(evn('diag_ev_cf_loop', loop, CHECK_LOOP_MS / 60_000));
  if (ray) evidence.push(ev('diag_ev_cf_ray', ray));
  for (const name of f.tunnels.slice(0, 2)) evidence.push(ev('diag_ev_tunnel_installed', name));
  for (const name of f.blockers.slice(0, 2)) evidence.push(ev('diag_ev_blocker_installed', name));
  // Above a Cloudflare page of the same count: the header says what the page only suggests.
  const confidence = categoryScore(n, total) + 0.05 + (looping ? 0.05 : 0);
  return cause('cloudflare-check', confidence, evidence, looping ? { titleKey: 'diag_cloudflare_loop_title' } : {});
}

/** The page itself (chatgpt.com's document, not an API call) answered 5xx or a Cloudflare error page. */
function pageFailed(f: DiagnosisFacts, total: number): Cause | null {
  const { n, status } = f.pages;
  if (!n) return null;
  // Ties with the gateway and incident causes go its way (CAUSE_IDS order): the same failures, said more exactly.
  return cause('page-failed', categoryScore(n, total), [evn('diag_ev_page_failed', n, status ?? '?'), ...statusEvidence(f)]);
}

function signInDown(f: DiagnosisFacts, total: number): Cause | null {
  return f.signIn ? cause('signin-down', categoryScore(f.signIn, total), [evn('diag_ev_signin_down', f.signIn), ...statusEvidence(f)]) : null;
}

function blocked(f: DiagnosisFacts, total: number): Cause | null {
  const n = count(f, 'blocked');
  const evidence = f.blockers.slice(0, 3).map((name) => ev('diag_ev_blocker_installed', name));
  if (n) return cause('blocked-by-extension', categoryScore(n, total) + (f.blockers.length ? 0.04 : 0), [evn('diag_ev_blocked', n), ...evidence]);
  // A blocker is installed but nothing was recorded as blocked: a weak lead, only when something fails.
  return f.blockers.length && total ? cause('blocked-by-extension', 0.15, evidence) : null;
}

function proxy(f: DiagnosisFacts, total: number): Cause | null {
  const proxied = count(f, 'proxy');
  const n = proxied + f.tls;
  const connection = count(f, 'connection') - f.tls;
  const evidence: Evidence[] = [];
  if (proxied) evidence.push(evn('diag_ev_proxy', proxied));
  // TLS errors on ChatGPT's hosts are almost always something intercepting the connection.
  if (f.tls) evidence.push(evn('diag_ev_tls', f.tls));
  for (const name of f.tunnels.slice(0, 3)) evidence.push(ev('diag_ev_tunnel_installed', name));
  let confidence = categoryScore(n, total, 0.4) + (n && f.tunnels.length ? 0.04 : 0);
  if (f.tunnels.length && connection) {
    evidence.push(evn('diag_ev_connection', connection));
    confidence = Math.max(confidence, categoryScore(connection, total, 0.35));
  }
  if (!confidence && f.tunnels.length && total) confidence = 0.15;
  return confidence ? cause('proxy-vpn', confidence, evidence) : null;
}

function offline(f: DiagnosisFacts, total: number): Cause | null {
  const network = count(f, 'network');
  const connection = count(f, 'connection') - f.tls;
  const evidence: Evidence[] = [];
  if (network) evidence.push(evn('diag_ev_network', network));
  if (connection) evidence.push(evn('diag_ev_connection', connection));
  // Resets and timeouts can be either side's; with a VPN installed they lean to proxy-vpn instead.
  const fromConnection = connection ? categoryScore(connection, total, f.tunnels.length ? 0.25 : 0.35) - 0.1 : 0;
  const confidence = Math.max(categoryScore(network, total), fromConnection);
  return confidence > 0 ? cause('offline-dns', confidence, evidence) : null;
}

function operationalFresh(f: DiagnosisFacts): boolean {
  return f.status.kind === 'known' && f.status.outage === 'none' && !f.status.stale;
}

function localOnly(f: DiagnosisFacts, total: number): Cause | null {
  if (!total || !operationalFresh(f)) return null;
  const spread = f.endpoints.size >= 2;
  const evidence = [ev('diag_ev_status_operational'), evn('diag_ev_failures', total, f.windowMin)];
  if (spread) evidence.push(evn('diag_ev_many_endpoints', f.endpoints.size));
  // One failure is too little to blame this browser for: it may be a blip.
  return cause('local-only', total < 2 ? 0.3 : spread ? 0.6 : 0.42, evidence);
}

function oneEndpoint(f: DiagnosisFacts, total: number): Cause | null {
  if (f.endpoints.size !== 1) return null;
  const [endpoint = ''] = f.endpoints.keys();
  const evidence = [ev(pluralKey('diag_ev_one_endpoint', total), endpoint, total)];
  if (total < 2) return cause('one-endpoint', 0.25, evidence);
  const serverShare = count(f, 'server', 'gateway') / total;
  return cause('one-endpoint', 0.5 + 0.1 * serverShare + (operationalFresh(f) ? 0.1 : 0), evidence);
}

function quiet(f: DiagnosisFacts): Cause {
  const s = f.status;
  const outage = s.kind === 'known' ? s.outage : 'none';
  const severe = outage === 'major' || outage === 'critical';
  const evidence = statusEvidence(f);
  if (f.telemetry) return cause('telemetry-only', severe ? 0.5 : 0.85, [evn('diag_ev_telemetry', f.telemetry), ...evidence]);
  const confidence = severe ? 0.35 : outage === 'minor' ? 0.6 : operationalFresh(f) ? 0.9 : 0.7;
  return cause('all-clear', confidence, [ev('diag_ev_no_failures', f.windowMin), ...evidence]);
}

/**
 * Ranks the likely causes of the recent failures from all the evidence at hand. Pure: the
 * caller passes `now`, the stored status snapshot and the conflict list (null when unknown).
 */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const tally = input.minutes ? tallyFromMinutes(input.minutes, input.now, input.tabId) : tallyRecords(input.records, input.now, input.tabId);
  const f = gatherFacts(tally, input.now, input.status, input.conflicts);
  const { total } = f;
  // In CAUSE_IDS order: the sort is stable, so ties keep it (the more specific, more actionable
  // cause first).
  const candidates = [
    incident(f, total),
    pageFailed(f, total),
    signInDown(f, total),
    overload(f, total),
    single('gateway', count(f, 'gateway'), total, 'diag_ev_gateway'),
    cloudflareCheck(f, total),
    single('answer-failed', count(f, 'answer'), total, 'diag_ev_answer'),
    single('cloudflare-page', count(f, 'cloudflare') - f.checks.n, total, 'diag_ev_cloudflare'),
    single('session-expired', count(f, 'session'), total, 'diag_ev_session'),
    blocked(f, total),
    proxy(f, total),
    offline(f, total),
    localOnly(f, total),
    oneEndpoint(f, total),
    total ? null : quiet(f),
  ];
  const causes = candidates.filter((c): c is Cause => c !== null && c.confidence >= MIN_LISTED).sort((a, b) => b.confidence - a.confidence);
  const [first, second] = causes;
  if ((first?.confidence ?? 0) < MIN_VERDICT) {
    causes.unshift(cause('unknown', MIN_VERDICT, [evn('diag_ev_failures', total, f.windowMin), ...statusEvidence(f)]));
  } else if (
    first &&
    second &&
    second.confidence >= MIN_VERDICT &&
    first.confidence - second.confidence <= CLOSE &&
    first.side !== second.side &&
    first.side !== 'either' &&
    second.side !== 'either'
  ) {
    // A near tie between OpenAI's side and this browser: naming one would contradict the list
    // below it. The verdict says so, and leads with the test that tells them apart cheapest.
    causes.unshift(cause('mixed', first.confidence, [ev('diag_ev_split'), ...first.evidence.slice(0, 2), ...second.evidence.slice(0, 2)]));
  }
  return { verdict: causes[0] as Cause, causes, outageReported: f.status.kind === 'known' && f.status.outage !== 'none' };
}
