#!/usr/bin/env node
// `npm run package`: production webpack bundle, then `vsce package` into dist-vsix/. Dependencies are
// bundled by webpack, so vsce packs no node_modules (--no-dependencies); .vscodeignore keeps the rest out.
// The manifest names its repository, so vsce needs no --allow-missing-repository.
// The README's screenshot is a relative link: it resolves inside the .vsix (media/readme is packed).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const outDir = path.join(ROOT, 'dist-vsix');
const vsix = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// vsce's warnings (missing repository, SVG images, …) are what the Marketplace would question: they fail the
// package, as does anything `ovsx publish` would refuse before uploading.
function runWithoutWarnings(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) process.exit(result.status ?? 1);
  const warnings = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /\bWARNING\b/i.test(line));
  if (warnings.length > 0) {
    console.error(`${path.basename(command)} warned:\n${warnings.join('\n')}`);
    process.exit(1);
  }
}

function packageVsix() {
  run('npm', ['run', 'build']);
  fs.mkdirSync(outDir, { recursive: true });
  runWithoutWarnings(path.join(ROOT, 'node_modules', '.bin', 'vsce'), [
    'package',
    '--no-dependencies',
    '--no-rewrite-relative-links',
    '--out',
    vsix,
  ]);
  runWithoutWarnings(process.execPath, [path.join(__dirname, 'lib', 'openVsxChecks.js'), vsix]);
  return vsix;
}

module.exports = { packageVsix, vsix };

if (require.main === module) {
  packageVsix();
  console.log(`Packaged ${path.relative(ROOT, vsix)}`);
}
