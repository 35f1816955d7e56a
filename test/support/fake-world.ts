import { randomBytes, randomUUID } from 'node:crypto';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { testCerts } from './certs';
import { fakeChatGptPage, fakeControlPage } from './fake-pages';
import { operationalStatus, type FakeStatus } from './fake-status';

/**
 * One HTTPS server on 127.0.0.1 that plays ChatGPT, its status page and an unrelated control
 * site, told apart by the Host header. The browsers map the real host names here, so the
 * extension sees the real URLs. Everything stays on loopback.
 */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Close the socket without answering (a reset). */
  destroy?: boolean;
  delayMs?: number;
  /** Sent as a stream instead of `body`: each piece written `chunkDelayMs` after the last. */
  chunks?: Array<string | Buffer>;
  chunkDelayMs?: number;
  /** Send the headers as given, without the cf-ray, x-request-id and server the fake adds (real corpus files). */
  exact?: boolean;
}

export type Responder = FakeResponse | ((req: SeenRequest) => FakeResponse);

export interface SeenRequest {
  host: string;
  method: string;
  path: string;
  search: string;
  cookie: string;
  time: number;
  /** The request-id headers this server sent back. */
  cfRay?: string;
  requestId?: string;
  status?: number;
}

export interface FakeWorld {
  port: number;
  /** Overrides what `host` + `path` answers (exact path, query ignored). */
  route(host: string, path: string, responder: Responder): void;
  clearRoutes(): void;
  /** What status.openai.com serves; a raw responder lets tests send HTML, truncated JSON, 500s. */
  setStatus(status: FakeStatus | Responder): void;
  requests: SeenRequest[];
  /**
   * Serves a WebSocket on `host` + `path` (wss://, over HTTP/1.1 as browsers open sockets): each
   * connection gets `frames` as text messages, `delayMs` apart, then a normal close.
   */
  socket(host: string, path: string, frames: readonly string[], delayMs?: number): void;
  /** Chromium's `--host-resolver-rules` value mapping every fake host here. */
  hostResolverRules: string;
  close(): Promise<void>;
}

export function failure(status: number, extra: Record<string, string> = {}): Responder {
  return () => ({ status, headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify({ detail: `Fake ${status}` }) });
}

