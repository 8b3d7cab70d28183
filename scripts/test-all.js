#!/usr/bin/env node
// `npm test`: every suite in order, each a child process; fails if any suite fails.
// Prints one line per suite and a final "N passed, N failed" over suites.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const reliability = require('./lib/reliabilityFigures');
const { ensureDebianPackages } = require('./lib/debianPackages');

const root = path.resolve(__dirname, '..');
const suites = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['compile', ['run', 'compile']],
  ['unit', ['run', 'test:unit']],
  ['emulator', ['run', 'test:emulator']],
  ['build', ['run', 'build']],
  ['integration', ['run', 'test:integration']],
  ['e2e', ['run', 'test:e2e']],
  // Every command in package.json was run by one of the two suites above.
  ['commands', ['run', 'test:commands']],
];
// A fresh clone: install the npm packages first (the VS Code host installs itself in the integration step).
if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'tsc'))) {
  const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (installed.status !== 0) process.exit(1);
}
// The emulator validates with the full AWS models, its conformance suite uses the AWS CLI and boto3, and its
// notebook instances run Debian's Jupyter:
// installed here, never skipped (the VS Code host's browser is installed by the integration step).
try {
  ensureDebianPackages(['awsModels', 'awsClients', 'jupyter']);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const only = process.argv.slice(2);
reliability.startTally();
const results = [];
for (const [name, args] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const run = spawnSync('npm', args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
}
reliability.report();
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
