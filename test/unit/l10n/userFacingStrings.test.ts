// Every user-facing string in src/ goes through l10n.t, so a translation (l10n/bundle.l10n.<lang>.json) reaches
// it; and l10n/bundle.l10n.json, the English messages translators start from, is what the sources say.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findUnlocalisedText } from './userFacingText';

const ROOT = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { BUNDLE, expectedBundle } = require(path.join(ROOT, 'scripts', 'l10nBundle.js')) as {
  BUNDLE: string;
  expectedBundle(): Promise<string>;
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const found = (code: string) => findUnlocalisedText('x.ts', code).map((f) => f.text);

describe('user-facing strings go through l10n.t', () => {
  it('finds a message, a button, a label, a thrown error and a template that bypass l10n.t', () => {
    assert.deepEqual(found(`window.showErrorMessage('Could not start the instance');`), [
      'Could not start the instance',
    ]);
    assert.deepEqual(found(`window.showWarningMessage(l10n.t('Stop {0}?', name), { modal: true }, 'Stop');`), ['Stop']);
    assert.deepEqual(found(`const item = { label: 'Refresh', description: done ? 'Ready' : 'Starting…' };`), [
      'Refresh',
      'Ready',
      'Starting…',
    ]);
    assert.deepEqual(found('throw new Error(`No space named ${name} in ${domain}`);'), ['No space named {} in {}']);
    assert.deepEqual(found(`item.tooltip = 'Open';`), ['Open']);
    assert.deepEqual(found('const html = `<h1>Leaderboard of ${job}</h1>`;'), ['<h1>Leaderboard of {}</h1>']);
    assert.deepEqual(found(`const x = l10n.t('Deleted {0}', 'the old one');`), ['the old one']);
  });

  it('lets through l10n.t, logs, modules, identifiers, markup, matching of AWS messages and marked lines', () => {
    assert.deepEqual(
      found(
        [
          `import { x } from './not a sentence';`,
          `const a = vscode.l10n.t('Started {0} on {1}', name, type);`,
          `const b = l10n.t('Stopped it');`,
          `host.log.info('Command ran with these arguments');`,
          `wb.log.error(\`Reading AWS profiles failed: \${e}\`);`,
          `const status = 'InService'; const id = 'sagemakerWorkbench.startNotebookInstance';`,
          `if (error.message.includes('does not exist')) {}`,
          '`<div class="row"><span class="cell"></span></div>`;',
          `type Kind = 'a long type literal';`,
          `const desc = 'Created by the workbench'; // l10n-exempt: sent to AWS as the resource's description`,
          `// l10n-exempt: a lifecycle script's text`,
          `const script = 'echo starting the server';`,
          `const word = 'Stop';`,
        ].join('\n'),
      ),
      [],
    );
  });

  it('finds none in src/', () => {
    const findings = sourceFiles(path.join(ROOT, 'src')).flatMap((file) =>
      findUnlocalisedText(file, fs.readFileSync(file, 'utf8')).map(
        (f) => `${path.relative(ROOT, file)}:${f.line}: ${f.text}`,
      ),
    );
    assert.equal(findings.length, 0, `${findings.length} strings bypass l10n.t:\n${findings.join('\n')}`);
  });

  it('has l10n/bundle.l10n.json as the sources say (npm run l10n writes it)', async function () {
    this.timeout(120_000); // the extractor parses every source file with tree-sitter
    const expected = await expectedBundle();
    assert.ok(Object.keys(JSON.parse(expected) as object).length > 500, 'the sources have hundreds of messages');
    assert.equal(fs.readFileSync(BUNDLE, 'utf8'), expected, 'l10n/bundle.l10n.json is stale: run npm run l10n');
  });
});
