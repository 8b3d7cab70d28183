// What stands between a presigned notebook URL and the instance's Jupyter, as SageMaker's proxy does:
// `CreatePresignedNotebookInstanceUrl` mints a single-use authToken valid for 5 minutes; one GET of the URL
// trades it for a session cookie (valid SessionExpirationDurationInSeconds) plus Jupyter's `_xsrf` cookie and
// redirects into the server; every later request under /notebook/<name>/ (REST and the kernel WebSocket) needs
// that cookie, else 403, and is proxied to the instance's own Jupyter server. Stopping or deleting the instance
// closes every proxied connection and stops the server; its folder (the EBS volume) lives until the delete.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';
import type { World } from '../../world';
import { notebookState, statusOf } from '../notebookInstancesModule';
import { syncLifecycleFiles } from './instanceFiles';
import { JUPYTER_MISSING, JupyterServer } from './jupyterServer';

export const SESSION_COOKIE = 'smw-notebook-session';
/** AWS: "The URL that you get from a call to CreatePresignedNotebookInstanceUrl is valid only for 5 minutes." */
export const AUTH_TOKEN_LIFETIME_MS = 5 * 60_000;
const MAX_RECORDED = 5000;

interface AuthToken {
  instance: string;
  expiresAt: number;
  sessionSeconds: number;
  /** Where the URL's GET redirects, relative to the base URL (`tree` unless a landing page was asked for). */
  landing: string;
  /** 5 minutes for a notebook instance's URL; ExpiresInSeconds for a Studio domain's. */
  lifetimeMs: number;
}

/**
 * What else runs a Jupyter server behind this gateway (Studio spaces): looked up by gateway name when no
 * notebook instance has that name. `startedAt` identifies the start whose files are in the folder.
 */
export interface JupyterTarget {
  /** For messages, e.g. `space autopilot-experiments of domain d-abcdefghijkl`. */
  label: string;
  status: string;
  startedAt: number;
  /** The last segment of the folder that plays the home folder. */
  folderName: string;
  /** The operation that hands out its URLs. */
  presignOperation: string;
  sync(folder: string): Promise<string[]>;
}

export type JupyterTargetResolver = (world: World, name: string) => JupyterTarget | undefined;
const resolvers: JupyterTargetResolver[] = [];

/** Lets another resource family (Studio spaces) put its Jupyter servers behind the gateway. */
export function registerJupyterTarget(resolver: JupyterTargetResolver): void {
  if (!resolvers.includes(resolver)) resolvers.push(resolver);
}

interface Session {
  instance: string;
  expiresAt: number;
}

interface Backend {
  name: string;
  server?: JupyterServer;
  starting?: Promise<JupyterServer>;
  /** The start (transition.since) whose lifecycle files are in the folder. */
  syncedFor?: number;
  /** Bumped by every stop, so a server that finishes starting after its instance stopped is not kept. */
  generation: number;
  /** Client and upstream sockets of proxied traffic (kernel WebSockets, REST requests). */
  connections: Set<Duplex>;
  agent: http.Agent;
}

export interface NotebookRequestRecord {
  seq: number;
  time: string;
  instance: string;
  method: string;
  /** Without the query (it may hold the authToken). */
  path: string;
  websocket: boolean;
  status: number;
  /** The session cookie as the gate saw it ('token': the presigned URL's GET). */
  session: 'valid' | 'missing' | 'expired' | 'unknown' | 'token';
  /** Whether the request carried Jupyter's X-XSRFToken header. */
  xsrfHeader: boolean;
}

export function baseUrlOf(name: string): string {
  return `/notebook/${encodeURIComponent(name)}/`;
}

function parseNotebookPath(pathname: string): { name: string; rest: string } | undefined {
  const match = /^\/notebook\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match) return undefined;
  try {
    return { name: decodeURIComponent(match[1]), rest: match[2] ?? '' };
  } catch {
    return undefined;
  }
}

function cookieValues(request: http.IncomingMessage, name: string): string[] {
  const header = request.headers.cookie ?? '';
  return header
    .split(';')
    .map((part) => part.trim().split('='))
    .filter(([key]) => key === name)
    .map(([, ...value]) => value.join('='));
}

