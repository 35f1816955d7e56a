import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../src/core/status';
import { BROWSERS, browserFixture } from '../support/driver';
import { majorIncidentStatus, operationalStatus } from '../support/fake-status';

/** The real fetch path in each browser: host permission, no CORS, content-type and shape checks. */
describe.each(BROWSERS)('status check in %s', (name) => {
  const { world, driver } = browserFixture(name);

  async function check(): Promise<{ ok: boolean; value: StatusSnapshot }> {
    const reply = await driver().call('status/check', { force: true });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply;
  }

  it('reads the fake major incident, then operational, then HTML and truncated answers as unknown', async () => {
    world().setStatus(majorIncidentStatus('Elevated error rates in ChatGPT'));
    const reply = await check();
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({ state: 'known', indicator: 'major' });
    if (reply.value.state !== 'known') throw new Error('known expected');
    expect(reply.value.incidents[0]).toMatchObject({
      name: 'Elevated error rates in ChatGPT',
      latestUpdate: 'We have identified the cause and are working on a fix.',
    });
    expect(reply.value.components.map((c) => c.id).sort()).toEqual(['c1', 'c2', 'c3']);
    expect((await driver().storage(['status'])).status).toEqual(reply.value);

    world().setStatus(operationalStatus());
    const summaryRequests = () => world().requests.filter((r) => r.path === '/api/v2/summary.json').length;
    const before = summaryRequests();
    expect((await check()).value).toMatchObject({ state: 'known', indicator: 'none' });
    expect(summaryRequests()).toBe(before + 1);

    world().setStatus(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><h1>We moved</h1>' }));
    expect((await check()).value).toMatchObject({ state: 'unknown', reason: 'html' });

    world().setStatus(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":{"indicator":"maj' }));
    expect((await check()).value).toMatchObject({ state: 'unknown', reason: 'malformed' });
  });

  it('a 304 for a known snapshot keeps it with a new checkedAt', async () => {
    world().setStatus(majorIncidentStatus());
    const first = (await check()).value;
    // The fake world() does not keep request headers, so the route answers 304 as a server that saw If-None-Match would.
    world().route('status.openai.com', '/api/v2/summary.json', { status: 304, headers: { etag: '"major-1"' } });
    const second = (await check()).value;
    world().clearRoutes();
    expect(second).toEqual({ ...first, checkedAt: second.checkedAt });
    expect(second.checkedAt).toBeGreaterThanOrEqual(first.checkedAt);
  });
});
