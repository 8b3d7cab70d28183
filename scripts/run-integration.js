#!/usr/bin/env node
// `npm run test:integration`: the integration suite inside a real VS Code extension host
// (VS Code's server with the smoke-test driver, opened in headless chromium) against the emulator.
// The host loads the extension from this folder and runs out/test/integration/index.js; results
// come back as JSON through SMW_TEST_RESULTS. TEST_GREP=<text> runs the matching tests only.
// SMW_VSCODE_HOST=oldest (`npm run test:oldest`) runs it in the oldest VS Code engines.vscode admits instead.
// runInHost() is also what `npm run bench` uses to measure the views against the large scenario.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const host = require('./lib/host');
const { scanForSecrets } = require('./lib/secretScan');
const reliability = require('./lib/reliabilityFigures');

const ROOT = host.ROOT;
// SMW_RESULTS_DIR lets two runs (say, two features' suites) work side by side; the oldest host's run keeps its
// own folder, so it leaves the newest run's results (which the command coverage check reads) alone.
const RESULTS_DIR =
  process.env.SMW_RESULTS_DIR ??
  path.join(ROOT, '.test-results', ...(host.HOST_NAME === 'newest' ? [] : [`vscode-${host.HOST_NAME}`]));
const RESULTS = path.join(RESULTS_DIR, 'integration.json');
const LOG_CAPTURE = path.join(RESULTS_DIR, 'integration-extension.log');
// The whole suite (kernels on real Jupyter servers, Studio, the large scenario) takes over 20 minutes on two cores.
const DEADLINE_MS = 45 * 60_000;

function ensureBuilt() {
  if (!fs.existsSync(path.join(ROOT, 'out', 'test', 'integration', 'index.js'))) run('compile');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) run('build');
}

function run(script) {
  const result = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

async function waitForResults(browserPage, progress) {
  const deadline = Date.now() + DEADLINE_MS;
  while (!fs.existsSync(RESULTS)) {
    if (Date.now() > deadline)
      throw new Error(
        `no results after ${DEADLINE_MS / 60_000} min; the test running then: ${progress.running ?? '(none started)'}`,
      );
    if (browserPage.isClosed()) throw new Error('the VS Code window closed before the tests wrote results');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The host writes the file in one call; give a partially flushed file one more read.
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The extension as the integration suite loads it: the tsc output (out/src/extension.js) instead of the
 * webpack bundle, so the tests and the host share one copy of every module (an `instanceof` or an override in
 * a test means what it says). A folder beside the project with the manifest's `main` changed and the rest
 * linked; Node resolves the links to the project's own files. The bundle is what the e2e suite and the bench's
 * activation figures load (staged the same way with `main` as the manifest says).
 */
function stageCompiledExtension(scratch, main = './out/src/extension.js') {
  const dir = path.join(scratch, 'extension');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, main }, null, 2));
  for (const entry of fs.readdirSync(ROOT)) {
    if (entry === 'package.json' || entry === '.git') continue;
    fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  return dir;
}

/**
 * Runs the mocha suite in `suiteDir` (compiled, with an index.js the host loads) in a real VS Code host
 * against the emulator's `scenario`. Returns the results JSON the suite wrote. `compiled`: the extension runs
 * from the tsc output (see stageCompiledExtension), else as the manifest says (the production bundle,
 * dist/extension.js). `otherExtensions`: folders of more extensions the host loads beside it, installed
 * into its extensions folder. `warm`: the emulator reads its models and settles its world before the host starts.
 * `settings`: user settings over the defaults.
 */
async function runInHost({
  suiteDir,
  scenario,
  env = {},
  compiled = false,
  otherExtensions = [],
  warm = false,
  settings = {},
}) {
  ensureBuilt();
  host.ensureHost();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'smw-integration-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  host.freshUserData(userDataDir, settings);
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Installed as a user's are: the page's payload carries one extensionDevelopmentPath only (the last one given).
  for (const dir of otherExtensions) {
    const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    fs.cpSync(dir, path.join(extensionsDir, `${publisher}.${name}-${version}`), { recursive: true });
  }

  const extensionPath = compiled
    ? stageCompiledExtension(scratch)
    : stageCompiledExtension(scratch, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).main);

  const emulator = await host.startEmulator({ port: 0, scenario, timeScale: 0.001, log: () => {}, warm });
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await emulator.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    server = await host.startVsCodeServer({
      userDataDir,
      extensionsDir,
      logFile: path.join(RESULTS_DIR, 'integration-server.log'),
      env: {
        ...host.awsEnv(emulator.url),
        SMW_TEST_RESULTS: RESULTS,
        SMW_TEST_GREP: process.env.TEST_GREP ?? '',
        ...env,
      },
    });
    const authority = `127.0.0.1:${server.port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${suiteDir}`],
    ]);
    const folder = path.join(ROOT, 'test', 'fixtures', 'workspace');
    browser = await host.launchBrowser();
    const page = await browser.newPage();
    const progress = { running: undefined };
    page.on('console', (message) => {
      const text = message.text();
      if (/Integration tests running in VS Code/.test(text)) console.log(text.replace(/^.*?(Integration tests)/, '$1'));
      // The suite's progress (index.ts): finished tests as they finish, so a hung run shows where it stopped.
      const line = /\[smw-progress\] (started|passed|failed) (.*)$/s.exec(text);
      if (!line) return;
      if (line[1] === 'started') progress.running = line[2];
      else console.log(`  ${line[1] === 'passed' ? '✔' : '✖'} ${line[2]}`);
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    return await waitForResults(page, progress);
  } finally {
    await cleanup();
  }
}

