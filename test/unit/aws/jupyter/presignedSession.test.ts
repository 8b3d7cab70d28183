import * as assert from 'assert';
import { PresignedSession, JupyterAuthError, baseCandidates } from '../../../../src/aws/jupyter/presignedSession';
import { AuthStub } from './authStub';

describe('PresignedSession (presigned sign-in, cookies, _xsrf, re-authentication)', () => {
  let stub: AuthStub;
  let lines: string[];
  let clock: number;
  const sessions: PresignedSession[] = [];

  function session(
    sessionSeconds = 1800,
    extra: Partial<ConstructorParameters<typeof PresignedSession>[0]> = {},
  ): PresignedSession {
    const made = new PresignedSession({
      label: 'notebook instance "lab"',
      mint: async () => ({ url: stub.mint(), sessionSeconds }),
      log: (level, message) => lines.push(`${level} ${message}`),
      refreshTimer: false,
      now: () => clock,
      ...extra,
    });
    sessions.push(made);
    return made;
  }

  function assertNothingSecret(texts: string[]): void {
    for (const text of texts)
      for (const secret of stub.secrets) assert.ok(!text.includes(secret), `a secret reached: ${text}`);
  }

  beforeEach(async () => {
    stub = await new AuthStub().start();
    lines = [];
    clock = Date.now();
  });
  afterEach(async () => {
    for (const s of sessions.splice(0)) s.dispose();
    await stub.stop();
    assertNothingSecret(lines);
  });

  it('signs in with one GET of the presigned URL, keeping the cookies of every redirect hop', async () => {
    const s = session();
    await s.signIn();
    assert.strictEqual(s.baseUrl, `http://127.0.0.1:${stub.port}/`);
    assert.strictEqual(s.wsUrl, `ws://127.0.0.1:${stub.port}/`);
    const [presigned, tree] = stub.requests;
    assert.deepStrictEqual([presigned.path, presigned.status, presigned.cookie], ['/', 302, undefined]);
    assert.deepStrictEqual([tree.path, tree.status], ['/tree', 200]);
    assert.match(tree.cookie ?? '', /sm_session=\w+; sm_seen=1|sm_seen=1; sm_session=\w+/);
    const cookie = s.cookieHeader(s.baseUrl) ?? '';
    assert.match(cookie, /sm_session=/);
    assert.match(cookie, /_xsrf=2\|/);
    assert.match(
      s.cookieHeader(`${s.wsUrl}api/kernels/k/channels`) ?? '',
      /sm_session=/,
      'websocket URLs get the same cookies',
    );
  });

  it('sends the cookies on every REST call and X-XSRFToken = _xsrf on state-changing ones only', async () => {
    const s = session();
    await s.signIn();
    const get = await s.fetch(`${s.baseUrl}api/contents`);
    assert.strictEqual(get.status, 200);
    const post = await s.fetch(
      new Request(`${s.baseUrl}api/sessions`, { method: 'POST', body: JSON.stringify({ path: 'a.ipynb' }) }),
    );
    assert.strictEqual(post.status, 200);
    assert.strictEqual(((await post.json()) as { body: string }).body, '{"path":"a.ipynb"}');
    const rest = stub.requests.filter((r) => r.path.startsWith('/api/') && r.path !== '/api/status');
    assert.deepStrictEqual(
      rest.map((r) => [r.method, r.status]),
      [
        ['GET', 200],
        ['POST', 200],
      ],
    );
    assert.ok(rest.every((r) => /sm_session=/.test(r.cookie ?? '')));
    assert.strictEqual(rest[0].xsrf, undefined);
    assert.strictEqual(rest[1].xsrf, s.xsrfToken(s.baseUrl));
    assert.strictEqual(stub.mints, 1);
  });

  it('on a 403 signs in again once, silently, and retries the request once (body included)', async () => {
    const s = session();
    await s.signIn();
    stub.expireSessions();
    const response = await s.fetch(
      new Request(`${s.baseUrl}api/contents/x.txt`, { method: 'PUT', body: '{"type":"file"}' }),
    );
    assert.strictEqual(response.status, 200);
    assert.strictEqual(((await response.json()) as { body: string }).body, '{"type":"file"}');
    assert.strictEqual(stub.mints, 2);
    const puts = stub.requests.filter((r) => r.method === 'PUT');
    assert.deepStrictEqual(
      puts.map((r) => r.status),
      [403, 200],
    );
    assert.ok(lines.some((l) => /answered HTTP 403; signing in again/.test(l)));
  });

  it('concurrent refused requests share one re-authentication', async () => {
    const s = session();
    await s.signIn();
    stub.expireSessions();
    const responses = await Promise.all([1, 2, 3, 4].map((i) => s.fetch(`${s.baseUrl}api/contents/${i}`)));
    assert.deepStrictEqual(
      responses.map((r) => r.status),
      [200, 200, 200, 200],
    );
    assert.strictEqual(stub.mints, 2);
  });

  it('a server that still refuses after signing in again fails with a clear error and no secret', async () => {
    const s = session();
    await s.signIn();
    stub.refusePath = /^\/api\/kernels/;
    const error = await s.fetch(`${s.baseUrl}api/kernels`).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof JupyterAuthError);
    assert.match(
      error.message,
      /^The Jupyter server of notebook instance "lab" still refuses GET \/api\/kernels after signing in again \(HTTP 403: Forbidden\)\.$/,
    );
    assert.strictEqual(stub.mints, 2, 'exactly one re-authentication');
    assertNothingSecret([error.message, error.stack ?? '']);
  });

  it('signs in again before the session ends instead of waiting for a 403', async () => {
    const s = session(60);
    await s.signIn();
    await s.fetch(`${s.baseUrl}api/contents`);
    clock += 50_000; // 10 s left, more than the 6 s margin: still fine
    await s.fetch(`${s.baseUrl}api/contents`);
    assert.strictEqual(stub.mints, 1);
    clock += 5_000; // 5 s left: inside the margin
    stub.expireSessions(); // the server would end it anyway
    const response = await s.fetch(`${s.baseUrl}api/contents`);
    assert.strictEqual(response.status, 200);
    assert.strictEqual(stub.mints, 2);
    assert.ok(!stub.requests.some((r) => r.status === 403), 'no request went out on the expiring session');
    assert.strictEqual(s.expiry, clock + 60_000);
  });

  it('the refresh timer re-mints ahead of expiry', async () => {
    // A 4 s session with a 2 s margin: the timer fires about 2 s in, leaving 2 s of slack on a loaded machine.
    const mintedAt: number[] = [];
    let reminted!: () => void;
    const secondMint = new Promise<void>((resolve) => (reminted = resolve));
    const s = session(4, {
      refreshTimer: true,
      now: Date.now,
      refreshMarginMs: 2_000,
      mint: async () => {
        mintedAt.push(Date.now());
        if (mintedAt.length === 2) reminted();
        return { url: stub.mint(), sessionSeconds: 4 };
      },
    });
    await s.signIn();
    await secondMint;
    assert.ok(
      mintedAt[1] < mintedAt[0] + 4_000,
      `re-minted ${mintedAt[1] - mintedAt[0]} ms in, after the session ended`,
    );
    // The new sign-in completing; bounded, so a test that timed out does not keep the process busy.
    const until = Date.now() + 5_000;
    while (s.generation < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.strictEqual(s.generation, 2);
    assert.strictEqual(stub.mints, 2);
    assert.ok(!stub.requests.some((r) => r.status === 403), 'no request was refused');
  });

  it('a refused presigned URL (used twice, or too late) fails clearly without the token', async () => {
    const url = stub.mint();
    await fetch(url, { redirect: 'manual' }); // someone used it already
    const s = session(1800, { mint: async () => ({ url, sessionSeconds: 1800 }) });
    const error = await s.signIn().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof JupyterAuthError);
    assert.match(
      error.message,
      /refused the sign-in \(HTTP 403 at http:\/\/127\.0\.0\.1:\d+\/: Invalid or expired authentication token\)\. A presigned URL works once and for 5 minutes/,
    );
    assertNothingSecret([error.message]);
  });

  it('an unreachable server fails with the host but not the token', async () => {
    const port = stub.port;
    await stub.stop();
    stub = await new AuthStub().start();
    const s = session(1800, {
      mint: async () => ({ url: `http://127.0.0.1:${port}/?authToken=secret-token-123`, sessionSeconds: 1800 }),
    });
    const error = await s.signIn().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    assert.match(
      error?.message ?? '',
      /^Could not reach the Jupyter server of notebook instance "lab" at http:\/\/127\.0\.0\.1:\d+\/: /,
    );
    assert.ok(!error?.message.includes('secret-token-123'));
  });

  it('probes the base URL where SageMaker, the emulator or a landing page puts it', () => {
    const candidates = (presigned: string, landing: string) =>
      baseCandidates(new URL(presigned), new URL(landing)).map((u) => u.href);
    assert.deepStrictEqual(
      candidates(
        'https://lab.notebook.us-east-1.sagemaker.aws?authToken=t',
        'https://lab.notebook.us-east-1.sagemaker.aws/tree',
      ),
      ['https://lab.notebook.us-east-1.sagemaker.aws/'],
    );
    assert.deepStrictEqual(
      candidates('http://127.0.0.1:9/notebook/lab?authToken=t', 'http://127.0.0.1:9/notebook/lab/tree'),
      ['http://127.0.0.1:9/notebook/lab/', 'http://127.0.0.1:9/notebook/', 'http://127.0.0.1:9/'],
    );
    assert.deepStrictEqual(
      candidates('https://d.studio.aws/auth?token=t', 'https://d.studio.aws/jupyter/default/lab/tree/x.ipynb'),
      [
        'https://d.studio.aws/auth/',
        'https://d.studio.aws/jupyter/default/',
        'https://d.studio.aws/jupyter/default/lab/',
        'https://d.studio.aws/',
      ],
    );
  });
});
