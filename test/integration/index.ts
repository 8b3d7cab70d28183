// Entry point the VS Code host loads as extensionTestsPath: runs every compiled *.test.js under
// out/test/integration with mocha and writes the results as JSON for the driver
// (scripts/run-integration.js), which cannot rely on the host's exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { host } from './support/workbench';

interface TestResult {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** Marks the lines scripts/run-integration.js forwards from the host's console. */
const PROGRESS = '[smw-progress]';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

export function run(): Promise<void> {
  return runSuiteIn(__dirname);
}

/** Runs every *.test.js under `dir` (the integration suite, or the view benchmarks) in this host. */
export async function runSuiteIn(dir: string): Promise<void> {
  const resultsFile = process.env.SMW_TEST_RESULTS;
  console.log(`Integration tests running in VS Code ${vscode.version} (${vscode.env.appHost}, ${vscode.env.appName})`);
  const capture = await captureExtensionLog();
  // Any promise rejection nobody handled, or error nobody caught, while the suite runs fails the run.
  const unhandled: string[] = [];
  const onRejection = (reason: unknown) =>
    unhandled.push(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  const onException = (error: Error) => unhandled.push(`uncaught exception: ${error.stack ?? error.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onException);
  // forbidOnly: a left-over .only fails the run instead of quietly running one test.
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 120_000,
    color: false,
    forbidOnly: true,
    grep: process.env.SMW_TEST_GREP || undefined,
  });
  for (const file of testFiles(dir)) mocha.addFile(file);
  const results: TestResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    // Progress lines the driver prints as they come, so a run that hangs shows where.
    runner.on('test', (test) => console.log(`${PROGRESS} started ${test.fullTitle()}`));
    runner.on('pass', (test) => {
      results.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration });
      console.log(`${PROGRESS} passed ${test.fullTitle()} (${test.duration} ms)`);
    });
    runner.on('fail', (test, error: Error) => {
      results.push({ fullTitle: test.fullTitle(), state: 'failed', error: error.stack ?? String(error) });
      console.log(`${PROGRESS} failed ${test.fullTitle()}: ${error.message}`);
    });
    runner.on('pending', (test) => results.push({ fullTitle: test.fullTitle(), state: 'pending' }));
  });
  capture?.();
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtExceptionMonitor', onException);
  for (const problem of unhandled)
    results.push({
      fullTitle: 'the suite left no unhandled promise rejection or uncaught error',
      state: 'failed',
      error: problem,
    });
  const summary = {
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    passed: results.filter((r) => r.state === 'passed').length,
    failed: results.filter((r) => r.state === 'failed').length,
    pending: results.filter((r) => r.state === 'pending').length,
    tests: results,
  };
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
  if (failures + unhandled.length > 0)
    throw new Error(`${failures} integration test(s) failed, ${unhandled.length} unhandled error(s)`);
}

/**
 * With SMW_LOG_CAPTURE set, every line the extension logs during the suite is written there (the driver
 * scans it for secrets). Activates the extension first, so the benchmarks, which time activation, leave it unset.
 */
async function captureExtensionLog(): Promise<(() => void) | undefined> {
  const file = process.env.SMW_LOG_CAPTURE;
  if (!file) return undefined;
  const { log } = await host();
  const lines: string[] = [];
  const subscription = log.onDidLog((e) => lines.push(`${e.level} ${e.message}`));
  return () => {
    subscription.dispose();
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
  };
}