async function main() {
  fs.rmSync(LOG_CAPTURE, { force: true });
  const results = await runInHost({
    suiteDir: path.join(ROOT, 'out', 'test', 'integration'),
    scenario: 'seeded',
    compiled: true,
    env: { SMW_LOG_CAPTURE: LOG_CAPTURE },
  });
  const ok = report(results, path.join(RESULTS_DIR, 'integration-server.log'));
  return host.HOST_NAME === 'oldest' ? checkOldest(results.vscodeVersion) && ok : ok;
}

/** The compatibility run proves what the manifest claims only if it ran in the version engines.vscode names. */
function checkOldest(ranIn) {
  const engine = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.vscode;
  const claimed = engine.replace(/^[\^>=~\s]+/, '');
  const same = ranIn === claimed;
  console.log(
    same
      ? `compatibility: engines.vscode ${engine}: the suite ran in VS Code ${ranIn}, the oldest version it admits`
      : `compatibility: engines.vscode ${engine} admits ${claimed}, but the oldest host runs VS Code ${ranIn}: ` +
          'change the oldest host (scripts/lib/host.js) or engines.vscode so they agree',
  );
  return same;
}

/**
 * Prints the suite's outcome and scans what it wrote for secrets; true when every test passed, at least one ran,
 * the extension log was captured and nothing secret was found. `hostLog`: the VS Code host's own output.
 */
function report(results, hostLog) {
  console.log(`Integration tests ran in VS Code ${results.vscodeVersion} (${results.appHost})`);
  // Passed and failed tests were printed as they finished.
  for (const test of results.tests.filter((t) => t.state === 'pending')) console.log(`  - ${test.fullTitle}`);
  for (const test of results.tests.filter((t) => t.state === 'failed'))
    console.log(`\nFAILED: ${test.fullTitle}\n${test.error}`);
  console.log(`integration: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
  if (results.passed === 0) console.log('No integration test ran.');
  // Nothing secret may reach the log, the host's output or a test's error message, whatever the suite did.
  const scan = scanForSecrets(
    [LOG_CAPTURE, hostLog, RESULTS].filter((file) => fs.existsSync(file)),
    path.join(ROOT, 'test', 'fixtures', 'aws', 'credentials'),
  );
  console.log(
    `secret scan: ${scan.lines} lines of extension log, host output and results searched for ${scan.secrets} fixture secrets and presigned URLs: ${scan.findings.length} found`,
  );
  for (const finding of scan.findings.slice(0, 20)) console.log(`  LEAK ${finding}`);
  reliability.add(
    'lines of log, host output and results scanned for secrets and presigned URLs (none may be found)',
    scan.lines,
  );
  if (!fs.existsSync(LOG_CAPTURE)) console.log('secret scan: the extension log was not captured');
  return results.failed === 0 && results.passed > 0 && scan.findings.length === 0 && fs.existsSync(LOG_CAPTURE);
}

module.exports = { runInHost, report, stageCompiledExtension, RESULTS, RESULTS_DIR, LOG_CAPTURE };

if (require.main === module)
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error) => {
      console.error(`integration: ${error instanceof Error ? error.message : error}`);
      console.error(
        `See ${path.relative(ROOT, path.join(RESULTS_DIR, 'integration-server.log'))} for the VS Code server's log.`,
      );
      process.exit(1);
    },
  );
