// Entry point the VS Code host loads as extensionTestsPath: runs every compiled *.test.js under
// out/test/integration with mocha and writes the results as JSON for the driver
// (scripts/run-integration.js), which cannot rely on the host's exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

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
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, grep: process.env.SMW_TEST_GREP || undefined });
  for (const file of testFiles(dir)) mocha.addFile(file);
  const results: TestResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('pass', (test) => results.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) => results.push({ fullTitle: test.fullTitle(), state: 'failed', error: error.stack ?? String(error) }));
    runner.on('pending', (test) => results.push({ fullTitle: test.fullTitle(), state: 'pending' }));
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
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
