// The manifest's user-facing strings live in package.nls.json (the Marketplace and VS Code translate them from
// package.nls.<lang>.json): every `%key%` in package.json resolves, no string there is unused, and no title,
// view name, welcome text or setting description is left as a literal (scripts/manifestStrings.js moves them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const manifestText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const strings = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface Manifest {
  description: string;
  contributes: {
    commands: Array<{ command: string; title: string; shortTitle?: string }>;
    views: Record<string, Array<{ id: string; name: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
    configuration: { title: string; properties: Record<string, Record<string, unknown>> };
    walkthroughs: Array<{
      title: string;
      description: string;
      steps: Array<{ id: string; title: string; description: string; media: { altText?: string } }>;
    }>;
  };
}
const manifest = JSON.parse(manifestText) as Manifest;

const references = [...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
const isReference = (value: unknown) => typeof value === 'string' && /^%[^%]+%$/.test(value);

describe('manifest strings (package.nls.json)', () => {
  it('has a non-empty string for every %key% package.json uses', () => {
    assert.ok(references.length > 100, `${references.length} references`);
    const missing = references.filter((key) => typeof strings[key] !== 'string' || strings[key].trim() === '');
    assert.deepEqual(missing, [], 'keys without a string in package.nls.json');
  });

  it('holds no string that package.json no longer uses', () => {
    const used = new Set(references);
    assert.deepEqual(
      Object.keys(strings).filter((key) => !used.has(key)),
      [],
    );
  });

  it('leaves no user-facing manifest string untranslatable', () => {
    const c = manifest.contributes;
    const literal: string[] = [];
    const check = (where: string, value: unknown) => {
      if (value !== undefined && !isReference(value)) literal.push(`${where}: ${String(value)}`);
    };
    check('description', manifest.description);
    for (const cmd of c.commands) {
      check(cmd.command, cmd.title);
      check(`${cmd.command} shortTitle`, cmd.shortTitle);
    }
    for (const view of Object.values(c.views).flat()) check(view.id, view.name);
    for (const welcome of c.viewsWelcome) check(`welcome ${welcome.view}`, welcome.contents);
    check('configuration', c.configuration.title);
    for (const [name, property] of Object.entries(c.configuration.properties)) {
      for (const field of ['description', 'markdownDescription', 'patternErrorMessage']) check(name, property[field]);
    }
    for (const walkthrough of c.walkthroughs) {
      check('walkthrough', walkthrough.title);
      check('walkthrough', walkthrough.description);
      for (const step of walkthrough.steps) {
        check(step.id, step.title);
        check(step.id, step.description);
        check(step.id, step.media.altText);
      }
    }
    assert.deepEqual(literal, [], 'run `node scripts/manifestStrings.js` to move them to package.nls.json');
  });

  it('declares each command once (three Studio lifecycle configuration commands were declared twice)', () => {
    const ids = manifest.contributes.commands.map((cmd) => cmd.command);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
  });

  it('keeps the command links of the walkthrough steps working after the move', () => {
    const commandIds = new Set(manifest.contributes.commands.map((cmd) => cmd.command));
    const links = Object.entries(strings)
      .filter(([key]) => key.startsWith('walkthrough.'))
      .flatMap(([, value]) => [...value.matchAll(/\(command:(sagemakerWorkbench\.[A-Za-z.]+?)(?:\?[^)]*)?\)/g)])
      .map((m) => m[1]);
    assert.ok(links.length >= 3, links.join(', '));
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => `${v.id}.focus`);
    for (const id of links) assert.ok(commandIds.has(id) || views.includes(id), `${id} is a contributed command`);
  });
});
