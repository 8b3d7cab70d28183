// A notebook instance that is InService is backed by a real Jupyter server (Debian's python3-notebook and
// ipykernel) behind the emulator's presigned URL: single-use, expiring authToken; session and `_xsrf` cookies;
// 403 without them; kernel specs named as on SageMaker; a real kernel over the WebSocket; the folder filled by the
// lifecycle script and kept across Stop/Start; Stop closes every connection and ends the server process.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CreatePresignedNotebookInstanceUrlCommand,
  DeleteNotebookInstanceCommand,
  DescribeNotebookInstanceCommand,
  StartNotebookInstanceCommand,
  StopNotebookInstanceCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import WebSocket from 'ws';
import type { RunningEmulator } from './index';
import { advance, clientsFor, emulatorForTest } from './support';

const LAB = 'ml-pipeline-lab-notebook';
const FRAUD = 'FraudDetectionNotebookInstance';

/** A cookie jar as small as a client needs: name=value pairs from Set-Cookie, sent back on every request. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

interface Jupyter {
  running: boolean;
  pid?: number;
  folder: string;
}

describe('emulator: notebook instances backed by a real Jupyter server', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let sagemaker: SageMakerClient;
  const sockets: WebSocket[] = [];

  before(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  after(async () => {
    for (const socket of sockets) if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    await emulator?.close();
  });

  const base = (name: string) => `${emulator.url}/notebook/${name}/`;
  const presign = async (name: string, seconds?: number) =>
    (
      await sagemaker.send(
        new CreatePresignedNotebookInstanceUrlCommand({
          NotebookInstanceName: name,
          SessionExpirationDurationInSeconds: seconds,
        }),
      )
    ).AuthorizedUrl ?? '';
  const status = async (name: string) =>
    (await sagemaker.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }))).NotebookInstanceStatus;
  const jupyter = async (name: string) =>
    (await (await fetch(`${emulator.url}/_emulator/notebook-instances/${name}/jupyter`)).json()) as Jupyter;

  /** The one GET of a presigned URL, redirects not followed, so its cookies land in the jar. */
  async function signIn(url: string): Promise<{ jar: Jar; response: Response }> {
    const jar = new Jar();
    const response = await fetch(url, { redirect: 'manual' });
    jar.take(response);
    return { jar, response };
  }

  function api(
    jar: Jar | undefined,
    name: string,
    route: string,
    init: RequestInit = {},
    xsrf = true,
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar) headers.set('cookie', jar.header());
    if (jar && xsrf && jar.cookies.has('_xsrf')) headers.set('x-xsrftoken', jar.cookies.get('_xsrf') ?? '');
    return fetch(`${base(name)}${route}`, { ...init, headers, redirect: 'manual' });
  }

  async function startAndWait(name: string): Promise<void> {
    await sagemaker.send(new StartNotebookInstanceCommand({ NotebookInstanceName: name }));
    await advance(emulator.url, 301);
    assert.equal(await status(name), 'InService');
  }

  function openKernel(jar: Jar | undefined, name: string, kernelId: string): WebSocket {
    const url = `${base(name).replace(/^http/, 'ws')}api/kernels/${kernelId}/channels?session_id=${randomUUID()}`;
    const socket = new WebSocket(url, { headers: jar ? { Cookie: jar.header() } : {} });
    socket.on('error', () => undefined);
    sockets.push(socket);
    return socket;
  }

  /** Runs code on the kernel and gives back the text of its `stream` messages. */
  function execute(socket: WebSocket, code: string): Promise<string> {
    const msgId = randomUUID();
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`no idle status for ${code} (got ${JSON.stringify(out)})`)),
        60_000,
      );
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as {
          msg_type: string;
          parent_header: { msg_id?: string };
          content: { text?: string; execution_state?: string };
        };
        if (message.parent_header.msg_id !== msgId) return;
        if (message.msg_type === 'stream') out += message.content.text ?? '';
        if (message.msg_type === 'status' && message.content.execution_state === 'idle') {
          clearTimeout(timer);
          resolve(out);
        }
      });
      socket.send(
        JSON.stringify({
          header: {
            msg_id: msgId,
            username: 'test',
            session: randomUUID(),
            msg_type: 'execute_request',
            version: '5.3',
            date: new Date().toISOString(),
          },
          parent_header: {},
          metadata: {},
          content: {
            code,
            silent: false,
            store_history: true,
            user_expressions: {},
            allow_stdin: false,
            stop_on_error: true,
          },
          channel: 'shell',
          buffers: [],
        }),
      );
    });
  }

  const opened = (socket: WebSocket) =>
    new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  const refused = (socket: WebSocket) =>
    new Promise<number>((resolve, reject) => {
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.once('open', () => reject(new Error('the WebSocket opened')));
    });
  const closed = (socket: WebSocket) =>
    new Promise<void>((resolve) =>
      socket.readyState === WebSocket.CLOSED ? resolve() : socket.once('close', () => resolve()),
    );

  async function gone(pid: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`process ${pid} is still running`);
  }

  let jar: Jar;
  let kernelId: string;
  let kernel: WebSocket;

  it("1. the presigned URL is the emulator's own, and one GET trades its token for the session and _xsrf cookies", async () => {
    await startAndWait(LAB);
    const url = await presign(LAB, 1800);
    assert.match(url, new RegExp(`^${emulator.url}/notebook/${LAB}\\?authToken=[A-Za-z0-9_-]{40,}$`));
    const signedIn = await signIn(url);
    jar = signedIn.jar;
    assert.equal(signedIn.response.status, 302);
    assert.equal(signedIn.response.headers.get('location'), `/notebook/${LAB}/tree`);
    assert.ok(jar.cookies.get('smw-notebook-session'), 'session cookie');
    assert.ok(jar.cookies.get('_xsrf'), "Jupyter's _xsrf cookie");
    const setCookie = signedIn.response.headers.getSetCookie().find((c) => c.startsWith('smw-notebook-session='));
    assert.match(setCookie ?? '', new RegExp(`Path=/notebook/${LAB}; Max-Age=1800; HttpOnly`));
    // The redirect target is Jupyter's tree page, served through the gateway.
    const tree = await api(jar, LAB, 'tree');
    assert.equal(tree.status, 200);
    assert.match(await tree.text(), /Jupyter/);

    const again = await fetch(url, { redirect: 'manual' });
    assert.equal(again.status, 403, 'the authToken is single-use');
    assert.match(await again.text(), /single-use/);
  });

  it('2. Jupyter lists the kernel specs named as on SageMaker, and refuses requests without a session (403)', async () => {
    const response = await api(jar, LAB, 'api/kernelspecs');
    assert.equal(response.status, 200);
    const specs = (await response.json()) as {
      default: string;
      kernelspecs: Record<string, { spec: { display_name: string; argv: string[] } }>;
    };
    assert.equal(specs.default, 'conda_python3');
    assert.equal(specs.kernelspecs.conda_python3.spec.display_name, 'conda_python3');
    assert.ok(specs.kernelspecs.conda_pytorch_p310, 'conda_pytorch_p310');
    assert.equal(specs.kernelspecs.python3, undefined, 'the local python3 spec is hidden');
    assert.deepEqual(specs.kernelspecs.conda_python3.spec.argv.slice(0, 3), [
      '/usr/bin/python3',
      '-m',
      'ipykernel_launcher',
    ]);

    const bare = await api(undefined, LAB, 'api/kernelspecs');
    assert.equal(bare.status, 403);
    assert.match(await bare.text(), /presigned URL/);
    const forged = await fetch(`${base(LAB)}api/kernelspecs`, { headers: { cookie: 'smw-notebook-session=forged' } });
    assert.equal(forged.status, 403);
    // Another instance's session is not this one's.
    const fraud = await signIn(await presign(FRAUD));
    const crossed = await api(fraud.jar, LAB, 'api/kernelspecs');
    assert.equal(crossed.status, 403);
  });

  it("3. the lab instance's folder holds the Lab1 notebooks its on-start script copies from S3", async () => {
    const listing = (await (await api(jar, LAB, 'api/contents')).json()) as {
      content: Array<{ name: string; type: string }>;
    };
    const names = listing.content.map((c) => c.name).sort();
    assert.deepEqual(names, ['Lab1-data-preparation.ipynb', 'Lab1-training.ipynb']);
    assert.ok(listing.content.every((c) => c.type === 'notebook'));
    const { folder } = await jupyter(LAB);
    assert.deepEqual(fs.readdirSync(folder).sort(), names);
    // The fraud instance's script does `cd /home/ec2-user/SageMaker; aws s3 cp … .`.
    assert.deepEqual(fs.readdirSync((await jupyter(FRAUD)).folder), ['sagemaker_fraud_detection.ipynb']);
  });

  it('4. a session needs X-XSRFToken (Jupyter enforces it); the kernel WebSocket runs print(1+1) and streams "2"', async () => {
    const body = JSON.stringify({
      path: 'Lab1-training.ipynb',
      type: 'notebook',
      name: '',
      kernel: { name: 'conda_python3' },
    });
    const noXsrf = await api(
      jar,
      LAB,
      'api/sessions',
      { method: 'POST', body, headers: { 'content-type': 'application/json' } },
      false,
    );
    assert.equal(noXsrf.status, 403);
    const created = await api(jar, LAB, 'api/sessions', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(created.status, 201);
    const session = (await created.json()) as { kernel: { id: string; name: string } };
    assert.equal(session.kernel.name, 'conda_python3');
    kernelId = session.kernel.id;

    assert.equal(await refused(openKernel(undefined, LAB, kernelId)), 403, 'no cookie, no WebSocket');
    kernel = openKernel(jar, LAB, kernelId);
    await opened(kernel);
    assert.equal(await execute(kernel, 'print(1+1)'), '2\n');
    assert.equal(
      await execute(kernel, 'import os; x = 41; print(os.getcwd())'),
      `${fs.realpathSync((await jupyter(LAB)).folder)}\n`,
    );
  });

  it('5. drop-connections closes the WebSocket; reconnecting reaches the same kernel (its variables are still there)', async () => {
    const dropped = (await (
      await fetch(`${emulator.url}/_emulator/notebook-instances/${LAB}/drop-connections`, { method: 'POST' })
    ).json()) as { dropped: number };
    assert.ok(dropped.dropped >= 1);
    await closed(kernel);
    kernel = openKernel(jar, LAB, kernelId);
    await opened(kernel);
    assert.equal(await execute(kernel, 'print(x + 1)'), '42\n');
  });

  it('6. files written through Jupyter; Stop closes the WebSocket, ends the session and stops the server process', async () => {
    assert.equal(
      (await api(jar, LAB, 'api/contents/notes', { method: 'PUT', body: JSON.stringify({ type: 'directory' }) }))
        .status,
      201,
    );
    const file = await api(jar, LAB, 'api/contents/notes/kept.txt', {
      method: 'PUT',
      body: JSON.stringify({ type: 'file', format: 'text', content: 'kept across Stop/Start' }),
    });
    assert.equal(file.status, 201);

    const { pid, running } = await jupyter(LAB);
    assert.ok(running && pid);
    await sagemaker.send(new StopNotebookInstanceCommand({ NotebookInstanceName: LAB }));
    await closed(kernel);
    await gone(pid);
    assert.equal((await jupyter(LAB)).running, false);
    assert.equal((await api(jar, LAB, 'api/kernelspecs')).status, 403, 'the session ended with the instance');
    await advance(emulator.url, 100);
    assert.equal(await status(LAB), 'Stopped');
    await assert.rejects(presign(LAB), /not in InService/);
  });

  it('7. after Start the files written before are there, and the lifecycle files again', async () => {
    await startAndWait(LAB);
    jar = (await signIn(await presign(LAB))).jar;
    const file = (await (await api(jar, LAB, 'api/contents/notes/kept.txt')).json()) as { content: string };
    assert.equal(file.content, 'kept across Stop/Start');
    const listing = (await (await api(jar, LAB, 'api/contents')).json()) as { content: Array<{ name: string }> };
    assert.deepEqual(listing.content.map((c) => c.name).sort(), [
      'Lab1-data-preparation.ipynb',
      'Lab1-training.ipynb',
      'notes',
    ]);
  });

  it('8. the session expires after SessionExpirationDurationInSeconds, the authToken after 5 minutes', async () => {
    const short = (await signIn(await presign(LAB, 1800))).jar;
    const unused = await presign(LAB);
    assert.equal((await api(short, LAB, 'api/kernelspecs')).status, 200);
    await advance(emulator.url, 1801);
    const expired = await api(short, LAB, 'api/kernelspecs');
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /expired/);
    assert.equal((await api(jar, LAB, 'api/kernelspecs')).status, 200, 'the 12-hour default session lives on');
    const late = await fetch(unused, { redirect: 'manual' });
    assert.equal(late.status, 403);
    assert.match(await late.text(), /5 minutes/);
  });

  it('9. the emulator records the Jupyter requests it received (path without the token, session, xsrf header)', async () => {
    const { requests } = (await (await fetch(`${emulator.url}/_emulator/notebook-requests`)).json()) as {
      requests: Array<{
        path: string;
        session: string;
        status: number;
        websocket: boolean;
        xsrfHeader: boolean;
        method: string;
      }>;
    };
    assert.ok(requests.some((r) => r.session === 'token' && r.status === 302));
    assert.ok(requests.some((r) => r.websocket && r.status === 101 && r.session === 'valid'));
    assert.ok(requests.some((r) => r.websocket && r.status === 403 && r.session === 'missing'));
    assert.ok(
      requests.some((r) => r.method === 'POST' && r.path.endsWith('/api/sessions') && r.status === 201 && r.xsrfHeader),
    );
    assert.ok(requests.every((r) => !r.path.includes('authToken')));
  });

  it('10. Delete stops the server and removes the folder; close() stops every server', async () => {
    const { folder } = await jupyter(LAB);
    const fraudPid = (await jupyter(FRAUD)).pid;
    assert.ok(fraudPid, 'the fraud instance server runs');
    await sagemaker.send(new StopNotebookInstanceCommand({ NotebookInstanceName: LAB }));
    await advance(emulator.url, 100);
    await sagemaker.send(new DeleteNotebookInstanceCommand({ NotebookInstanceName: LAB }));
    const deadline = Date.now() + 20_000;
    while (fs.existsSync(path.dirname(folder)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(fs.existsSync(path.dirname(folder)), false, 'the volume is gone');
    await emulator.close();
    await gone(fraudPid);
    emulator = await emulatorForTest();
  });
});

describe('emulator: a notebook instance on a machine without Jupyter', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await emulatorForTest();
    process.env.SMW_EMULATOR_PYTHON = '/bin/false';
  });
  after(async () => {
    delete process.env.SMW_EMULATOR_PYTHON;
    await emulator?.close();
  });

  it('answers the presigned URL with an error that says what to install, never a stand-in page', async () => {
    const { sagemaker } = clientsFor(emulator.url);
    const url =
      (await sagemaker.send(new CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: FRAUD })))
        .AuthorizedUrl ?? '';
    const response = await fetch(url, { redirect: 'manual' });
    assert.equal(response.status, 500);
    assert.match(await response.text(), /sudo apt-get install python3-notebook python3-ipykernel/);
  });
});
