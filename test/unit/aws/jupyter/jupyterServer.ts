// A real local Jupyter server for the tests (Debian's python3-notebook + python3-ipykernel), no token, in a
// temporary folder; stopped by the caller, even when a test fails.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export interface LocalJupyter {
  port: number;
  dir: string;
  stop(): Promise<void>;
}

const PYTHON = '/usr/bin/python3';

export function jupyterAvailable(): boolean {
  if (!fs.existsSync(PYTHON)) return false;
  return !!['notebook', 'ipykernel'].every((m) =>
    ['/usr/lib/python3/dist-packages', '/usr/local/lib/python3/dist-packages'].some((d) =>
      fs.existsSync(path.join(d, m)),
    ),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startJupyter(): Promise<LocalJupyter> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smw-jupyter-'));
  const home = path.join(dir, '.home');
  fs.mkdirSync(home);
  const port = await freePort();
  const child: ChildProcess = spawn(
    PYTHON,
    [
      '-m',
      'notebook',
      '--no-browser',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--port-retries',
      '0',
      '--notebook-dir',
      dir,
      '--allow-root',
      '--NotebookApp.token=',
      '--NotebookApp.password=',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOME: home,
        JUPYTER_RUNTIME_DIR: path.join(home, 'runtime'),
        JUPYTER_CONFIG_DIR: path.join(home, 'config'),
        PYTHONDONTWRITEBYTECODE: '1',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Jupyter exited early: ${output.slice(-2000)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Jupyter did not start: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, dir, stop };
}
