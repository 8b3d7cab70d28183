// Activation in the real extension host: how long VS Code takes to load the extension and run activate(), and
// what it asks AWS meanwhile (nothing: clients are created on first use). Runs first, before anything else
// activates the extension.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../src/extension';
import { clearRequests, recordedRequests } from '../integration/support/emulatorControl';
import { EXTENSION_ID } from '../integration/support/workbench';
import { recordFigures, round } from './figures';

describe('activation benchmark', function () {
  this.timeout(60_000);

  it('activates without calling AWS', async () => {
    const extension = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID)!;
    assert.strictEqual(extension.isActive, false, 'nothing activated the extension before the benchmark');
    await clearRequests();
    const started = performance.now();
    const api = await extension.activate();
    const ms = performance.now() - started;
    await api.ready;
    const calls = await recordedRequests();
    recordFigures(
      { name: 'activation: load the extension (compiled modules, as the suites run it) and run activate() in the VS Code host', value: round(ms), unit: 'ms' },
      { name: 'activation: AWS calls (until the profile files are read)', value: calls.length, unit: 'calls', budget: 0 },
    );
    assert.deepStrictEqual(calls.map((c) => c.operation), []);
  });
});
