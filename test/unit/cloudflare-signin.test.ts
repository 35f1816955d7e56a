import { describe, expect, it } from 'vitest';
import { classifyStatus } from '../../src/core/classify';
import { diagnose } from '../../src/core/diagnosis';
import { buildRecord } from '../../src/core/error-record';
import { hostPermissions, isOwnTelemetry, isSignInHost, isWatchedHost } from '../../src/core/hosts';
import { NOW, conflict, failure, knownStatus, many, unknownStatus } from '../support/diag-fixtures';

/** Cloudflare checks anywhere, the page itself failing, and the sign-in hosts (issue 13, items 2 and 3). */
const challengeHeaders = (ray = '8f1e2d3c4b5a6978-SJC') => [
  { name: 'content-type', value: 'text/html; charset=UTF-8' },
  { name: 'cf-mitigated', value: 'challenge' },
  { name: 'cf-ray', value: ray },
  { name: 'server', value: 'cloudflare' },
];
const ok = knownStatus('none');

describe('classifyStatus: Cloudflare checks and the page itself', () => {
  it('calls any response with cf-mitigated: challenge a Cloudflare check, on every kind of path', () => {
    for (const ctx of [
      { api: true, htmlOnApi: true, challenge: true },
      { api: true, htmlOnApi: false, challenge: true },
      { api: false, htmlOnApi: false, challenge: true, htmlDocument: true },
    ]) {
      for (const status of [401, 403, 429, 503]) expect(classifyStatus(status, ctx)).toEqual({ category: 'cloudflare', meaning: 'meaning_cf_challenge' });
    }
  });

  it('calls an HTML 403 on the page itself a Cloudflare page, and a JSON 403 there nothing', () => {
    expect(classifyStatus(403, { api: false, htmlOnApi: false, htmlDocument: true })).toEqual({ category: 'cloudflare', meaning: 'meaning_cloudflare_page' });
    expect(classifyStatus(403, { api: false, htmlOnApi: false })).toBeNull();
    expect(classifyStatus(404, { api: false, htmlOnApi: false, htmlDocument: true })).toBeNull();
  });

  it('gives a sign-in host’s server errors their own meaning, keeping their category', () => {
    expect(classifyStatus(500, { api: false, htmlOnApi: false, signIn: true })).toEqual({ category: 'server', meaning: 'meaning_signin_down' });
    expect(classifyStatus(502, { api: true, htmlOnApi: false, signIn: true })).toEqual({ category: 'gateway', meaning: 'meaning_signin_down' });
    expect(classifyStatus(429, { api: true, htmlOnApi: false, signIn: true })).toEqual({ category: 'rate-limit', meaning: 'meaning_429' });
  });
});

describe('buildRecord', () => {
  const event = (over: Record<string, unknown>) => ({
    requestId: '1',
    url: 'https://chatgpt.com/',
    method: 'GET',
    tabId: 3,
    type: 'main_frame',
    timeStamp: NOW,
    statusCode: 403,
    ...over,
  });

  it('records a challenge on the page itself with its ray', () => {
    const r = buildRecord(event({ responseHeaders: challengeHeaders('8e4f1a2b3c4d5e6f-FRA') }))!;
    expect(r).toMatchObject({
      category: 'cloudflare',
      meaning: 'meaning_cf_challenge',
      type: 'main_frame',
      status: 403,
      ids: { cfRay: '8e4f1a2b3c4d5e6f-FRA' },
    });
  });

  it('records a 5xx page and a Cloudflare 52x page on the document', () => {
    expect(buildRecord(event({ statusCode: 502, responseHeaders: [{ name: 'content-type', value: 'text/html' }] }))).toMatchObject({
      category: 'gateway',
      type: 'main_frame',
    });
    expect(buildRecord(event({ statusCode: 522, responseHeaders: [{ name: 'content-type', value: 'text/html' }] }))).toMatchObject({ meaning: 'meaning_522' });
  });

  it('watches the sign-in hosts and nothing that merely looks like them', () => {
    for (const host of ['auth.openai.com', 'AUTH.openai.com.', 'auth0.openai.com']) expect(isWatchedHost(host), host).toBe(true);
    for (const host of ['openai.com', 'platform.openai.com', 'evil-auth.openai.com', 'auth.openai.com.evil.example'])
      expect(isWatchedHost(host), host).toBe(false);
    expect(isSignInHost('auth.openai.com')).toBe(true);
    expect(hostPermissions()).toEqual(expect.arrayContaining(['https://auth.openai.com/*', 'https://auth0.openai.com/*']));
    const r = buildRecord(event({ url: 'https://auth.openai.com/log-in', statusCode: 503, responseHeaders: [{ name: 'content-type', value: 'text/html' }] }))!;
    expect(r).toMatchObject({ host: 'auth.openai.com', category: 'overload', meaning: 'meaning_signin_down' });
  });

  it.each([
    ['chatgpt.com', '/ces/v1/t'],
    ['chatgpt.com', '/ces/v1/rgstr'],
    ['chatgpt.com', '/ces/v1/telemetry/intake'],
    ['chatgpt.com', '/ces/statsc/flush'],
    ['chatgpt.com', '/backend-api/beacons/collect'],
    ['chatgpt.com', '/backend-api/lat/r'],
    ['ab.chatgpt.com', '/v1/initialize'],
    ['ab.chatgpt.com', '/v1/rgstr'],
  ])('counts %s%s as telemetry, never an outage', (host, path) => {
    expect(isOwnTelemetry(host, path)).toBe(true);
    const records = many(4, { host, path, status: 503 });
    expect(records.every((r) => r.telemetry)).toBe(true);
    expect(diagnose({ records, now: NOW, status: ok, conflicts: null }).verdict.id).toBe('telemetry-only');
  });

  it('does not count the app’s own calls as telemetry', () => {
    for (const path of ['/backend-api/f/conversation', '/backend-api/conversations', '/api/auth/session'])
      expect(isOwnTelemetry('chatgpt.com', path), path).toBe(false);
  });
});

