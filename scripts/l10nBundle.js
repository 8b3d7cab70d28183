#!/usr/bin/env node
// `npm run l10n`: writes l10n/bundle.l10n.json, the English messages of every l10n.t call in src/ (the file
// translators start from; VS Code reads bundle.l10n.<lang>.json beside it). A unit test fails when it is stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The bundle's text as it should be, from the sources as they are. */
async function expectedBundle() {
  const { getL10nJson } = await import('@vscode/l10n-dev');
  const files = sourceFiles(path.join(ROOT, 'src')).map((file) => ({
    extension: '.ts',
    contents: fs.readFileSync(file, 'utf8'),
  }));
  const messages = await getL10nJson(files);
  const sorted = Object.fromEntries(
    Object.keys(messages)
      .sort()
      .map((key) => [key, messages[key]]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

module.exports = { BUNDLE, expectedBundle };

if (require.main === module) {
  expectedBundle().then((text) => {
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    fs.writeFileSync(BUNDLE, text);
    console.log(`${path.relative(ROOT, BUNDLE)}: ${Object.keys(JSON.parse(text)).length} messages`);
  });
}
