// One real Jupyter server (Debian's python3-notebook 6.4 with ipykernel) standing in for what runs on a
// SageMaker notebook instance: loopback only, no token or password (the emulator's presigned-URL session is
// the gate, as SageMaker's proxy is), Jupyter's own XSRF check on, kernel specs named as on SageMaker and
// mapped to Debian's /usr/bin/python3. Every state folder (kernel specs, config, runtime) is the server's own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

/** Debian's Python (`SMW_EMULATOR_PYTHON` only for the emulator's own test of a machine without Jupyter). */
export function python(): string {
  return process.env.SMW_EMULATOR_PYTHON ?? '/usr/bin/python3';
}

export const JUPYTER_MISSING =
  "a notebook instance's Jupyter server needs Debian's Jupyter: install it with `sudo apt-get install python3-notebook python3-ipykernel python3-pandas python3-matplotlib`";

/** Kernel specs as a SageMaker notebook instance (Amazon Linux 2) lists them; all run the local Python. */
export const KERNEL_SPECS: Array<{ name: string; condaEnv: string }> = [
  { name: 'conda_python3', condaEnv: 'python3' },
  { name: 'conda_pytorch_p310', condaEnv: 'pytorch_p310' },
  { name: 'conda_tensorflow2_p310', condaEnv: 'tensorflow2_p310' },
];

const jupyterPresent = new Set<string>();

/** Whether `python3 -m notebook` can run (checked until it can; installing while running is noticed). */
export function hasJupyter(): boolean {
  if (
    !jupyterPresent.has(python()) &&
    spawnSync(python(), ['-c', 'import notebook, ipykernel'], { stdio: 'ignore' }).status === 0
  )
    jupyterPresent.add(python());
  return jupyterPresent.has(python());
}

// `python3 -m notebook`, plus a watch on the parent: if the emulator's process dies without closing (killed),
// the server gets SIGTERM, shuts its kernels down and exits instead of outliving it.
const LAUNCHER = `
import os, runpy, signal, sys, threading, time
parent = os.getppid()
def watch():
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
threading.Thread(target=watch, daemon=True).start()
sys.argv = ['notebook'] + sys.argv[1:]
runpy.run_module('notebook', run_name='__main__', alter_sys=True)
`;

// Servers still running when the Node process exits (a test run that failed before closing the emulator):
// SIGTERM lets each one shut its kernels down after we are gone.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function stopOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const running of live) {
      try {
        running.kill('SIGTERM');
      } catch {
        // already gone
      }
    }
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function answers(port: number, urlPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, timeout: 2000, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

async function writeState(
  stateDir: string,
): Promise<{ data: string; config: string; runtime: string; ipython: string; mpl: string }> {
  const dirs = {
    data: path.join(stateDir, 'data'),
    config: path.join(stateDir, 'config'),
    runtime: path.join(stateDir, 'runtime'),
    ipython: path.join(stateDir, 'ipython'),
    mpl: path.join(stateDir, 'matplotlib'),
  };
  for (const dir of Object.values(dirs)) await fs.mkdir(dir, { recursive: true });
  for (const spec of KERNEL_SPECS) {
    const dir = path.join(dirs.data, 'kernels', spec.name);
    await fs.mkdir(dir, { recursive: true });
    const kernel = {
      argv: [python(), '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
      display_name: spec.name,
      language: 'python',
      env: { CONDA_DEFAULT_ENV: spec.condaEnv },
      metadata: { debugger: true },
    };
    await fs.writeFile(path.join(dir, 'kernel.json'), JSON.stringify(kernel, null, 1));
  }
  // Only the SageMaker-named specs: Debian's own `python3` spec (and ipykernel's native one) are hidden.
  const config = {
    KernelSpecManager: { ensure_native_kernel: false, allowed_kernelspecs: KERNEL_SPECS.map((s) => s.name) },
    MappingKernelManager: { default_kernel_name: KERNEL_SPECS[0].name },
  };
  await fs.writeFile(path.join(dirs.config, 'jupyter_notebook_config.json'), JSON.stringify(config, null, 1));
  return dirs;
}

export interface JupyterServerOptions {
  /** The notebook folder (plays /home/ec2-user/SageMaker). */
  root: string;
  /** Where the server keeps its kernel specs, config and runtime files. */
  stateDir: string;
  /** Jupyter's base_url, with leading and trailing slash. */
  baseUrl: string;
  startTimeoutMs?: number;
}

export class JupyterServer {
  private readonly exited: Promise<void>;
  private hasExited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly output: string[],
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => (this.hasExited = true));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.hasExited;
  }

  /** The server's last output lines (for error messages). */
  tail(): string {
    return this.output.slice(-15).join('\n');
  }

  static async start(options: JupyterServerOptions): Promise<JupyterServer> {
    if (!hasJupyter()) throw new Error(JUPYTER_MISSING);
    const dirs = await writeState(options.stateDir);
    let lastError: Error | undefined;
    // A port found free may be taken before Python binds it: try another.
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        return await JupyterServer.spawnOn(port, options, dirs);
      } catch (error) {
        lastError = error as Error;
      }
    }
    throw lastError ?? new Error('Jupyter server did not start');
  }

  private static async spawnOn(
    port: number,
    options: JupyterServerOptions,
    dirs: Awaited<ReturnType<typeof writeState>>,
  ): Promise<JupyterServer> {
    // The instance's environment, not the emulator's: no AWS credentials or profile of the person running it.
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_') && !key.startsWith('JUPYTER')),
    );
    Object.assign(env, {
      JUPYTER_PATH: dirs.data,
      JUPYTER_DATA_DIR: dirs.data,
      JUPYTER_CONFIG_DIR: dirs.config,
      JUPYTER_RUNTIME_DIR: dirs.runtime,
      IPYTHONDIR: dirs.ipython,
      MPLCONFIGDIR: dirs.mpl,
      PYTHONDONTWRITEBYTECODE: '1',
      AWS_DEFAULT_REGION: 'us-east-1',
    });
    const args = [
      '-c',
      LAUNCHER,
      '--no-browser',
      '--allow-root',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--port-retries=0',
      '--notebook-dir',
      options.root,
      '--NotebookApp.token=',
      '--NotebookApp.password=',
      `--NotebookApp.base_url=${options.baseUrl}`,
      // The emulator may be reached by another name than 127.0.0.1 (sandbox); its session is the gate.
      '--NotebookApp.allow_remote_access=True',
    ];
    const child = spawn(python(), args, { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // A spawn that fails (the instance's folder removed by a reset or a delete while it started) is an 'error'
    // event: without a listener it would crash the emulator's process; the start below reports it instead.
    let spawnError: Error | undefined;
    child.on('error', (error) => (spawnError = error));
    stopOnExit(child);
    const output: string[] = [];
    const collect = (chunk: Buffer) => {
      output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (output.length > 200) output.splice(0, output.length - 200);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const server = new JupyterServer(child, port, output);
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (spawnError) throw new Error(`Jupyter server could not start: ${spawnError.message}`);
      if (!server.running) throw new Error(`Jupyter server exited while starting:\n${server.tail()}`);
      if (await answers(port, `${options.baseUrl}api`)) return server;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await server.stop();
    throw new Error(`Jupyter server did not answer within ${options.startTimeoutMs ?? 60_000} ms:\n${server.tail()}`);
  }

  /** SIGTERM (Jupyter shuts its kernels down), then SIGKILL if it is still there after a few seconds. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const killed = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
    ]);
    if (!killed) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