describe('diagnosis', () => {
  const check = (agoSec: number, ray?: string) =>
    failure({ path: '/', type: 'main_frame', method: 'GET', status: 403, agoSec, headers: challengeHeaders(ray) });

  it('names a challenge on the page itself, with its ray and fixes for its causes', () => {
    const { verdict } = diagnose({ records: [check(30, '8e4f1a2b3c4d5e6f-FRA')], now: NOW, status: ok, conflicts: null });
    expect(verdict).toMatchObject({ id: 'cloudflare-check', side: 'user', titleKey: 'diag_cloudflare_check_title', fixKey: 'diag_cloudflare_check_fix' });
    expect(verdict.evidence).toContainEqual({ key: 'diag_ev_cf_ray', subs: ['8e4f1a2b3c4d5e6f-FRA'] });
  });

  it('is not a session problem, even on API paths', () => {
    const records = many(3, { path: '/backend-api/conversations', status: 403, headers: challengeHeaders() });
    const { verdict, causes } = diagnose({ records, now: NOW, status: ok, conflicts: null });
    expect(verdict.id).toBe('cloudflare-check');
    expect(causes.map((c) => c.id)).not.toContain('session-expired');
  });

  it('calls three checks within 10 minutes a loop, and three spread over 15 minutes not', () => {
    const loop = diagnose({ records: [check(30), check(200), check(500)], now: NOW, status: ok, conflicts: null }).verdict;
    expect(loop.titleKey).toBe('diag_cloudflare_loop_title');
    expect(loop.evidence).toContainEqual({ key: 'diag_ev_cf_loop_other', subs: ['3', '10'] });
    const spread = diagnose({ records: [check(10), check(6 * 60), check(12 * 60)], now: NOW, status: ok, conflicts: null }).verdict;
    expect(spread.titleKey).toBe('diag_cloudflare_check_title');
  });

  it('lists an enabled VPN as evidence for a check', () => {
    const { verdict } = diagnose({ records: [check(30)], now: NOW, status: ok, conflicts: [conflict('Hola VPN', 'vpn')] });
    expect(verdict.evidence).toContainEqual({ key: 'diag_ev_tunnel_installed', subs: ['Hola VPN'] });
  });

  it('says the page itself failed when the document answered 5xx', () => {
    const records = [failure({ path: '/', type: 'main_frame', method: 'GET', status: 502, headers: [{ name: 'content-type', value: 'text/html' }] })];
    for (const status of [ok, unknownStatus, null]) {
      const { verdict } = diagnose({ records, now: NOW, status, conflicts: null });
      expect(verdict).toMatchObject({ id: 'page-failed', side: 'openai' });
      expect(verdict.evidence[0]).toEqual({ key: 'diag_ev_page_failed_one', subs: ['1', '502'] });
    }
  });

  it('says the sign-in service is failing for 5xx on auth.openai.com', () => {
    const records = many(2, { host: 'auth.openai.com', path: '/api/accounts/authorize/continue', status: 500 });
    const { verdict } = diagnose({ records, now: NOW, status: unknownStatus, conflicts: null });
    expect(verdict).toMatchObject({ id: 'signin-down', side: 'openai', titleKey: 'diag_signin_down_title' });
    // The sign-in page itself failing is the sign-in service, not chatgpt.com's page.
    const page = [
      failure({
        host: 'auth.openai.com',
        path: '/log-in',
        type: 'main_frame',
        method: 'GET',
        status: 500,
        headers: [{ name: 'content-type', value: 'text/html' }],
      }),
    ];
    expect(diagnose({ records: page, now: NOW, status: ok, conflicts: null }).verdict.id).toBe('signin-down');
  });
});
