import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeUrl } from '../../src/platform/probe';

describe('probeUrl against a real local server', () => {
  let server: Server;
  let base = '';
  const cookies: Array<string | undefined> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      cookies.push(req.headers.cookie);
      if (req.url === '/hang') return; // never answers
      res.writeHead(req.url === '/down' ? 503 : 200, { 'content-type': 'text/plain', 'set-cookie': 'x=1' });
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('any HTTP answer counts, a 503 included, and no cookie is sent', async () => {
    expect(await probeUrl(`${base}/ok`, 2000)).toMatchObject({ status: 200, error: null });
    expect(await probeUrl(`${base}/down`, 2000)).toMatchObject({ status: 503, error: null });
    expect(cookies.every((c) => c === undefined)).toBe(true);
  });

  it('times out with a readable reason', async () => {
    expect(await probeUrl(`${base}/hang`, 300)).toMatchObject({ status: null, error: 'timed out after 300 ms' });
  });

  it('gives the reason when nothing listens', async () => {
    const answer = await probeUrl('http://127.0.0.1:9/', 2000);
    expect(answer.status).toBeNull();
    expect(answer.error).toMatch(/fetch failed|ECONNREFUSED/);
  });
});
