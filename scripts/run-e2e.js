#!/usr/bin/env node
// `npm run test:e2e`: packages the .vsix, then runs test/e2e with mocha; each suite installs the
// .vsix into code-server (real VS Code) and drives it in headless chromium against the emulator.
// Screenshots land in .test-results/e2e/.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { packageVsix } = require('./package');
const host = require('./lib/host');

const ROOT = host.ROOT;
if (!fs.existsSync(path.join(ROOT, 'out', 'test', 'e2e'))) {
  const compiled = spawnSync('npm', ['run', 'compile'], { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) process.exit(1);
}
const vsix = packageVsix();
fs.rmSync(require('./lib/commandCoverage').E2E_COMMANDS, { force: true });
host.ensureHost();
const result = spawnSync(
  path.join(ROOT, 'node_modules', '.bin', 'mocha'),
  ['--forbid-only', '--timeout', '180000', '--recursive', 'out/test/e2e/**/*.e2e.test.js'],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SMW_VSIX: vsix },
  },
);
console.log(`Screenshots: ${path.relative(ROOT, path.join(ROOT, '.test-results', 'e2e'))}/`);
process.exit(result.status ?? 1);
