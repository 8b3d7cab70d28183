// The cookies of one signed-in Jupyter session (RFC 6265, the parts a Jupyter server behind SageMaker's
// presigned URL uses): Set-Cookie from every response, sent back on every request that matches its domain
// and path. Values are secrets; `secrets()` lists them so log lines can be scrubbed of them.

interface StoredCookie {
  name: string;
  value: string;
  /** Lower-case host (host-only cookie) or domain (Domain attribute, without its leading dot). */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  /** Epoch ms; undefined: a session cookie, kept as long as the jar. */
  expiresAt?: number;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/;

export class CookieJar {
  private cookies: StoredCookie[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the cookies of one response (the URL it answered). */
  storeFrom(url: URL | string, setCookieHeaders: readonly string[]): void {
    const target = typeof url === 'string' ? new URL(url) : url;
    for (const header of setCookieHeaders) this.store(target, header);
  }

  /** The `Cookie` header for a request to `url`, or undefined when no cookie matches. */
  header(url: URL | string): string | undefined {
    const target = httpUrl(url);
    const host = target.hostname.toLowerCase();
    const secureChannel = target.protocol === 'https:' || LOOPBACK.test(host);
    const now = this.now();
    const matching = this.live(now).filter(
      (c) =>
        (c.hostOnly ? host === c.domain : domainMatches(host, c.domain)) &&
        pathMatches(target.pathname || '/', c.path) &&
        (!c.secure || secureChannel),
    );
    // Longer paths first, as RFC 6265 5.4 asks.
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  /** The value of the named cookie sent to `url` (the most specific path wins). */
  get(name: string, url: URL | string): string | undefined {
    const header = this.header(url);
    for (const part of header?.split('; ') ?? []) {
      const eq = part.indexOf('=');
      if (part.slice(0, eq) === name) return part.slice(eq + 1);
    }
    return undefined;
  }

  /** Every stored value, for scrubbing them from text that may reach a log. */
  secrets(): string[] {
    return this.cookies.map((c) => c.value).filter((v) => v.length >= 4);
  }

  get size(): number {
    return this.live(this.now()).length;
  }

  clear(): void {
    this.cookies = [];
  }

  private live(now: number): StoredCookie[] {
    this.cookies = this.cookies.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
    return this.cookies;
  }

  private store(url: URL, header: string): void {
    const [pair, ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    const value = stripQuotes(pair.slice(eq + 1).trim());
    const host = url.hostname.toLowerCase();
    const cookie: StoredCookie = {
      name,
      value,
      domain: host,
      hostOnly: true,
      path: defaultPath(url.pathname),
      secure: false,
    };
    let maxAge: number | undefined;
    let expires: number | undefined;
    for (const attribute of attributes) {
      const at = attribute.indexOf('=');
      const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
      const val = at < 0 ? '' : attribute.slice(at + 1).trim();
      if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val);
      else if (key === 'expires') {
        const parsed = Date.parse(val);
        if (!Number.isNaN(parsed)) expires = parsed;
      } else if (key === 'domain' && val) {
        const domain = val.replace(/^\./, '').toLowerCase();
        if (!domainMatches(host, domain)) return; // a cookie for another site: ignored, as browsers do
        cookie.domain = domain;
        cookie.hostOnly = false;
      } else if (key === 'path' && val.startsWith('/')) cookie.path = val;
      else if (key === 'secure') cookie.secure = true;
    }
    const now = this.now();
    if (maxAge !== undefined) cookie.expiresAt = now + maxAge * 1000;
    else if (expires !== undefined) cookie.expiresAt = expires;
    this.cookies = this.cookies.filter(
      (c) => !(c.name === name && c.domain === cookie.domain && c.path === cookie.path),
    );
    if (cookie.expiresAt === undefined || cookie.expiresAt > now) this.cookies.push(cookie);
  }
}

/** ws:// and wss:// requests carry the cookies of http:// and https://. */
function httpUrl(url: URL | string): URL {
  const target = new URL(typeof url === 'string' ? url : url.href);
  if (target.protocol === 'ws:') return new URL(`http:${target.href.slice(3)}`);
  if (target.protocol === 'wss:') return new URL(`https:${target.href.slice(4)}`);
  return target;
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^\d+(\.\d+){3}$/.test(host));
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function defaultPath(path: string): string {
  if (!path.startsWith('/')) return '/';
  const last = path.lastIndexOf('/');
  return last <= 0 ? '/' : path.slice(0, last);
}

function stripQuotes(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
