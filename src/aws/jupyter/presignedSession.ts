// A signed-in session with a Jupyter server reached the way SageMaker's console reaches it: a presigned URL
// (CreatePresignedNotebookInstanceUrl, usable once and within 5 minutes) fetched once with a cookie jar,
// following the redirects by hand so the Set-Cookie of every hop is kept, landing on the Jupyter server. From
// then on every request carries the cookies and, when it changes state, the `_xsrf` cookie's value as
// `X-XSRFToken`. The session lasts SessionExpirationDurationInSeconds: it is minted again shortly before that,
// and a request refused with 401/403 (or redirected away, as an expired session is) signs in again once,
// silently, and is retried once.
//
// Secrets (the authToken of the URL, cookie values) never reach a log line or an error message: URLs are
// shown without their query and every text that leaves this module is scrubbed of the values seen.
import * as l10n from '@vscode/l10n';
import { redact } from '../../model/redact';
import { CookieJar } from './cookieJar';

export type JupyterLogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Receives lines already scrubbed of secrets. */
export type JupyterLog = (level: JupyterLogLevel, message: string) => void;

/** A freshly minted presigned URL and the length of the session it opens. */
export interface MintedUrl {
  url: string;
  sessionSeconds: number;
}

/** The server refused the sign-in or still refuses requests after signing in again. Carries no secret. */
export class JupyterAuthError extends Error {
  override name = 'JupyterAuthError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PresignedSessionOptions {
  /** What the messages call the server, e.g. `notebook instance "lab"`. */
  label: string;
  mint: () => Promise<MintedUrl>;
  log?: JupyterLog;
  /** The Jupyter base URL when it cannot be told from where the presigned URL lands. */
  baseUrl?: string;
  /** Sign in again this long before the session ends; default 10% of the session, at most 2 minutes. */
  refreshMarginMs?: number;
  /** Re-mint on a timer before expiry (so a kernel websocket reconnecting later finds fresh cookies); default true. */
  refreshTimer?: boolean;
  /** A kernel websocket refused within this long after a sign-in does not trigger another one; default 10 s. */
  websocketReauthQuietMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 10;

export class PresignedSession {
  private jar: CookieJar;
  private base: URL | undefined;
  private expiresAt = 0;
  private signedInAt = 0;
  private sessionMs = 0;
  private gen = 0;
  private signingIn: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly secrets = new Set<string>();
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PresignedSessionOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.jar = new CookieJar(this.now);
  }

  /** The Jupyter server's base URL (ends with `/`); known once signed in. */
  get baseUrl(): string {
    if (!this.base) throw new Error(l10n.t('Not signed in to {0} yet.', this.options.label));
    return this.base.href;
  }

  get wsUrl(): string {
    return this.baseUrl.replace(/^http/, 'ws');
  }

  /** Increases with every sign-in. */
  get generation(): number {
    return this.gen;
  }

  /** When the current session ends (epoch ms). */
  get expiry(): number {
    return this.expiresAt;
  }

  /** Mints a URL and signs in (again). Concurrent callers share one sign-in. */
  signIn(): Promise<void> {
    return this.reauthenticate();
  }

  /** Signs in again unless that already happened after `seenGeneration`. */
  reauthenticate(seenGeneration?: number): Promise<void> {
    if (this.disposed) return Promise.reject(new Error(l10n.t('The connection to {0} is closed.', this.options.label)));
    if (seenGeneration !== undefined && this.gen > seenGeneration) return this.signingIn ?? Promise.resolve();
    if (!this.signingIn) {
      this.signingIn = this.doSignIn().finally(() => {
        this.signingIn = undefined;
      });
    }
    return this.signingIn;
  }

  /** Waits for a sign-in under way and signs in again when the session is about to end. */
  async ready(): Promise<void> {
    if (this.signingIn) await this.signingIn;
    if (!this.base || this.now() >= this.expiresAt - this.margin()) await this.reauthenticate(this.gen);
  }

  /** The Cookie header for a request to `url` (http(s) or ws(s)). */
  cookieHeader(url: string): string | undefined {
    return this.jar.header(url);
  }

  /** The value of the `_xsrf` cookie for `url`. */
  xsrfToken(url: string): string | undefined {
    return this.jar.get('_xsrf', url);
  }

  /** `text` without any URL query carrying a token and without any secret value seen by this session. */
  scrub(text: string): string {
    let out = redact(text);
    for (const secret of [...this.secrets, ...this.jar.secrets()]) out = out.split(secret).join('<redacted>');
    return out;
  }

