// Activation in the real extension host, of the extension as users get it (the production bundle,
// dist/extension.js, in a host of its own: scripts/bench.js), against an empty extension activated the same way in
// the same host (test/bench/emptyExtension): how much longer than doing nothing activate() takes, and what it asks
// AWS meanwhile (nothing: clients are created on first use). Runs before anything else activates the extension.
// A second baseline, test/bench/floorExtension, registers the same views and commands and does nothing else: the
// least an extension with this manifest can take, so the ratio's budget can be read against what is possible.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../src/extension';
import { clearRequests, recordedRequests } from '../integration/support/emulatorControl';
import { EXTENSION_ID } from '../integration/support/workbench';
import { recordFigures, round } from './figures';
import { hostQuiet, QUIET_TICKS } from './hostQuiet';

/**
 * test/bench/floorExtension with the Workbench's views and commands (ids renamed): the least an extension with this
 * manifest does on activation (each command and view registered, nothing else).
 */
const FLOOR_EXTENSION_ID = 'sagemaker-workbench-bench.floor-extension';

/** Copies of test/bench/emptyExtension the bench installs: publisher.name-1, -2, … */
const EMPTY_EXTENSION_ID = /^sagemaker-workbench-bench\.empty-extension-\d+$/;

/**
 * A small built-in extension nothing activates, activated first: the host's one-time work on the first activation
 * a test asks for (about as long as activating the empty extension, in the first runs) counts against neither.
 */
const WARM_UP_ID = 'ms-vscode.vscode-js-profile-table';

interface FloorManifest {
  contributes?: { commands?: unknown[]; views?: Record<string, unknown[]> };
}

/** Wall time of `activate()` called as another extension would, on an extension not activated yet. */
async function timeActivation<T>(extension: vscode.Extension<T>): Promise<{ ms: number; api: T }> {
  assert.strictEqual(extension.isActive, false, `nothing activated ${extension.id} before the benchmark`);
  const started = performance.now();
  const api = await extension.activate();
  return { ms: performance.now() - started, api };
}

describe('activation benchmark', function () {
  this.timeout(60_000);

  it('activates the production bundle without calling AWS, and in how many times an empty extension takes', async () => {
    const extension = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID)!;
    const empties = vscode.extensions.all.filter((e) => EMPTY_EXTENSION_ID.test(e.id));
    assert.ok(empties.length > 0, 'copies of test/bench/emptyExtension are installed in this host');
    const main = (extension.packageJSON as { main?: string }).main;
    assert.strictEqual(main, './dist/extension.js', 'the host runs the production bundle, as users get it');
    await clearRequests();
    const quietMs = await hostQuiet();
    const warmUp = vscode.extensions.getExtension(WARM_UP_ID);
    const warmUpMs = warmUp && !warmUp.isActive ? (await timeActivation(warmUp)).ms : undefined;
    const emptyMs: number[] = [];
    for (const empty of empties) emptyMs.push((await timeActivation(empty)).ms);
    const baseline = emptyMs.sort((a, b) => a - b)[Math.floor(emptyMs.length / 2)];
    const { ms, api } = await timeActivation(extension);
    await api.ready;
    const calls = await recordedRequests();
    // After ours, once the host is quiet again (ours loads the SageMaker SDK in the background once it is ready).
    await hostQuiet();
    const floor = vscode.extensions.getExtension(FLOOR_EXTENSION_ID);
    assert.ok(floor, 'the floor extension is installed in this host');
    const floorMs = (await timeActivation(floor)).ms;
    const { commands = [], views = {} } = (floor.packageJSON as FloorManifest).contributes ?? {};
    recordFigures(
      {
        name: "activation: activate() of dist/extension.js (production bundle) over an empty extension's, same host",
        value: Math.round((ms / baseline) * 100) / 100,
        unit: '×',
        budget: 1.5,
      },
      {
        name: 'activation: activate() of dist/extension.js (production bundle; load and run activate())',
        value: round(ms),
        unit: 'ms',
      },
      {
        name: `activation: activate() of an extension that only registers the same ${Object.values(views).flat().length} views and ${commands.length} commands, same host (the floor for this manifest)`,
        value: round(floorMs),
        unit: 'ms',
      },
      {
        name: "activation: that floor over an empty extension's (the least the ratio above can be)",
        value: Math.round((floorMs / baseline) * 100) / 100,
        unit: '×',
      },
      {
        name: `activation: activate() of an empty extension, same host (median of ${emptyMs.length} copies)`,
        value: round(baseline),
        unit: 'ms',
      },
      { name: `activation: ms until the host was quiet (${QUIET_TICKS} timers in a row on time), not counted`, value: round(quietMs), unit: 'ms' },
      ...(warmUpMs === undefined
        ? []
        : [{ name: `activation: activate() of ${WARM_UP_ID}, activated first (not counted)`, value: round(warmUpMs), unit: 'ms' }]),
      { name: 'activation: AWS calls (until the profile files are read)', value: calls.length, unit: 'calls', budget: 0 },
    );
    assert.deepStrictEqual(
      calls.map((c) => c.operation),
      [],
    );
  });
});
