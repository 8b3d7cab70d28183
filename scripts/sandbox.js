#!/usr/bin/env node
// `npm run sandbox`: try the extension without an AWS account. Packages the .vsix, starts the
// emulator with the seeded scenario, installs the .vsix into real VS Code (code-server) whose
// session points at the emulator, and prints the URL. Ctrl-C stops everything.
//   --port N         code-server port (default 8080)
//   --emulator-port  emulator port (default 4599)
//   --scenario NAME  seeded | large | empty
//   --screenshot F   open the workbench in headless chromium, save the sidebar to F, and exit
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { spawnSync } = require('node:child_process');
const host = require('./lib/host');
const { packageVsix } = require('./package');
const { ensureDebianPackages } = require('./lib/debianPackages');

const ROOT = host.ROOT;
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'emulator-port': { type: 'string', default: '4599' },
    scenario: { type: 'string', default: 'seeded' },
    screenshot: { type: 'string' },
  },
});

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'))) {
    const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
    if (installed.status !== 0) process.exit(1);
  }
  const compiled = spawnSync('npm', ['run', 'compile'], { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) process.exit(1);
  ensureDebianPackages(['awsModels', 'jupyter']);
  const vsix = packageVsix();
  host.ensureHost();

  const state = path.join(ROOT, '.sandbox');
  const userDataDir = path.join(state, 'user-data');
  const extensionsDir = path.join(state, 'extensions');
  host.freshUserData(userDataDir);
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  host.installVsix({ vsix, userDataDir, extensionsDir });

  const emulator = await host.startEmulator({
    port: Number(values['emulator-port']),
    scenario: values.scenario,
    timeScale: 0.05,
    log: (line) => console.error(line),
  });
  const folder = path.join(ROOT, 'test', 'fixtures', 'workspace');
  const server = await host.startCodeServer({
    port: Number(values.port),
    userDataDir,
    extensionsDir,
    folder,
    env: host.awsEnv(emulator.url),
    logFile: path.join(state, 'code-server.log'),
  });
  const stop = async () => {
    await server.stop();
    await emulator.close();
  };

  if (values.screenshot) {
    const browser = await host.launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
      await page
        .locator('.activitybar .action-item[aria-label^="SageMaker"], .activitybar a[aria-label^="SageMaker"]')
        .first()
        .click();
      await page
        .locator('.monaco-list-row', { hasText: 'FraudDetectionNotebookInstance' })
        .first()
        .waitFor({ timeout: 60_000 });
      await page.locator('.monaco-list-row', { hasText: 'AbalonePackageGroup' }).first().waitFor({ timeout: 60_000 });
      // A wider sidebar so names and statuses are readable, and one group opened to show versions.
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      if (sidebar) {
        await page.mouse.move(sidebar.x + sidebar.width + 1, 400);
        await page.mouse.down();
        await page.mouse.move(sidebar.x + 520, 400, { steps: 5 });
        await page.mouse.up();
      }
      await page.locator('.monaco-list-row', { hasText: 'AbalonePackageGroup' }).first().click();
      await page.locator('.monaco-list-row', { hasText: 'PendingManualApproval' }).first().waitFor({ timeout: 30_000 });
      await page.mouse.move(900, 400);
      fs.mkdirSync(path.dirname(path.resolve(values.screenshot)), { recursive: true });
      await page.screenshot({ path: values.screenshot });
      console.log(`Saved ${values.screenshot}`);
    } finally {
      await browser.close();
      await stop();
    }
    return;
  }

  console.log('');
  console.log(`SageMaker Workbench sandbox: open ${server.url}/?folder=${encodeURIComponent(folder)}`);
  console.log(
    `Emulated AWS (scenario ${values.scenario}) at ${emulator.url}; profiles from test/fixtures/aws (default, ml-dev, ml-sso).`,
  );
  console.log('Press Ctrl-C to stop.');
  const shutdown = () => void stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : error}`);
  if (error && error.code === 'EADDRINUSE')
    console.error('Another program uses that port: choose others with --port N --emulator-port M.');
  process.exit(1);
});