  /** The fetch handed to @jupyterlab/services: cookies, X-XSRFToken, one silent re-authentication. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const method = request.method.toUpperCase();
    // Read once so the request can be sent twice (the retry after signing in again).
    const body = method === 'GET' || method === 'HEAD' ? undefined : await request.arrayBuffer();
    await this.ready();
    const generation = this.gen;
    let response = await this.send(request, method, body);
    if (!refused(response)) return response;
    const where = `${method} ${safePath(request.url)}`;
    // l10n-exempt: log line to the Output channel
    this.log('info', `${this.options.label}: ${where} answered HTTP ${response.status}; signing in again`);
    await discard(response);
    await this.reauthenticate(generation);
    response = await this.send(request, method, body);
    if (!refused(response)) return response;
    const detail = await serverMessage(response);
    throw new JupyterAuthError(
      this.scrub(
        l10n.t(
          'The Jupyter server of {0} still refuses {1} after signing in again (HTTP {2}{3}).',
          this.options.label,
          where,
          response.status,
          detail ? `: ${detail}` : '',
        ),
      ),
      response.status,
    );
  };

  /** A kernel websocket was refused: sign in again in the background so the library's reconnect finds fresh cookies. */
  websocketRefused(generation: number): void {
    if (
      this.disposed ||
      this.gen > generation ||
      this.now() - this.signedInAt < (this.options.websocketReauthQuietMs ?? 10_000)
    )
      return;
    // l10n-exempt: log line to the Output channel
    this.log('info', `${this.options.label}: the kernel websocket was refused; signing in again`);
    this.reauthenticate(generation).catch((error: unknown) =>
      // l10n-exempt: log line to the Output channel
      this.log('warn', `${this.options.label}: signing in again failed: ${messageOf(error)}`),
    );
  }

  log(level: JupyterLogLevel, message: string): void {
    this.options.log?.(level, this.scrub(message));
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.jar.clear();
    this.secrets.clear();
  }

  private margin(): number {
    return this.options.refreshMarginMs ?? Math.min(120_000, this.sessionMs * 0.1);
  }

  private async send(request: Request, method: string, body: ArrayBuffer | undefined): Promise<Response> {
    const headers = new Headers(request.headers);
    headers.delete('cookie');
    const cookie = this.jar.header(request.url);
    if (cookie) headers.set('Cookie', cookie);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
      const xsrf = this.jar.get('_xsrf', request.url);
      if (xsrf) headers.set('X-XSRFToken', xsrf);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(request.url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: request.signal,
      });
    } catch (error) {
      throw new Error(
        this.scrub(
          l10n.t('{0}: {1} {2} failed: {3}', this.options.label, method, safePath(request.url), messageOf(error)),
        ),
      );
    }
    this.jar.storeFrom(request.url, response.headers.getSetCookie());
    return response;
  }

  private async doSignIn(): Promise<void> {
    const label = this.options.label;
    const started = this.now();
    const minted = await this.options.mint();
    const url = new URL(minted.url);
    for (const value of url.searchParams.values()) if (value.length >= 4) this.secrets.add(value);
    const jar = new CookieJar(this.now);
    const landing = await this.follow(url, jar);
    if (!landing.response.ok) {
      const detail = await serverMessage(landing.response);
      throw new JupyterAuthError(
        this.scrub(
          l10n.t(
            'The Jupyter server of {0} refused the sign-in (HTTP {1} at {2}{3}). A presigned URL works once and for 5 minutes; the instance must be InService.',
            label,
            landing.response.status,
            safeUrl(landing.url),
            detail ? `: ${detail}` : '',
          ),
        ),
        landing.response.status,
      );
    }
    await discard(landing.response);
    const base = await this.findBase(
      this.options.baseUrl ? [withSlash(new URL(this.options.baseUrl))] : baseCandidates(url, landing.url),
      jar,
    );
    // The landing page normally sets `_xsrf`; when it did not, the tree page does.
    if (!jar.get('_xsrf', base)) await discard((await this.follow(new URL('tree', base), jar)).response);
    if (this.disposed) return;
    for (const secret of jar.secrets()) this.secrets.add(secret);
    this.jar = jar;
    this.base = base;
    this.signedInAt = this.now();
    this.sessionMs = minted.sessionSeconds * 1000;
    this.expiresAt = started + this.sessionMs;
    this.gen += 1;
    // l10n-exempt: log line to the Output channel
    this.log('info', `Signed in to ${label} at ${safeUrl(base)}; the session lasts ${minted.sessionSeconds} s`);
    this.schedule();
  }

  private async follow(start: URL, jar: CookieJar): Promise<{ response: Response; url: URL }> {
    let url = start;
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, { headers: cookieHeaders(jar, url), redirect: 'manual' });
      } catch (error) {
        throw new Error(
          this.scrub(
            l10n.t(
              'Could not reach the Jupyter server of {0} at {1}: {2}',
              this.options.label,
              safeUrl(url),
              messageOf(error),
            ),
          ),
        );
      }
      jar.storeFrom(url, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url };
      await discard(response);
      if (hop >= MAX_REDIRECTS)
        throw new JupyterAuthError(
          l10n.t('Signing in to {0} redirected more than {1} times.', this.options.label, MAX_REDIRECTS),
        );
      url = new URL(location, url);
      for (const value of url.searchParams.values()) if (value.length >= 4) this.secrets.add(value);
    }
  }

  /** The first candidate whose `api/status` answers 200 with the session's cookies. */
  private async findBase(candidates: URL[], jar: CookieJar): Promise<URL> {
    let status = 0;
    for (const base of candidates) {
      const probe = new URL('api/status', base);
      let check: Response;
      try {
        check = await this.fetchImpl(probe, { headers: cookieHeaders(jar, probe), redirect: 'manual' });
      } catch (error) {
        throw new Error(
          this.scrub(
            l10n.t(
              'Could not reach the Jupyter server of {0} at {1}: {2}',
              this.options.label,
              safeUrl(base),
              messageOf(error),
            ),
          ),
        );
      }
      jar.storeFrom(probe, check.headers.getSetCookie());
      await discard(check);
      if (check.ok) return base;
      status ||= check.status;
    }
    throw new JupyterAuthError(
      this.scrub(
        l10n.t(
          'Signed in to {0}, but no Jupyter API answers at {1} (HTTP {2}).',
          this.options.label,
          candidates.map((c) => safeUrl(c)).join(l10n.t(' or ')),
          status,
        ),
      ),
      status,
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.options.refreshTimer === false) return;
    const delay = Math.max(1_000, this.expiresAt - this.margin() - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.reauthenticate(this.gen).catch((error: unknown) =>
        // l10n-exempt: log line to the Output channel
        this.log('warn', `${this.options.label}: signing in again before the session ends failed: ${messageOf(error)}`),
      );
    }, delay);
    this.timer.unref?.();
  }
}