function text(response: http.ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${message}\n`);
}

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = http.STATUS_CODES[status] ?? 'Error';
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.once('finish', () => socket.destroy());
}

// Instance folders still there when the Node process exits without closing the emulator go with it.
const roots = new Set<string>();
let exitHookInstalled = false;
function removeOnExit(root: string): void {
  roots.add(root);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
  });
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'upgrade'];

export class NotebookGateway {
  log: (line: string) => void = () => undefined;
  private readonly tokens = new Map<string, AuthToken>();
  private readonly sessions = new Map<string, Session>();
  private readonly backends = new Map<string, Backend>();
  private readonly stopping = new Set<Promise<void>>();
  private root?: string;
  private recorded: NotebookRequestRecord[] = [];
  private seq = 0;
  private closed = false;

  constructor(private readonly world: World) {}

  /** A presigned URL's token: single use, 5 minutes on the emulator's clock (unscaled, so real-time-safe). */
  mintToken(instance: string, sessionSeconds: number, lifetimeMs = AUTH_TOKEN_LIFETIME_MS, landing = 'tree'): string {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.world.clock.now() + lifetimeMs;
    this.tokens.set(token, { instance, expiresAt, sessionSeconds, landing, lifetimeMs });
    for (const [key, value] of this.tokens) if (value.expiresAt < this.world.clock.now()) this.tokens.delete(key);
    return token;
  }

  /** The per-instance folder that plays /home/ec2-user/SageMaker (created on first use). */
  folderOf(name: string): string {
    if (!this.root) {
      this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'smw-notebook-instances-'));
      removeOnExit(this.root);
    }
    return path.join(this.root, name, this.target(name)?.folderName ?? 'SageMaker');
  }

  /** What a test or the control API may know of an instance's Jupyter server. */
  describe(name: string): { running: boolean; pid?: number; port?: number; folder: string; connections: number } {
    const backend = this.backends.get(name);
    const server = backend?.server?.running ? backend.server : undefined;
    return {
      running: Boolean(server),
      pid: server?.pid,
      port: server?.port,
      folder: this.folderOf(name),
      connections: backend?.connections.size ?? 0,
    };
  }

  /** The notebook instance, or another registered target (a Studio space), behind a gateway name. */
  private target(name: string): JupyterTarget | undefined {
    const instance = notebookState(this.world).instances.get(name);
    if (instance && !instance.deleted)
      return {
        label: `notebook instance ${name}`,
        status: statusOf(this.world, instance),
        startedAt: instance.transition.since,
        folderName: 'SageMaker',
        presignOperation: 'CreatePresignedNotebookInstanceUrl',
        sync: (folder) => syncLifecycleFiles(this.world, instance, folder),
      };
    for (const resolve of resolvers) {
      const found = resolve(this.world, name);
      if (found) return found;
    }
    return undefined;
  }

  private labelOf(name: string): string {
    return this.target(name)?.label ?? `notebook instance ${name}`;
  }

  /** Stops the servers of instances that are no longer InService (stopped, failed, deleted, reset away). */
  reconcile(): void {
    for (const backend of this.backends.values()) {
      if (!backend.server && !backend.starting) continue;
      if (this.target(backend.name)?.status !== 'InService') this.stopInstance(backend.name);
    }
  }

  /** Closes every proxied connection of the instance; the server, its kernels and the sessions stay. */
  dropConnections(name: string): number {
    const backend = this.backends.get(name);
    if (!backend) return 0;
    const count = backend.connections.size;
    for (const socket of [...backend.connections]) socket.destroy();
    backend.connections.clear();
    return count;
  }

  /** The instance stops: its sessions end, every connection closes, the server (and its kernels) stop. */
  stopInstance(name: string): Promise<void> {
    for (const [key, session] of this.sessions) if (session.instance === name) this.sessions.delete(key);
    const backend = this.backends.get(name);
    if (!backend) return Promise.resolve();
    backend.generation++;
    this.dropConnections(name);
    backend.agent.destroy();
    backend.agent = new http.Agent({ keepAlive: true });
    const server = backend.server;
    backend.server = undefined;
    const starting = backend.starting;
    const stopped = (async () => {
      if (server) {
        await server.stop();
        this.log(`emulator: Jupyter server of ${this.labelOf(name)} stopped`);
      }
      await starting?.catch(() => undefined);
    })();
    this.stopping.add(stopped);
    void stopped.finally(() => this.stopping.delete(stopped));
    return stopped;
  }

  /** The instance is deleted: stopped, and its folder (the EBS volume) goes. */
  discardInstance(name: string): Promise<void> {
    for (const [key, token] of this.tokens) if (token.instance === name) this.tokens.delete(key);
    const stopped = this.stopInstance(name).then(() => {
      this.backends.delete(name);
      if (this.root) fs.rmSync(path.join(this.root, name), { recursive: true, force: true });
    });
    this.stopping.add(stopped);
    void stopped.finally(() => this.stopping.delete(stopped));
    return stopped;
  }

  /** Every server stopped and every folder removed (the emulator closes or resets). */
  async close(): Promise<void> {
    this.closed = true;
    for (const name of this.backends.keys()) void this.stopInstance(name);
    while (this.stopping.size > 0) await Promise.all([...this.stopping]);
    if (this.root) {
      fs.rmSync(this.root, { recursive: true, force: true });
      roots.delete(this.root);
    }
    this.root = undefined;
  }

  requests(): NotebookRequestRecord[] {
    return this.recorded;
  }

  clearRequests(): void {
    this.recorded = [];
  }

  /** Control routes (`/_emulator/...` without the prefix); undefined when the route is not the gateway's. */
  control(method: string, route: string): { status: number; body: unknown } | undefined {
    if (method === 'GET' && route === 'notebook-requests') return { status: 200, body: { requests: this.recorded } };
    if (method === 'DELETE' && route === 'notebook-requests') return (this.clearRequests(), { status: 200, body: {} });
    const match = /^notebook-instances\/([^/]+)\/(drop-connections|jupyter)$/.exec(route);
    if (!match) return undefined;
    const name = decodeURIComponent(match[1]);
    if (method === 'POST' && match[2] === 'drop-connections')
      return { status: 200, body: { dropped: this.dropConnections(name) } };
    if (method === 'GET' && match[2] === 'jupyter') return { status: 200, body: this.describe(name) };
    return undefined;
  }

  private record(
    request: http.IncomingMessage,
    instance: string,
    pathname: string,
    websocket: boolean,
    status: number,
    session: NotebookRequestRecord['session'],
  ): void {
    const xsrfHeader = typeof request.headers['x-xsrftoken'] === 'string';
    this.recorded.push({
      seq: ++this.seq,
      time: new Date().toISOString(),
      instance,
      method: request.method ?? 'GET',
      path: pathname,
      websocket,
      status,
      session,
      xsrfHeader,
    });
    if (this.recorded.length > MAX_RECORDED) this.recorded.splice(0, this.recorded.length - MAX_RECORDED);
  }

  /** Whether the request carries a live session cookie for the instance. */
  private gate(
    request: http.IncomingMessage,
    name: string,
  ): { session: NotebookRequestRecord['session']; message?: string } {
    this.reconcile();
    const values = cookieValues(request, SESSION_COOKIE);
    if (values.length === 0)
      return {
        session: 'missing',
        message: `No session for ${this.labelOf(name)}: open it through a presigned URL (${this.target(name)?.presignOperation ?? 'CreatePresignedNotebookInstanceUrl'}).`,
      };
    let expired = false;
    for (const value of values) {
      const session = this.sessions.get(value);
      if (!session || session.instance !== name) continue;
      if (session.expiresAt <= this.world.clock.now()) {
        this.sessions.delete(value);
        expired = true;
        continue;
      }
      return { session: 'valid' };
    }
    return expired
      ? {
          session: 'expired',
          message: `The session for ${this.labelOf(name)} has expired: get a new presigned URL.`,
        }
      : {
          session: 'unknown',
          message: `The session for ${this.labelOf(name)} is not valid (ended, or for another instance): get a new presigned URL.`,
        };
  }

  private backend(name: string): Backend {
    let backend = this.backends.get(name);
    if (!backend) {
      backend = { name, generation: 0, connections: new Set(), agent: new http.Agent({ keepAlive: true }) };
      this.backends.set(name, backend);
    }
    return backend;
  }

  /** The instance's running Jupyter server, started (with its folder filled by the lifecycle script) if need be. */
  private ensureServer(name: string): Promise<JupyterServer> {
    const instance = this.target(name);
    if (!instance) return Promise.reject(new Error(`${this.labelOf(name)} does not exist`));
    const backend = this.backend(name);
    if (backend.server?.running) return Promise.resolve(backend.server);
    if (backend.starting) return backend.starting;
    const generation = backend.generation;
    const starting = (async () => {
      const folder = this.folderOf(name);
      fs.mkdirSync(folder, { recursive: true });
      if (backend.syncedFor !== instance.startedAt) {
        const written = await instance.sync(folder);
        backend.syncedFor = instance.startedAt;
        if (written.length > 0) this.log(`emulator: ${instance.label}: lifecycle script copied ${written.join(', ')}`);
      }
      const server = await JupyterServer.start({
        root: folder,
        stateDir: path.join(path.dirname(folder), '.jupyter-server'),
        baseUrl: baseUrlOf(name),
      });
      if (backend.generation !== generation || this.closed) {
        await server.stop();
        throw new Error(`${this.labelOf(name)} stopped while its Jupyter server was starting`);
      }
      backend.server = server;
      this.log(`emulator: Jupyter server of ${this.labelOf(name)} on 127.0.0.1:${server.port} (pid ${server.pid})`);
      return server;
    })();
    backend.starting = starting;
    void starting.then(
      () => (backend.starting = backend.starting === starting ? undefined : backend.starting),
      () => (backend.starting = backend.starting === starting ? undefined : backend.starting),
    );
    return starting;
  }

  /** GET /notebook/<name>?authToken=…: the token is spent, a session begins, the browser goes to /tree. */
  private async login(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    name: string,
    token: string,
    pathname: string,
  ): Promise<void> {
    const fail = (status: number, message: string) => {
      this.record(request, name, pathname, false, status, 'token');
      text(response, status, message);
    };
    const minted = this.tokens.get(token);
    this.tokens.delete(token);
    if (!minted || minted.instance !== name)
      return fail(403, 'Invalid or already used authToken: presigned URLs are single-use.');
    if (minted.expiresAt <= this.world.clock.now())
      return fail(
        403,
        `The authToken has expired: this presigned URL was valid for ${minted.lifetimeMs % 60_000 === 0 ? `${minted.lifetimeMs / 60_000} minutes` : `${Math.round(minted.lifetimeMs / 1000)} seconds`}.`,
      );
    const target = this.target(name);
    const status = target?.status ?? 'Deleted';
    if (status !== 'InService') {
      const label = target?.label ?? `notebook instance ${name}`;
      return fail(403, `${label.charAt(0).toUpperCase()}${label.slice(1)} is ${status}, not InService.`);
    }
    let server: JupyterServer;
    try {
      server = await this.ensureServer(name);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(`emulator: Jupyter server of ${this.labelOf(name)} did not start: ${message}`);
      return fail(
        message === JUPYTER_MISSING ? 500 : 502,
        `The emulator could not start the Jupyter server of ${this.labelOf(name)}: ${message}`,
      );
    }
    const sessionId = randomBytes(32).toString('base64url');
    this.sessions.set(sessionId, { instance: name, expiresAt: this.world.clock.now() + minted.sessionSeconds * 1000 });
    const base = baseUrlOf(name);
    // Jupyter's own `_xsrf` cookie comes with this answer, as if the browser had already loaded /tree.
    const jupyterCookies = await new Promise<string[]>((resolve) => {
      const probe = http.get({ host: '127.0.0.1', port: server.port, path: `${base}tree`, agent: false }, (answer) => {
        answer.resume();
        resolve(answer.headers['set-cookie'] ?? []);
      });
      probe.on('error', () => resolve([]));
    });
    const session = `${SESSION_COOKIE}=${sessionId}; Path=${base.replace(/\/$/, '')}; Max-Age=${minted.sessionSeconds}; HttpOnly; SameSite=Lax`;
    this.record(request, name, pathname, false, 302, 'token');
    response.writeHead(302, {
      location: `${base}${minted.landing}`,
      'set-cookie': [session, ...jupyterCookies],
      'cache-control': 'no-store',
    });
    response.end();
  }

  /** Every HTTP request under /notebook/. */
  async handleRequest(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> {
    const parsed = parseNotebookPath(url.pathname);
    if (!parsed) return text(response, 404, 'Not found');
    const { name, rest } = parsed;
    const token = url.searchParams.get('authToken');
    if (token !== null && (rest === '' || rest === '/'))
      return this.login(request, response, name, token, url.pathname);
    const gate = this.gate(request, name);
    if (gate.message) {
      this.record(request, name, url.pathname, false, 403, gate.session);
      return text(response, 403, gate.message);
    }
    if (rest === '' || rest === '/') {
      this.record(request, name, url.pathname, false, 302, gate.session);
      response.writeHead(302, { location: `${baseUrlOf(name)}tree` });
      response.end();
      return;
    }
    let server: JupyterServer;
    try {
      server = await this.ensureServer(name);
    } catch (error) {
      this.record(request, name, url.pathname, false, 502, gate.session);
      return text(
        response,
        502,
        `The Jupyter server of ${this.labelOf(name)} is not available: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.proxy(request, response, this.backend(name), server, url.pathname, gate.session);
  }

  private track(backend: Backend, socket: Duplex): void {
    if (backend.connections.has(socket)) return;
    backend.connections.add(socket);
    socket.once('close', () => backend.connections.delete(socket));
  }

  private proxy(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    backend: Backend,
    server: JupyterServer,
    pathname: string,
    session: NotebookRequestRecord['session'],
  ): void {
    const headers = { ...request.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    // The client's connection counts as proxied while this request is under way (it may carry other calls later).
    const client = request.socket;
    if (!backend.connections.has(client)) {
      backend.connections.add(client);
      response.once('close', () => backend.connections.delete(client));
    }
    const upstream = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: request.method,
      path: request.url,
      headers,
      agent: backend.agent,
    });
    upstream.on('socket', (socket) => this.track(backend, socket));
    upstream.on('response', (answer) => {
      this.record(request, backend.name, pathname, false, answer.statusCode ?? 502, session);
      const answerHeaders = { ...answer.headers };
      for (const name of HOP_BY_HOP) delete answerHeaders[name];
      response.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(response);
      answer.on('error', () => response.destroy());
    });
    upstream.on('error', (error) => {
      if (response.headersSent) return void response.destroy();
      this.record(request, backend.name, pathname, false, 502, session);
      text(response, 502, `The Jupyter server of notebook instance ${backend.name} did not answer: ${error.message}`);
    });
    request.pipe(upstream);
  }

  /** HTTP Upgrade (the kernel WebSocket): same gate, then the bytes go both ways untouched. */
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const parsed = parseNotebookPath(url.pathname);
    if (!parsed || parsed.rest === '') return rejectUpgrade(socket, 404, 'Not found');
    const { name } = parsed;
    const gate = this.gate(request, name);
    if (gate.message) {
      this.record(request, name, url.pathname, true, 403, gate.session);
      return rejectUpgrade(socket, 403, gate.message);
    }
    const backend = this.backend(name);
    const server = backend.server;
    if (!server?.running) {
      this.record(request, name, url.pathname, true, 503, gate.session);
      return rejectUpgrade(socket, 503, `The Jupyter server of ${this.labelOf(name)} is not running.`);
    }
    this.record(request, name, url.pathname, true, 101, gate.session);
    const upstream = net.connect(server.port, '127.0.0.1');
    this.track(backend, socket);
    this.track(backend, upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', end);
    upstream.on('error', end);
    socket.on('close', end);
    upstream.on('close', end);
    upstream.on('connect', () => {
      const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
      for (let i = 0; i < request.rawHeaders.length; i += 2)
        lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream);
      upstream.pipe(socket);
    });
  }
}

/** The world's gateway (one per world: a reset starts over, after the old one is closed). */
export function notebookGateway(world: World): NotebookGateway {
  return world.state('sagemaker.jupyter', () => new NotebookGateway(world));
}
