// connectToInstance against the emulator's notebook instance (a real Jupyter server behind the emulator's
// presigned URL, single-use authToken, session + _xsrf cookies, 403 without them), through the real client
// factory (AwsClients with the emulator as endpoint, so CreatePresignedNotebookInstanceUrl really goes over the
// wire). Kept beside the client's other tests rather than in test/emulator: it tests this client, the emulator
// is only its server, and it runs with the unit suite in a few seconds.
import * as assert from 'assert';
import { DescribeNotebookInstanceCommand, StartNotebookInstanceCommand } from '@aws-sdk/client-sagemaker';
import { AwsClients } from '../../../../src/aws/clients';
import { connectToInstance, type InstanceJupyter } from '../../../../src/aws/jupyter/instanceConnection';
import type { ResolvedSession } from '../../../../src/model/sessionSettings';
import type { RunningEmulator } from '../../../emulator/index';
import { advance, clientsFor, credentials, emulatorForTest } from '../../../emulator/support';
import { jupyterAvailable } from './jupyterServer';

const LAB = 'ml-pipeline-lab-notebook';

interface NotebookRequest {
  method: string;
  path: string;
  websocket: boolean;
  status: number;
  session: string;
  xsrfHeader: boolean;
}

describe('connectToInstance against the emulator', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator | undefined;
  let clients: AwsClients;
  let connection: InstanceJupyter | undefined;
  const lines: string[] = [];
  const secrets = new Set<string>();
  const env = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

  const notebookRequests = async () =>
    ((await (await fetch(`${emulator!.url}/_emulator/notebook-requests`)).json()) as { requests: NotebookRequest[] })
      .requests;
  const presignCalls = async () =>
    (
      (await (await fetch(`${emulator!.url}/_emulator/requests`)).json()) as {
        requests: Array<{ operation: string; status: number }>;
      }
    ).requests.filter((r) => r.operation === 'CreatePresignedNotebookInstanceUrl' && r.status === 200).length;

  /** Watches what goes over the wire, to know every secret the log must not show. */
  const watchingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    for (const value of url.searchParams.values()) if (value.length >= 8) secrets.add(value);
    const response = await fetch(input, init);
    for (const cookie of response.headers.getSetCookie()) secrets.add(/^[^=]+=([^;]*)/.exec(cookie)?.[1] ?? '');
    secrets.delete('');
    return response;
  };

  before(async function () {
    assert.ok(
      jupyterAvailable(),
      "Debian's Jupyter is missing: sudo apt-get install python3-notebook python3-ipykernel (npm test installs it)",
    );
    emulator = await emulatorForTest();
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    const session = {
      profile: undefined,
      profileLabel: 'env',
      region: 'us-east-1',
      regionSource: 'setting',
      endpointUrl: emulator.url,
      endpointSource: 'setting',
    } as unknown as ResolvedSession;
    clients = new AwsClients(
      () => session,
      () => undefined,
      'test',
    );
    const sagemaker = clientsFor(emulator.url).sagemaker;
    await sagemaker.send(new StartNotebookInstanceCommand({ NotebookInstanceName: LAB }));
    await advance(emulator.url, 301);
    const described = await sagemaker.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: LAB }));
    assert.strictEqual(described.NotebookInstanceStatus, 'InService');
  });

  after(async () => {
    connection?.dispose();
    clients?.dispose();
    await emulator?.close();
    if (env.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    else process.env.AWS_ACCESS_KEY_ID = env.id;
    if (env.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    else process.env.AWS_SECRET_ACCESS_KEY = env.secret;
  });

  it('signs in, lists the SageMaker kernel specs and runs print(1+1) on conda_python3, every request with cookies', async () => {
    connection = await connectToInstance(clients, LAB, {
      log: (level, message) => lines.push(`${level} ${message}`),
      fetch: watchingFetch,
      websocketReauthQuietMs: 0,
    });
    assert.strictEqual(connection.serverSettings.baseUrl, `${emulator!.url}/notebook/${LAB}/`);
    const specs = await connection.kernelSpecs();
    assert.strictEqual(specs[0].name, 'conda_python3');
    assert.ok(specs[0].isDefault);
    assert.ok(specs.some((s) => s.name === 'conda_pytorch_p310'));

    const session = await connection.sessions.startNew({
      path: 'analysis.ipynb',
      type: 'notebook',
      name: 'analysis.ipynb',
      kernel: { name: 'conda_python3' },
    });
    let stdout = '';
    const future = session.kernel!.requestExecute({ code: 'print(1+1)\nx = 41' });
    future.onIOPub = (msg) => {
      if (msg.header.msg_type === 'stream') stdout += (msg.content as { text: string }).text;
    };
    assert.strictEqual((await future.done).content.status, 'ok');
    assert.strictEqual(stdout, '2\n');

    const requests = await notebookRequests();
    assert.deepStrictEqual(
      requests.filter((r) => r.session !== 'valid').map((r) => [r.session, r.status]),
      [['token', 302]],
      'only the presigned GET goes without the session cookie',
    );
    assert.ok(requests.some((r) => r.websocket && r.status === 101));
    const changing = requests.filter((r) => !r.websocket && r.method !== 'GET');
    assert.ok(changing.some((r) => r.method === 'POST' && r.path.endsWith('/api/sessions')));
    assert.ok(
      changing.every((r) => r.xsrfHeader && r.status < 400),
      'X-XSRFToken on every state-changing call',
    );
  });

  it('an expired session is re-authenticated once, silently; a dropped connection re-attaches to the same kernel', async () => {
    const conn = connection!;
    const before = await presignCalls();
    await advance(emulator!.url, 1801); // past SessionExpirationDurationInSeconds (1800)
    const listing = await conn.contents.get('');
    assert.strictEqual(listing.type, 'directory');
    assert.strictEqual(await presignCalls(), before + 1);
    assert.ok(
      (await notebookRequests()).some((r) => r.session === 'expired' && r.status === 403),
      'the emulator saw the expired session once',
    );

    const [model] = [...conn.sessions.running()];
    const kernel = conn.sessions.connectTo({ model }).kernel!;
    const reconnected = new Promise<void>((resolve) => {
      kernel.connectionStatusChanged.connect((_, status) => {
        if (status === 'connected') resolve();
      });
    });
    const dropped = (await (
      await fetch(`${emulator!.url}/_emulator/notebook-instances/${LAB}/drop-connections`, { method: 'POST' })
    ).json()) as { dropped: number };
    assert.ok(dropped.dropped >= 1);
    await reconnected;
    let stdout = '';
    const future = kernel.requestExecute({ code: 'print(x + 1)' });
    future.onIOPub = (msg) => {
      if (msg.header.msg_type === 'stream') stdout += (msg.content as { text: string }).text;
    };
    await future.done;
    assert.strictEqual(stdout, '42\n', 'the variable defined before the drop is still there');
    await conn.sessions.shutdown(model.id);
  });

  it('logs nothing secret', () => {
    connection?.dispose();
    connection = undefined;
    assert.ok(secrets.size >= 4, `secrets seen: ${secrets.size}`);
    assert.ok(lines.some((l) => /signing in again/.test(l)));
    for (const line of lines) {
      for (const secret of secrets) assert.ok(!line.includes(secret), `a secret reached the log: ${line}`);
      assert.ok(!/authToken=(?!<redacted>)/.test(line), line);
    }
  });
});
