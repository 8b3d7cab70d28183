// connectToInstance end to end against a real Jupyter server (Debian's notebook 6 + ipykernel) behind a
// test-only stand-in for the instance's presigned-URL front door (authStub.ts), CreatePresignedNotebookInstanceUrl
// stubbed with aws-sdk-client-mock on the real client factory.
import * as assert from 'assert';
import {
  CreatePresignedNotebookInstanceUrlCommand,
  SageMakerClient,
  type SageMakerClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-sagemaker';
import type { Kernel } from '@jupyterlab/services';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { AwsClients } from '../../../../src/aws/clients';
import { connectToInstance, type InstanceJupyter } from '../../../../src/aws/jupyter/instanceConnection';
import type { ResolvedSession } from '../../../../src/model/sessionSettings';
import { AuthStub } from './authStub';
import { jupyterAvailable, startJupyter, type LocalJupyter } from './jupyterServer';

async function run(kernel: Kernel.IKernelConnection, code: string): Promise<{ status: string; stdout: string }> {
  let stdout = '';
  const future = kernel.requestExecute({ code });
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') stdout += (msg.content as { text: string }).text;
  };
  const reply = await future.done;
  return { status: reply.content.status, stdout };
}

describe('connectToInstance (real Jupyter server behind a presigned-URL stub)', function () {
  this.timeout(120_000);
  let jupyter: LocalJupyter | undefined;
  let stub: AuthStub;
  let clients: AwsClients;
  // Made in before(): mockClient patches every SageMakerClient as soon as it is called, other files' tests included.
  let sagemaker: AwsStub<ServiceInputTypes, ServiceOutputTypes, SageMakerClientResolvedConfig> | undefined;
  const lines: string[] = [];
  const consoleSeen: string[] = [];
  const saved: Partial<Record<'debug' | 'log' | 'info' | 'warn' | 'error', (...args: unknown[]) => void>> = {};
  let connection: InstanceJupyter | undefined;

  before(async function () {
    assert.ok(
      jupyterAvailable(),
      "Debian's Jupyter is missing: sudo apt-get install python3-notebook python3-ipykernel (npm test installs it)",
    );
    jupyter = await startJupyter();
    stub = await new AuthStub(jupyter.port).start();
    sagemaker = mockClient(SageMakerClient);
    sagemaker
      .on(CreatePresignedNotebookInstanceUrlCommand, { NotebookInstanceName: 'lab' })
      .callsFake(() => ({ AuthorizedUrl: stub.mint() }));
    const session = {
      profile: undefined,
      profileLabel: 'default',
      region: 'us-east-1',
      regionSource: 'setting',
      endpointUrl: undefined,
      endpointSource: undefined,
    } as unknown as ResolvedSession;
    clients = new AwsClients(
      () => session,
      () => undefined,
      'test',
    );
    // Anything the library prints to the console would land here instead of in the connection's log.
    for (const method of ['debug', 'log', 'info', 'warn', 'error'] as const) {
      saved[method] = console[method];
      console[method] = (...args: unknown[]) => {
        consoleSeen.push(args.map(String).join(' '));
      };
    }
  });

  after(async () => {
    connection?.dispose();
    for (const [method, original] of Object.entries(saved))
      (console as unknown as Record<string, unknown>)[method] = original;
    sagemaker?.restore();
    clients?.dispose();
    await stub?.stop();
    await jupyter?.stop();
  });

  it('signs in through CreatePresignedNotebookInstanceUrl, lists kernel specs, runs print(1+1) on a kernel', async () => {
    connection = await connectToInstance(clients, 'lab', {
      log: (level, message) => lines.push(`${level} ${message}`),
      websocketReauthQuietMs: 0,
    });
    assert.strictEqual(sagemaker!.commandCalls(CreatePresignedNotebookInstanceUrlCommand).length, 1);
    assert.strictEqual(connection.serverSettings.baseUrl, `http://127.0.0.1:${stub.port}/`);

    const specs = await connection.kernelSpecs();
    assert.deepStrictEqual(
      specs.map((s) => [s.name, s.language, s.isDefault]),
      [['python3', 'python', true]],
    );

    const session = await connection.sessions.startNew({
      path: 'work/analysis.ipynb',
      type: 'notebook',
      name: 'analysis.ipynb',
      kernel: { name: 'python3' },
    });
    const kernel = session.kernel!;
    const result = await run(kernel, 'print(1+1)\nx = 41');
    assert.deepStrictEqual(result, { status: 'ok', stdout: '2\n' });

    const rest = stub.requests.filter((r) => !r.upgrade && r.path.startsWith('/api/'));
    assert.ok(rest.length >= 3);
    assert.ok(
      rest.every((r) => /sm_session=/.test(r.cookie ?? '') && /_xsrf=/.test(r.cookie ?? '')),
      'every REST call carries the cookies',
    );
    const changing = rest.filter((r) => r.method !== 'GET');
    assert.ok(changing.some((r) => r.method === 'POST' && r.path === '/api/sessions'));
    assert.ok(
      changing.every((r) => r.xsrf && (r.cookie ?? '').includes(`_xsrf=${r.xsrf}`)),
      'state-changing calls carry X-XSRFToken = _xsrf',
    );
    const sockets = stub.requests.filter((r) => r.upgrade);
    assert.ok(
      sockets.length >= 1 && sockets.every((r) => /sm_session=/.test(r.cookie ?? '') && r.status === 101),
      'the kernel websocket carries the cookies',
    );
    assert.ok(!stub.requests.some((r) => r.status === 403), 'no request went out without cookies');
  });

  it('after the session ends: REST re-authenticates once and retries; the kernel websocket re-attaches to the same kernel', async () => {
    const conn = connection!;
    const [model] = [...conn.sessions.running()];
    const session = conn.sessions.connectTo({ model });
    const kernel = session.kernel!;
    const mintsBefore = stub.mints;

    stub.expireSessions();
    const listing = await conn.contents.get('');
    assert.ok(Array.isArray(listing.content));
    assert.strictEqual(stub.mints, mintsBefore + 1, 'one silent re-authentication');

    stub.expireSessions();
    await kernel.reconnect();
    assert.strictEqual(stub.mints, mintsBefore + 2);
    const refusedSockets = stub.requests.filter((r) => r.upgrade && r.status === 403);
    assert.ok(refusedSockets.length >= 1, 'the stale websocket was refused first');
    assert.deepStrictEqual(
      await run(kernel, 'print(x + 1)'),
      { status: 'ok', stdout: '42\n' },
      'same kernel, its state kept',
    );
    await session.shutdown();
  });

  it('logs through the injected logger only, with nothing secret', () => {
    connection?.dispose();
    connection = undefined;
    assert.ok(
      lines.some((l) =>
        /^info Signed in to notebook instance "lab" at http:\/\/127\.0\.0\.1:\d+\/; the session lasts 1800 s$/.test(l),
      ),
    );
    assert.ok(
      lines.some((l) => /^debug Starting WebSocket: ws:\/\/127\.0\.0\.1/.test(l)),
      'the library logs are routed',
    );
    assert.ok(lines.some((l) => /signing in again/.test(l)));
    assert.ok(
      !consoleSeen.some((l) => /Starting WebSocket|Connection lost|Kernel: /.test(l)),
      `console noise: ${consoleSeen.join(' | ')}`,
    );
    assert.ok(stub.secrets.size >= 6);
    for (const text of [...lines, ...consoleSeen])
      for (const secret of stub.secrets) assert.ok(!text.includes(secret), `a secret reached the log: ${text}`);
  });
});
