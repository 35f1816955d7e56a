import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROBE_URL, troubleshooterHandlers } from '../../src/background/troubleshooter-handlers';
import { TROUBLESHOOTER_KEY } from '../../src/contract/troubleshooter';
import { answerStep, startTroubleshooter } from '../../src/core/troubleshooter';
import { probeUrl } from '../../src/platform/probe';

const T = 1_700_000_000_000;

describe('troubleshooter/save', () => {
  const handlers = troubleshooterHandlers({ now: () => T });
  beforeEach(() => fakeBrowser.reset());

  it('stores valid progress under "troubleshooter" and clears it with null', async () => {
    const state = answerStep(startTroubleshooter(T, 5), 'reload', false, T + 1);
    await expect(handlers['troubleshooter/save']({ state })).resolves.toEqual({ saved: true });
    expect((await fakeBrowser.storage.local.get(TROUBLESHOOTER_KEY))[TROUBLESHOOTER_KEY]).toEqual(state);
    await handlers['troubleshooter/save']({ state: null });
    expect(await fakeBrowser.storage.local.get(TROUBLESHOOTER_KEY)).toEqual({});
  });

  it('refuses malformed state with a clear error and keeps what was stored', async () => {
    const good = startTroubleshooter(T, 5);
    await handlers['troubleshooter/save']({ state: good });
    const bad = { ...good, current: 'rm -rf' } as unknown as typeof good;
    await expect(handlers['troubleshooter/save']({ state: bad })).rejects.toMatchObject({ code: 'invalid', message: 'The troubleshooter state is not valid.' });
    expect((await fakeBrowser.storage.local.get(TROUBLESHOOTER_KEY))[TROUBLESHOOTER_KEY]).toEqual(good);
  });
});

describe('probe/once', () => {
  it('reports reachable with the status, or the reason when unreachable', async () => {
    const answers = [{ status: 403, error: null, ms: 12 }, { status: null, error: 'Failed to fetch', ms: 3 }];
    const urls: string[] = [];
    const handlers = troubleshooterHandlers({ now: () => T, probe: async (url) => (urls.push(url), answers.shift()!) });
    await expect(handlers['probe/once']()).resolves.toEqual({ reachable: true, status: 403, error: null, ms: 12, at: T });
    await expect(handlers['probe/once']()).resolves.toEqual({ reachable: false, status: null, error: 'Failed to fetch', ms: 3, at: T });
    expect(urls).toEqual([PROBE_URL, PROBE_URL]);
    expect(PROBE_URL).toBe('https://chatgpt.com/cdn-cgi/trace');
  });
});

describe('probeUrl against a real local server', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      res.writeHead(req.url === '/down' ? 503 : 200, { 'content-type': 'text/plain', 'set-cookie': 'x=1' });
      res.end(req.headers.cookie ? 'cookie sent' : 'ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('any HTTP answer counts, a 503 included', async () => {
    expect(await probeUrl(`${base}/ok`, 2000)).toMatchObject({ status: 200, error: null });
    expect(await probeUrl(`${base}/down`, 2000)).toMatchObject({ status: 503, error: null });
  });

  it('times out with a readable reason', async () => {
    const answer = await probeUrl(`${base}/hang`, 300);
    expect(answer).toMatchObject({ status: null, error: 'timed out after 300 ms' });
  });

  it('gives the reason when nothing listens', async () => {
    const answer = await probeUrl('http://127.0.0.1:9/', 2000);
    expect(answer.status).toBeNull();
    expect(answer.error).toMatch(/fetch failed|ECONNREFUSED/);
  });
});
