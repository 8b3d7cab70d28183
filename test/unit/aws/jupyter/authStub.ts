// Test-only stand-in for what sits in front of a notebook instance's Jupyter server: a presigned URL with a
// single-use `?authToken=` whose GET sets a session cookie and redirects to /tree; every other request (REST
// and websocket) without a live session cookie gets 403. Behind it: a real Jupyter server (upstream port) or,
// without one, a tiny fake that sets `_xsrf` on /tree and checks X-XSRFToken on state-changing calls.
import { randomBytes } from 'crypto';
import * as http from 'http';
import * as net from 'net';
import type { AddressInfo } from 'net';

export interface SeenRequest {
  method: string;
  path: string;
  cookie?: string;
  xsrf?: string;
  upgrade: boolean;
  status: number;
}

export class AuthStub {
  readonly requests: SeenRequest[] = [];
  /** Every secret handed out: auth tokens, session ids, `_xsrf` values. */
  readonly secrets = new Set<string>();
  mints = 0;
  /** Paths refused even with a live session (a server that keeps saying 403). */
  refusePath: RegExp | undefined;
  private readonly tokens = new Map<string, number>();
  private readonly sessions = new Set<string>();
  private server!: http.Server;
  port = 0;

  constructor(private readonly upstreamPort?: number) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as net.Socket, head));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** What CreatePresignedNotebookInstanceUrl would answer. */
  mint(): string {
    this.mints += 1;
    const token = randomBytes(12).toString('hex');
    this.tokens.set(token, Date.now() + 5 * 60_000);
    this.secrets.add(token);
    return `http://127.0.0.1:${this.port}/?authToken=${token}`;
  }

  /** Every signed-in session ends (as at SessionExpirationDurationInSeconds). */
  expireSessions(): void {
    this.sessions.clear();
  }

  private live(cookieHeader: string | undefined, path: string): boolean {
    const id = /(?:^|;\s*)sm_session=([^;]+)/.exec(cookieHeader ?? '')?.[1];
    return !this.refusePath?.test(path) && !!id && this.sessions.has(id);
  }

  private record(req: http.IncomingMessage, status: number, upgrade: boolean): void {
    const url = new URL(req.url ?? '/', 'http://x');
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      cookie: req.headers.cookie,
      xsrf: req.headers['x-xsrftoken'] as string | undefined,
      upgrade,
      status,
    });
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const token = url.searchParams.get('authToken');
    if (url.pathname === '/' && token !== null) {
      const expires = this.tokens.get(token);
      this.tokens.delete(token); // single use
      if (!expires || expires < Date.now()) {
        this.record(req, 403, false);
        res
          .writeHead(403, { 'content-type': 'text/html' })
          .end('<title>Invalid or expired authentication token</title>');
        return;
      }
      const id = randomBytes(12).toString('hex');
      this.sessions.add(id);
      this.secrets.add(id);
      this.record(req, 302, false);
      res
        .writeHead(302, {
          location: '/tree',
          'set-cookie': [`sm_session=${id}; Path=/; HttpOnly`, 'sm_seen=1; Path=/'],
        })
        .end();
      return;
    }
    if (!this.live(req.headers.cookie, url.pathname)) {
      this.record(req, 403, false);
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Forbidden' }));
      return;
    }
    if (this.upstreamPort) return this.proxy(req, res);
    this.fake(req, res, url);
  }

  private fake(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const xsrfCookie = /(?:^|;\s*)_xsrf=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (url.pathname === '/tree') {
      const xsrf = `2|${randomBytes(8).toString('hex')}`;
      this.secrets.add(xsrf);
      this.record(req, 200, false);
      res
        .writeHead(200, { 'content-type': 'text/html', 'set-cookie': `_xsrf=${xsrf}; Path=/` })
        .end('<html>tree</html>');
      return;
    }
    if (req.method !== 'GET' && (!xsrfCookie || req.headers['x-xsrftoken'] !== xsrfCookie)) {
      this.record(req, 403, false);
      res
        .writeHead(403, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: "'_xsrf' argument missing from POST" }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.record(req, 200, false);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ path: url.pathname, method: req.method, body: Buffer.concat(chunks).toString() }));
    });
  }

  private proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
    const upstream = http.request(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        this.record(req, up.statusCode ?? 0, false);
        for (const cookie of up.headers['set-cookie'] ?? []) {
          const value = /^_xsrf=([^;]+)/.exec(cookie)?.[1];
          if (value) this.secrets.add(value);
        }
        res.writeHead(up.statusCode ?? 502, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  private onUpgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
    if (!this.live(req.headers.cookie, new URL(req.url ?? '/', 'http://x').pathname) || !this.upstreamPort) {
      this.record(req, 403, true);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    this.record(req, 101, true);
    const upstream = net.connect(this.upstreamPort, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const close = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', close);
    socket.on('error', close);
    socket.on('close', close);
    upstream.on('close', close);
  }
}
