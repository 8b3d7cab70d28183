// CreatePresignedDomainUrl for a running JupyterLab space leads to a real Jupyter server (issue 21), through the
// same gateway as notebook instances: a single-use token valid ExpiresInSeconds, session and `_xsrf` cookies,
// the space's own folder as /home/sagemaker-user (kept while the app is stopped), a kernel that runs code, and
// the server stopping with the app.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as sm from '@aws-sdk/client-sagemaker';
import WebSocket from 'ws';
import { advance, clientsFor, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const DOMAIN = 'd-abcdefghijkl';
const PROFILE = 'default-1625508201457';
const SPACE = 'autopilot-experiments';

function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
  return jar;
}

describe('emulator: a running JupyterLab space opens on a real Jupyter server', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let sagemaker: sm.SageMakerClient;
  before(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  after(async () => emulator?.close());

  const presign = async (input: Partial<sm.CreatePresignedDomainUrlCommandInput> = {}) =>
    (
      await sagemaker.send(
        new sm.CreatePresignedDomainUrlCommand({
          DomainId: DOMAIN,
          UserProfileName: PROFILE,
          SpaceName: SPACE,
          ...input,
        }),
      )
    ).AuthorizedUrl ?? '';
  const base = () => `${emulator.url}/notebook/${DOMAIN}.${SPACE}/`;
  let jar = new Map<string, string>();
  const api = (route: string, init: RequestInit = {}) =>
    fetch(`${base()}${route}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-xsrftoken': jar.get('_xsrf') ?? '',
      },
    });

  it('signs in once: 302 into the space with the session and _xsrf cookies; the token is single-use', async () => {
    const url = await presign({ SessionExpirationDurationInSeconds: 1800 });
    assert.match(url, new RegExp(`^${emulator.url}/notebook/${DOMAIN}\\.${SPACE}\\?authToken=[\\w-]+$`));
    const response = await fetch(url, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), `/notebook/${DOMAIN}.${SPACE}/tree`);
    jar = cookiesOf(response);
    assert.ok(jar.get('smw-notebook-session') && jar.get('_xsrf'), [...jar.keys()].join(', '));
    assert.match(response.headers.getSetCookie().join('\n'), /Max-Age=1800/);
    const again = await fetch(url, { redirect: 'manual' });
    assert.equal(again.status, 403);
    assert.match(await again.text(), /single-use/);
    const anonymous = await fetch(`${base()}api/contents`, { redirect: 'manual' });
    assert.equal(anonymous.status, 403);
    assert.match(
      await anonymous.text(),
      /No session for space autopilot-experiments of domain d-abcdefghijkl: open it through a presigned URL \(CreatePresignedDomainUrl\)/,
    );
  });

  it("holds what the space's lifecycle configuration copies from the Studio bucket: the notebook and the abalone data", async () => {
    const listing = (await (await api('api/contents')).json()) as { content: Array<{ name: string; type: string }> };
    assert.deepEqual(listing.content.map((c) => [c.name, c.type]).sort(), [
      ['abalone-exploration.ipynb', 'notebook'],
      ['abalone_with_headers.csv', 'file'],
    ]);
  });

  it('expires after ExpiresInSeconds; LandingUri app:JupyterLab:<path> lands on that path', async () => {
    const short = await presign({ ExpiresInSeconds: 5 });
    await advance(emulator.url, 6);
    const expired = await fetch(short, { redirect: 'manual' });
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /The authToken has expired: this presigned URL was valid for 5 seconds/);
    const landing = await presign({ LandingUri: 'app:JupyterLab:notebooks' });
    const response = await fetch(landing, { redirect: 'manual' });
    assert.equal(response.headers.get('location'), `/notebook/${DOMAIN}.${SPACE}/tree/notebooks`);
    const notebook = await fetch(await presign({ LandingUri: 'app:JupyterLab:lab/tree/abalone-exploration.ipynb' }), {
      redirect: 'manual',
    });
    assert.equal(notebook.headers.get('location'), `/notebook/${DOMAIN}.${SPACE}/notebooks/abalone-exploration.ipynb`);
    await assert.rejects(
      presign({ ExpiresInSeconds: 301 }),
      /expiresInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300/,
    );
    await assert.rejects(presign({ LandingUri: 'app:CodeEditor:' }), /names a CodeEditor app, but space/);
    const stopped = await fetch(await presign({ SpaceName: 'autogluon-image-build' }), { redirect: 'manual' });
    assert.equal(stopped.status, 403);
    assert.match(
      await stopped.text(),
      /Space autogluon-image-build of domain d-abcdefghijkl is Stopped, not InService/,
    );
    await assert.rejects(
      presign({ SpaceName: 'mlops-pipeline-code' }),
      /The emulator opens JupyterLab spaces only; space mlops-pipeline-code runs CodeEditor/,
    );
  });

  it("writes into the space's own /home/sagemaker-user folder and runs code on a kernel", async () => {
    const put = await api('api/contents/hello.txt', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'file', format: 'text', content: 'abalone' }),
    });
    assert.equal(put.status, 201);
    const state = (await (
      await fetch(`${emulator.url}/_emulator/notebook-instances/${DOMAIN}.${SPACE}/jupyter`)
    ).json()) as {
      running: boolean;
      folder: string;
    };
    assert.equal(state.running, true);
    assert.equal(path.basename(state.folder), 'sagemaker-user');
    assert.equal(fs.readFileSync(path.join(state.folder, 'hello.txt'), 'utf8'), 'abalone');

    const kernel = (await (
      await api('api/kernels', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { id: string; name: string };
    assert.equal(kernel.name, 'conda_python3');
    const socket = new WebSocket(
      `${base().replace(/^http/, 'ws')}api/kernels/${kernel.id}/channels?session_id=${randomUUID()}`,
      { headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } },
    );
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const msgId = randomUUID();
    const output = new Promise<string>((resolve) => {
      let text = '';
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.parent_header.msg_id !== msgId) return;
        if (message.msg_type === 'stream') text += message.content.text;
        if (message.msg_type === 'status' && message.content.execution_state === 'idle') resolve(text);
      });
    });
    socket.send(
      JSON.stringify({
        header: { msg_id: msgId, msg_type: 'execute_request', username: '', session: randomUUID(), version: '5.3' },
        parent_header: {},
        metadata: {},
        content: {
          code: 'import pandas as pd\nprint(open("hello.txt").read().upper(), pd.read_csv("abalone_with_headers.csv").shape)',
          silent: false,
        },
        channel: 'shell',
      }),
    );
    assert.equal(await output, 'ABALONE (20, 9)\n');
    const closed = new Promise((resolve) => socket.once('close', resolve));

    // Stopping the space (DeleteApp) closes the kernel connection, ends the session, stops the server.
    await sagemaker.send(
      new sm.DeleteAppCommand({ DomainId: DOMAIN, SpaceName: SPACE, AppType: 'JupyterLab', AppName: 'default' }),
    );
    await closed;
    assert.equal((await api('api/contents')).status, 403);
    assert.ok(fs.existsSync(path.join(state.folder, 'hello.txt')), 'the space keeps its storage');
  });

  it('started again, the space has its files back', async () => {
    await advance(emulator.url, 61);
    await sagemaker.send(
      new sm.CreateAppCommand({ DomainId: DOMAIN, SpaceName: SPACE, AppType: 'JupyterLab', AppName: 'default' }),
    );
    await advance(emulator.url, 121);
    jar = cookiesOf(await fetch(await presign(), { redirect: 'manual' }));
    const listing = (await (await api('api/contents')).json()) as { content: Array<{ name: string }> };
    assert.deepEqual(listing.content.map((c) => c.name).sort(), [
      'abalone-exploration.ipynb',
      'abalone_with_headers.csv',
      'hello.txt',
    ]);
  });
});
