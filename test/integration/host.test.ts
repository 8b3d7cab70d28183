// The host itself: a real VS Code that loads the extension and registers its commands and views.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, EXTENSION_ID } from './support/workbench';

describe('VS Code host', () => {
  it('is a real VS Code of at least the version the extension requires', () => {
    const { engines } = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { engines: { vscode: string } };
    const required = /^\^(\d+)\.(\d+)\./.exec(engines.vscode);
    assert.ok(required, `engines.vscode is a caret range: ${engines.vscode}`);
    const [major, minor] = vscode.version.split('.').map(Number);
    const [needMajor, needMinor] = [Number(required[1]), Number(required[2])];
    assert.ok(
      major > needMajor || (major === needMajor && minor >= needMinor),
      `VS Code ${vscode.version} is older than engines.vscode ${engines.vscode}`,
    );
  });

  it('activates the extension and registers its commands', async () => {
    const api = await activated();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.deepStrictEqual(
      Object.keys(api).sort(),
      ['onDidChangeSession', 'ready', 'session'],
      'another extension sees the session, nothing internal',
    );
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'sagemakerWorkbench.chooseProfile',
      'sagemakerWorkbench.refreshAll',
      'sagemakerWorkbench.showLog',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('contributes the SageMaker container with its views', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { views: Record<string, Array<{ name: string }>> };
    };
    assert.deepEqual(
      manifest.contributes.views.sagemakerWorkbench.map((v) => v.name),
      [
        'Notebook Instances',
        'Studio',
        'Autopilot',
        'Training Jobs',
        'Model Registry',
        'Endpoints',
        'Pipelines',
        'Running Now',
      ],
    );
  });
});
