import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConflictEntry } from '../../src/core/conflict-entry';
import type { StatusSnapshot } from '../../src/core/status';
import type { ErrorRecord } from '../../src/core/error-record';
import { redactPath, redactText } from '../../src/core/redact';
import { buildReport } from '../../src/core/report';
import { reportRedact, reportRequestId } from '../../src/core/report-redact';
import { answerStep, recordCheck, startTroubleshooter } from '../../src/core/troubleshooter';
import { NOW } from '../support/diag-fixtures';
import { translate } from '../support/translate';

/**
 * Property tests: no secret-shaped string (email, API key, bearer token, JWT, long opaque
 * secret, cookie value) survives redaction in any field of the report, and request ids
 * (cf-ray, UUID x-request-id) always do. Run counts are stated so the closing note can cite them.
 */
export const RUNS = { text: 2000, report: 2000, requestIds: 2000 } as const;
/** Thousands of cases on a shared 2-core machine: a generous bound, not the usual 5 s. */
const TIMEOUT = 120_000;

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const b64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`));

/** A planted secret: the text as planted, and the distinctive parts that must not appear afterwards. */
interface Secret {
  text: string;
  parts: string[];
}

// "Zq" prefixes make each distinctive part impossible to meet by chance in ids, filler or messages.
const email = fc.tuple(alnum(4, 12), alnum(2, 10), fc.stringMatching(/^[a-z]{2,6}$/), fc.boolean()).map(([local, domain, tld, encoded]): Secret => {
  const text = `Zq${local}${encoded ? '%40' : '@'}${domain}.${tld}`;
  return { text, parts: [`Zq${local}`] };
});
const apiKey = fc
  .tuple(fc.constantFrom('sk-', 'sk-proj-', 'sess-', 'rk-'), alnum(16, 48))
  .map(([prefix, body]): Secret => ({ text: `${prefix}Zq${body}`, parts: [`Zq${body}`] }));
const bearer = fc
  .tuple(fc.constantFrom('Bearer', 'bearer', 'Basic', 'Token'), fc.stringMatching(/^[\w\-.~+/=]{6,40}$/))
  .map(([scheme, body]): Secret => ({ text: `${scheme} Zq${body}`, parts: [`Zq${body}`] }));
const jwt = fc
  .tuple(b64url(10, 40), b64url(10, 80), b64url(10, 60))
  .map(([h, p, s]): Secret => ({ text: `eyJ${h}.Zq${p}.Zq${s}`, parts: [`eyJ${h}`, `Zq${p}`, `Zq${s}`] }));
const longSecret = fc
  .tuple(alnum(38, 60), fc.integer({ min: 0, max: 9 }))
  .map(([body, digit]): Secret => ({ text: `Zq${digit}${body}`, parts: [`Zq${digit}${body}`] }));
const cookie = fc
  .tuple(fc.constantFrom('__Secure-next-auth.session-token', 'sessionid', 'oai-sc-auth', 'csrf_token', 'api_key'), alnum(8, 30))
  .map(([name, value]): Secret => ({ text: `${name}=Zq${value}`, parts: [`Zq${value}`] }));
const secret = fc.oneof(email, apiKey, bearer, jwt, longSecret, cookie);

const word = fc.constantFrom(
  'backend-api',
  'conversation',
  'error',
  'failed',
  'GET',
  'x',
  'v1',
  'model',
  'gpt-4o',
  'the',
  'key',
  'email',
  'token',
  '42',
  'é',
  '✓',
);
const separator = fc.constantFrom(' ', '/', '?', '&', '=', ';', ',', ':', '"', "'", '(', ')', '<', '>', '\n', '\t', '|', '`', '#');
/** Free text with secrets planted at random places between words. */
const planted = fc.tuple(fc.array(fc.oneof(word, word, secret), { minLength: 1, maxLength: 8 }), separator).map(([items, sep]) => {
  const secrets = items.filter((i): i is Secret => typeof i !== 'string');
  const text = items.map((i) => (typeof i === 'string' ? i : i.text)).join(sep);
  return { text, secrets };
});

function leaks(output: string, secrets: readonly Secret[]): string[] {
  return secrets.flatMap((s) => s.parts.filter((part) => output.includes(part)));
}

describe('redaction properties', () => {
  it(
    `redactText masks every planted secret (${RUNS.text} runs)`,
    () => {
      fc.assert(
        fc.property(planted, ({ text, secrets }) => {
          expect(leaks(redactText(text), secrets)).toEqual([]);
        }),
        { numRuns: RUNS.text },
      );
    },
    TIMEOUT,
  );

  it(
    `reportRedact masks every planted secret, ids kept or not (${RUNS.text} runs)`,
    () => {
      fc.assert(
        fc.property(planted, fc.boolean(), ({ text, secrets }, keep) => {
          expect(leaks(reportRedact(text, { keepConversationIds: keep }), secrets)).toEqual([]);
        }),
        { numRuns: RUNS.text },
      );
    },
    TIMEOUT,
  );

  it(
    `redactPath masks secrets in paths, even percent-encoded (${RUNS.text} runs)`,
    () => {
      fc.assert(
        fc.property(planted, ({ text, secrets }) => {
          const path = `/${encodeURIComponent(text)}`;
          expect(leaks(redactPath(path), secrets)).toEqual([]);
        }),
        { numRuns: RUNS.text },
      );
    },
    TIMEOUT,
  );
});

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const cfRay = fc.tuple(hex(16), fc.constantFrom('SJC', 'LHR', 'FRA', 'NRT', 'IAD', 'AMS')).map(([h, colo]) => `${h}-${colo}`);
const xRequestId = fc.uuid();

