#!/usr/bin/env node
// `npm run test:desktop`: the integration suite in desktop VS Code (Electron), downloaded by @vscode/test-electron,
// against the seeded emulator — for machines that can reach update.code.visualstudio.com. CI here cannot (only
// the npm registry and Debian's mirrors are reachable), so `npm test` runs the same suite in VS Code's server
// build from the npm registry instead (scripts/run-integration.js). SMW_DESKTOP_VERSION picks the VS Code version
// ('stable' by default, or e.g. '1.100.0'); TEST_GREP=<text> runs the matching tests only.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const host = require('./lib/host');
const integration = require('./run-integration');

const ROOT = host.ROOT;

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'out', 'test', 'integration', 'index.js'))) {
    const compiled = spawnSync('npm', ['run', 'compile'], { cwd: ROOT, stdio: 'inherit' });
    if (compiled.status !== 0) return false;
  }
  const { runTests } = require('@vscode/test-electron');
  fs.mkdirSync(integration.RESULTS_DIR, { recursive: true });
  fs.rmSync(integration.RESULTS, { force: true });
  fs.rmSync(integration.LOG_CAPTURE, { force: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'smw-desktop-'));
  const emulator = await host.startEmulator({ port: 0, scenario: 'seeded', timeScale: 0.001, log: () => {} });
  try {
    const userDataDir = path.join(scratch, 'user-data');
    host.freshUserData(userDataDir);
    await runTests({
      version: process.env.SMW_DESKTOP_VERSION ?? 'stable',
      // The compiled modules, as the server-build run loads them: the suite and the extension share one copy.
      extensionDevelopmentPath: integration.stageCompiledExtension(scratch),
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        path.join(ROOT, 'test', 'fixtures', 'workspace'),
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${path.join(scratch, 'extensions')}`,
        '--disable-workspace-trust',
      ],
      extensionTestsEnv: {
        ...host.awsEnv(emulator.url),
        SMW_TEST_RESULTS: integration.RESULTS,
        SMW_TEST_GREP: process.env.TEST_GREP ?? '',
        SMW_LOG_CAPTURE: integration.LOG_CAPTURE,
      },
    }).catch((error) => {
      // The suite's failures come back in the results file; only a VS Code that did not run at all ends here.
      if (!fs.existsSync(integration.RESULTS)) throw error;
    });
    return integration.report(JSON.parse(fs.readFileSync(integration.RESULTS, 'utf8')));
  } finally {
    await emulator.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(`test:desktop: ${error instanceof Error ? error.message : error}`);
    console.error(
      'Desktop VS Code is downloaded from update.code.visualstudio.com; where that is not reachable, run `npm test` ' +
        '(its integration step runs the same suite in VS Code from the npm registry).',
    );
    process.exit(1);
  },
);