/** Refused, or sent elsewhere (an expired SageMaker session redirects to sign-in; Jupyter's REST API does not redirect). */
function refused(response: Response): boolean {
  return response.status === 401 || response.status === 403 || (response.status >= 300 && response.status < 400);
}

const PAGES = new Set(['tree', 'lab', 'notebooks', 'edit', 'view', 'terminals', 'voila']);

/**
 * Where the Jupyter base URL may be, most likely first: the presigned URL's own path (SageMaker's `/`, the
 * emulator's `/notebook/<name>/`), then what precedes a page segment (/tree, /lab…) of where the sign-in
 * landed, then the root. The sign-in probes them in this order.
 */
export function baseCandidates(presigned: URL, landing: URL): URL[] {
  const paths = [
    presigned.origin === landing.origin ? withSlash(new URL(presigned.pathname, presigned.origin)).pathname : undefined,
  ];
  const segments = landing.pathname.split('/');
  for (let i = 1; i < segments.length; i++)
    if (PAGES.has(segments[i])) paths.push(`${segments.slice(0, i).join('/')}/`);
  paths.push('/');
  return [...new Set(paths.filter((p): p is string => !!p))].map((p) => new URL(p, landing.origin));
}

function withSlash(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL(`${url.pathname}/`, url.origin);
}

function cookieHeaders(jar: CookieJar, url: URL): Record<string, string> {
  const cookie = jar.header(url);
  return cookie ? { Cookie: cookie } : {};
}

/** Scheme, host and path: never the query, which is where tokens travel. */
export function safeUrl(url: URL | string): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return `${u.origin}${u.pathname}`;
}

function safePath(url: string): string {
  return new URL(url).pathname;
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // nothing to release
  }
}

async function serverMessage(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 2000);
    try {
      const parsed = JSON.parse(text) as { message?: unknown };
      if (typeof parsed.message === 'string') return parsed.message.slice(0, 300);
    } catch {
      // not JSON
    }
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
    if (title !== undefined) return title.trim().slice(0, 300);
    return text.trimStart().startsWith('<') ? '' : (text.split('\n')[0] ?? '').trim().slice(0, 300);
  } catch {
    return '';
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
