#!/usr/bin/env node
// `npm run package`: production webpack bundle, then `vsce package` into dist-vsix/. Dependencies are
// bundled by webpack, so vsce packs no node_modules (--no-dependencies); .vscodeignore keeps the rest out.
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

function packageVsix() {
  run('npm', ['run', 'build']);
  fs.mkdirSync(outDir, { recursive: true });
  run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), [
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--out',
    vsix,
  ]);
  return vsix;
}

module.exports = { packageVsix, vsix };

if (require.main === module) {
  packageVsix();
  console.log(`Packaged ${path.relative(ROOT, vsix)}`);
}