describe('request ids survive', () => {
  it(
    `in free text next to secrets, and as report ids (${RUNS.requestIds} runs)`,
    () => {
      fc.assert(
        fc.property(cfRay, xRequestId, planted, fc.boolean(), (ray, uuid, { text }, keep) => {
          const line = `${text} cf-ray: ${ray} x-request-id: ${uuid} ${text}`;
          expect(redactText(line)).toContain(ray);
          expect(redactText(line)).toContain(uuid);
          expect(reportRedact(line, { keepConversationIds: keep })).toContain(ray);
          expect(reportRequestId(ray)).toBe(ray);
          expect(reportRequestId(uuid)).toBe(uuid);
        }),
        { numRuns: RUNS.requestIds },
      );
    },
    TIMEOUT,
  );
});

/** A stored record with a planted secret in every string field the schema allows. */
function record(i: number, ray: string, uuid: string, p: () => string): ErrorRecord {
  return {
    id: `${i}@${NOW}`,
    time: NOW - 60_000 - i * 1000,
    tabId: 7,
    type: 'xmlhttprequest',
    method: i % 2 ? 'POST' : p(),
    host: i % 3 ? 'chatgpt.com' : p(),
    path: `/backend-api/${p()}`,
    status: i % 4 === 0 ? null : 500,
    statusLine: p(),
    error: i % 4 === 0 ? p() : null,
    category: i % 4 === 0 ? 'connection' : 'server',
    meaning: 'meaning_500',
    telemetry: false,
    durationMs: 10,
    ids: { cfRay: ray, xRequestId: uuid, oaiRequestId: p() },
    retryAfter: p(),
    retryAfterSec: null,
    server: p(),
    contentType: p(),
    htmlOnApi: false,
  };
}

describe('support report', () => {
  it(
    `no planted secret survives in any field, and every request id does (${RUNS.report} runs)`,
    () => {
      const reportCase = fc.record({
        texts: fc.array(planted, { minLength: 24, maxLength: 24 }),
        rays: fc.array(cfRay, { minLength: 3, maxLength: 3 }),
        uuids: fc.array(xRequestId, { minLength: 3, maxLength: 3 }),
        keep: fc.boolean(),
      });
      fc.assert(
        fc.property(reportCase, ({ texts, rays, uuids, keep }) => {
          let next = 0;
          const p = () => texts[next++ % texts.length]!.text;
          const records = rays.map((ray, i) => record(i, ray, uuids[i]!, p));
          const status: StatusSnapshot = {
            state: 'known',
            checkedAt: NOW - 60_000,
            indicator: 'major',
            description: p(),
            components: [{ id: 'c', name: p(), status: 'major_outage' }],
            incidents: [
              {
                id: 'i',
                name: p(),
                status: 'investigating',
                impact: 'major',
                url: null,
                startedAt: null,
                updatedAt: null,
                latestUpdate: p(),
                componentIds: [],
              },
            ],
            maintenances: [],
            pageUrl: 'https://status.openai.com/',
          };
          const conflicts: ConflictEntry[] = [
            { id: 'x', name: p(), version: p(), score: 1, kind: 'blocker', reasons: [], enabled: true, canDisable: true, manageUrl: null },
          ];
          let steps = startTroubleshooter(NOW - 100_000, 7);
          steps = recordCheck(steps, 'status', { ok: false, key: 'ts_check_status_outage', subs: [p()], at: NOW - 90_000 });
          steps = recordCheck(steps, 'extensions', { ok: false, key: 'ts_check_conflicts', subs: ['1', p()], at: NOW - 80_000 });
          steps = answerStep(steps, 'reload', false, NOW - 70_000);
          const { json, markdown } = buildReport({
            now: NOW,
            records,
            tabId: 7,
            status,
            conflicts,
            troubleshooter: steps,
            environment: { browser: p(), browserVersion: p(), os: p(), extensionVersion: p() },
            keepConversationIds: keep,
            t: translate,
          });
          const out = `${markdown}\n${JSON.stringify(json)}`;
          expect(
            leaks(
              out,
              texts.flatMap((t) => t.secrets),
            ),
          ).toEqual([]);
          for (const id of [...rays, ...uuids]) {
            expect(markdown).toContain(id);
            expect(JSON.stringify(json)).toContain(id);
          }
        }),
        { numRuns: RUNS.report },
      );
    },
    TIMEOUT,
  );
});