export function cfRay(): string {
  return `${randomBytes(8).toString('hex')}-SJC`;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The host a request names (HTTP/2 :authority or HTTP/1.1 Host), without its port. */
const hostOf = (authority: string | undefined) => (authority ?? '').replace(/:\d+$/, '').toLowerCase();

export async function startFakeWorld(options: { demo?: boolean } = {}): Promise<FakeWorld> {
  const certs = testCerts();
  const routes = new Map<string, Responder>();
  let status: FakeStatus | Responder = operationalStatus();
  const requests: SeenRequest[] = [];
  let demoCounter = 0;

  function defaultResponse(req: SeenRequest): FakeResponse {
    const { host, path } = req;
    if (host === 'status.openai.com') {
      if (typeof status === 'function' || 'status' in status) return typeof status === 'function' ? status(req) : (status as FakeResponse);
      const s = status as FakeStatus;
      if (path === '/api/v2/summary.json') return { status: 200, headers: { ...JSON_HEADERS, etag: `"${s.etag}"` }, body: JSON.stringify(s.summary) };
      if (path === '/api/v2/components.json')
        return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ page: s.summary.page, components: s.components }) };
      if (path === '/api/v2/status.json')
        return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ page: s.summary.page, status: s.summary.status }) };
      if (path === '/api/v2/incidents/unresolved.json')
        return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ page: s.summary.page, incidents: s.summary.incidents }) };
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>OpenAI Status</title><h1>Fake status page</h1>' };
    }
    if (host === 'control-site.test') {
      if (path === '/fail500') return { status: 500, headers: { 'content-type': 'text/plain', 'cf-ray': cfRay() }, body: 'control failure' };
      return {
        status: 200,
        headers: { 'content-type': 'text/html', 'set-cookie': 'control=keep-me; Path=/; Secure; SameSite=Lax; Max-Age=3600' },
        body: fakeControlPage(),
      };
    }
    if (host === 'chat.openai.com') return { status: 308, headers: { location: `https://chatgpt.com${path}` } };
    if (host.endsWith('chatgpt.com') || host.endsWith('oaistatic.com') || host.endsWith('oaiusercontent.com')) {
      if (path === '/' || path.startsWith('/c/')) {
        return {
          status: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            // Planted secrets: the tests check none of them reaches a record or a report.
            'set-cookie': '__Secure-next-auth.session-token=SECRET-SESSION-eyJhbGciOiJIUzI1NiJ9.e30.sig; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600',
          },
          body: fakeChatGptPage({ demo: !!options.demo }),
        };
      }
      if (path === '/oai-did')
        return {
          status: 200,
          headers: { 'content-type': 'text/plain', 'set-cookie': 'oai-did=device-123; Path=/; Secure; SameSite=Lax; Max-Age=3600' },
          body: 'ok',
        };
      if (path.startsWith('/backend-api/status/')) {
        const code = Number(path.split('/')[3]);
        return {
          status: Number.isInteger(code) && code >= 200 && code < 600 ? code : 400,
          headers: JSON_HEADERS,
          body: JSON.stringify({ detail: 'Scripted status' }),
        };
      }
      if (options.demo && path === '/backend-api/f/conversation') {
        // The demo fails now and then, in the ways users meet: 500, 502, 503 with retry-after, 429.
        const turn = demoCounter++ % 6;
        const scripted = [500, 200, 502, 200, 503, 429][turn]!;
        return {
          status: scripted,
          headers: { ...JSON_HEADERS, ...(scripted >= 429 && scripted !== 500 ? { 'retry-after': '30' } : {}) },
          body: JSON.stringify({ detail: scripted === 200 ? 'ok' : 'Fake failure' }),
        };
      }
      return { status: 200, headers: JSON_HEADERS, body: '{"ok":true}' };
    }
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  }

  const handler = (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const host = hostOf(req.authority || req.headers.host);
    const url = new URL(req.url ?? '/', 'https://x');
    const seen: SeenRequest = { host, method: req.method ?? 'GET', path: url.pathname, search: url.search, cookie: req.headers.cookie ?? '', time: Date.now() };
    requests.push(seen);
    if (requests.length > 20_000) requests.splice(0, 10_000);
    req.resume();
    const responder = routes.get(`${host}${url.pathname}`);
    const response = responder ? (typeof responder === 'function' ? responder(seen) : responder) : defaultResponse(seen);
    const send = () => {
      if (response.destroy) {
        // HTTP/2 resets just this stream; HTTP/1.1 has only the socket to close.
        if (req.stream) req.stream.close(0x2);
        else req.socket.destroy();
        return;
      }
      const headers: Record<string, string> = { 'cache-control': 'no-store', ...response.headers };
      if (!response.exact && host !== 'status.openai.com' && host !== 'control-site.test' && !('cf-ray' in headers) && response.status !== 308) {
        headers['cf-ray'] = cfRay();
        headers['x-request-id'] ??= randomUUID();
        headers.server ??= 'cloudflare';
      }
      seen.cfRay = headers['cf-ray'];
      seen.requestId = headers['x-request-id'];
      seen.status = response.status;
      res.writeHead(response.status, headers);
      if (!response.chunks) return void res.end(response.body ?? '');
      const pieces = [...response.chunks];
      if (!response.chunkDelayMs) {
        // No delay: everything at once, as fast as the connection takes it.
        for (const piece of pieces) res.write(piece);
        return void res.end();
      }
      const next = () => {
        if (res.destroyed) return;
        const piece = pieces.shift();
        if (piece === undefined) return void res.end();
        res.write(piece);
        setTimeout(next, response.chunkDelayMs ?? 0);
      };
      next();
    };
    if (response.delayMs) setTimeout(send, response.delayMs);
    else send();
  };

  // HTTP/2 as ChatGPT's edge serves it: many requests share one connection, so a load test is not
  // capped at HTTP/1.1's six connections per host. allowHTTP1 keeps any HTTP/1.1 client working.
  const server = createSecureServer({ key: certs.key, cert: certs.cert, allowHTTP1: true }, handler);
  const socketRoutes = new Map<string, { frames: readonly string[]; delayMs: number }>();
  const webSockets = new WebSocketServer({ noServer: true });
  // allowHTTP1 hands HTTP/1.1 upgrades here; browsers open wss:// that way (no RFC 8441 offered).
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = hostOf(req.headers.host);
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push({ host, method: 'GET', path, search: '', cookie: req.headers.cookie ?? '', time: Date.now(), status: 101 });
    const route = socketRoutes.get(`${host}${path}`);
    if (!route) return void socket.destroy();
    webSockets.handleUpgrade(req, socket, head, (ws) => {
      const frames = [...route.frames];
      const next = () => {
        const frame = frames.shift();
        if (frame === undefined) return void ws.close(1000, 'done');
        ws.send(frame);
        setTimeout(next, route.delayMs);
      };
      next();
    });
  });
  const sockets = new Set<Duplex>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    route: (host, path, responder) => routes.set(`${host}${path}`, responder),
    clearRoutes: () => {
      routes.clear();
      socketRoutes.clear();
    },
    socket: (host, path, frames, delayMs = 10) => socketRoutes.set(`${host}${path}`, { frames, delayMs }),
    setStatus: (s) => {
      status = s;
    },
    requests,
    hostResolverRules: [
      'chatgpt.com',
      '*.chatgpt.com',
      'chat.openai.com',
      'cdn.oaistatic.com',
      '*.oaiusercontent.com',
      'auth.openai.com',
      'auth0.openai.com',
      'status.openai.com',
      'platform.openai.com',
      'control-site.test',
    ]
      .map((h) => `MAP ${h} 127.0.0.1:${port}`)
      .concat('EXCLUDE localhost')
      .join(', '),
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of webSockets.clients) ws.terminate();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
