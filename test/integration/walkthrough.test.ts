// The Get Started walkthrough as VS Code loads it: its four steps in the display language (package.nls.json
// resolved by the host), each with a picture that ships with the extension, and each step's button running a
// command the host knows.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activated, EXTENSION_ID, until } from './support/workbench';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image: string; altText: string };
  completionEvents: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  steps: Step[];
}

function walkthrough(): { extensionPath: string; getStarted: Walkthrough } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: Walkthrough[] } }).contributes
    .walkthroughs;
  const getStarted = walkthroughs.find((w) => w.id === 'getStarted');
  assert.ok(getStarted, 'the getStarted walkthrough is contributed');
  return { extensionPath: extension.extensionPath, getStarted };
}

describe('Get Started walkthrough', () => {
  it('is contributed with its four steps, titled in the display language', () => {
    const { getStarted } = walkthrough();
    assert.equal(getStarted.title, 'Get Started with SageMaker Workbench');
    assert.deepEqual(
      getStarted.steps.map((s) => [s.id, s.title]),
      [
        ['chooseProfile', 'Choose a profile and region'],
        ['trySandbox', 'Try the local sandbox'],
        ['openNotebook', 'Open a notebook on an instance'],
        ['reviewRelease', 'Review a release'],
      ],
    );
    for (const step of getStarted.steps) {
      assert.doesNotMatch(step.description, /^%.*%$/, `${step.id}: description resolved from package.nls.json`);
      assert.ok(step.media.altText.length > 20, `${step.id}: the picture is described for screen readers`);
    }
  });

  it('shows a PNG taken from the real UI in every step, shipped with the extension', () => {
    const { extensionPath, getStarted } = walkthrough();
    const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (const step of getStarted.steps) {
      const image = path.join(extensionPath, step.media.image);
      assert.ok(fs.existsSync(image), `${step.id}: ${step.media.image} exists`);
      const bytes = fs.readFileSync(image);
      assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${step.id}: ${step.media.image} is a PNG`);
      // IHDR width and height: a screenshot of the workbench, not an icon.
      assert.ok(bytes.readUInt32BE(16) >= 1000 && bytes.readUInt32BE(20) >= 600, `${step.id}: a full-window picture`);
    }
  });

  it('links each step to a command the host has, and completes on it', async () => {
    await activated();
    const { getStarted } = walkthrough();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of getStarted.steps) {
      const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.equal(links.length, 1, `${step.id}: one button`);
      assert.ok(commands.has(links[0]), `${step.id}: ${links[0]} is registered`);
      for (const event of step.completionEvents.filter((e) => e.startsWith('onCommand:'))) {
        const id = event.slice('onCommand:'.length);
        assert.ok(commands.has(id), `${step.id}: completes on ${id}, a registered command`);
      }
    }
  });

  it('opens in the Welcome editor', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#getStarted`, false);
    const tab = await until('the Welcome editor with the walkthrough', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /Welcome|Walkthrough/.test(t.label)),
    );
    assert.ok(tab.isActive, `${tab.label} is the active editor`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
