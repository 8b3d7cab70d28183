// The first use of each feature after activation: one command a user runs from the palette (or a view's menu),
// stopped at its first prompt (cancelled, as a user pressing Escape), run twice; the figure is what the first run
// costs more than the second: the modules and AWS SDK clients it loads on first use, first-time setup. In a host
// of its own (scripts/bench.js): nothing ran these commands before. The host runs the compiled modules the
// benchmarks share with the extension (the test window needs them), so a first use loads modules one file at a
// time, not the bundle's chunks; the SageMaker SDK loads with the first command that calls SageMaker (in this
// order, Instance Files'), the IAM SDK with the first that lists roles. The time the emulator spent answering is
// taken out of each run (it records it per request): it stands in for AWS's side of a call, and its own first
// answers (JIT, a large world catching up with its clock) are no part of what the extension's first use costs.
import * as assert from 'assert';
import { clearRequests, recordedRequests } from '../integration/support/emulatorControl';
import { run, withWindow, type TestWindow } from '../integration/support/testWindow';
import { host } from '../integration/support/workbench';
import { pipelineRowsWithStates } from '../../src/views/pipelines/codePipelineNode';
import { recordFigures, round, type Figure } from './figures';
import { hostQuiet } from './hostQuiet';

/** A seeded AutoGluon training job, as the Training Jobs view's row passes it to its menu's commands. */
const TRAINING_JOB_ROW = { resource: { kind: 'training-job', name: 'abalone-autogluon-2021-07-05-18-03-21-457' } };

interface FirstUse {
  feature: string;
  command: string;
  args?: unknown[];
  /** How the run is invoked, when not from the palette with no argument. */
  from?: string;
  /** Scripts the cancel of the command's first prompt. */
  cancel: (ui: TestWindow) => void;
  /**
   * Brings the data the command reads to the same state before each run (timed apart from it), so the difference
   * between the runs is what the first use loads, not what the first run left cached for the second.
   */
  prepare?: () => Promise<void>;
}

/**
 * The Pipelines view's rows, each with its state read, as a user who has the view open has them: the command looks
 * for waiting approvals among the rows, and the first run otherwise read 50 states the second found read.
 */
async function pipelineRowsRead(): Promise<void> {
  await pipelineRowsWithStates((await (await host()).views.providers.pipelines.getChildren()) ?? []);
}

const cancelPick = (title: string) => (ui: TestWindow) => void ui.onQuickPick(title, (p) => p.cancel());
const cancelInput = (title: string) => (ui: TestWindow) => void ui.onInputBox(title, (p) => p.cancel());
const dismiss = (message: string) => (ui: TestWindow) => void ui.onMessage(message, undefined);

/** In the order of the extension's features (src/extension.ts). */
const FIRST_USES: FirstUse[] = [
  {
    feature: 'notebook instances',
    command: 'createLifecycleConfig',
    cancel: cancelInput('New lifecycle configuration'),
  },
  {
    feature: 'instance files',
    command: 'openInstanceFiles',
    cancel: cancelPick('Open the files of which notebook instance?'),
  },
  { feature: 'Studio', command: 'createSpace', cancel: cancelInput('Create Studio space') },
  {
    feature: 'notebook kernels',
    command: 'restartInstanceKernel',
    from: 'no notebook on a SageMaker kernel: its warning is the prompt',
    cancel: dismiss('This notebook is not connected to a kernel'),
  },
  { feature: 'Autopilot', command: 'startAutopilot', cancel: cancelInput('Start Autopilot experiment') },
  {
    feature: 'training jobs',
    command: 'newAutoGluonProject',
    cancel: cancelInput('New AutoGluon container project'),
  },
  {
    feature: 'model registry',
    command: 'registerModel',
    args: [TRAINING_JOB_ROW],
    from: "a training job row's menu",
    cancel: cancelPick('Register in which model package group?'),
  },
  { feature: 'hosting/endpoints', command: 'invokeEndpoint', cancel: cancelPick('Test which endpoint?') },
  {
    feature: 'releases/pipelines',
    command: 'reviewPendingApprovals',
    from: "the Pipelines view's rows read first",
    cancel: cancelPick('Pending approvals'),
    prepare: pipelineRowsRead,
  },
  {
    feature: 'cost/Running Now',
    command: 'stopRunningNotebookInstance',
    from: 'no Running Now row: its error is the prompt',
    cancel: dismiss('Pick a notebook instance in the Running Now view.'),
  },
];

interface Run {
  /** Wall time to the prompt. */
  ms: number;
  /** Of which the emulator spent answering the run's calls (it answers one at a time). */
  awsMs: number;
  /** AWS calls before the prompt, in order. */
  calls: string[];
  /** Modules this run loaded into the extension host (none were loaded yet). */
  modules: number;
}

async function runToFirstPrompt(use: FirstUse): Promise<Run> {
  await use.prepare?.();
  await clearRequests();
  const loadedBefore = Object.keys(require.cache).length;
  const started = performance.now();
  await withWindow(async (ui) => {
    use.cancel(ui);
    await run(`sagemakerWorkbench.${use.command}`, ...(use.args ?? []));
    assert.strictEqual(ui.asked.length + ui.messages.length, 1, `${use.command} stopped at its first prompt`);
  });
  const ms = performance.now() - started;
  const recorded = await recordedRequests();
  const awsMs = recorded.reduce((sum, c) => sum + (c.handledMs ?? 0), 0);
  return { ms, awsMs, calls: recorded.map((c) => c.operation), modules: Object.keys(require.cache).length - loadedBefore };
}

/** "ListDomains, 3× ListSpaces": what a run asked AWS. */
function callList(calls: string[]): string {
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${n}× ${c}` : c)).join(', ');
}

/** What the runs asked AWS before the prompt, for the figure's name: the time includes it. */
function awsNote(first: Run, second: Run): string {
  if (first.calls.length === 0 && second.calls.length === 0) return 'no AWS call before the prompt';
  if (callList(first.calls) === callList(second.calls)) return `both runs call ${callList(first.calls)} first`;
  return `first run calls ${callList(first.calls) || 'nothing'}, second ${callList(second.calls) || 'nothing'}`;
}

describe('first use benchmark', function () {
  this.timeout(120_000);

  it('times the first use of each feature against its second, up to the first prompt', async () => {
    await host();
    // Activation loads the SageMaker SDK in the background (clients.preload): the first use starts after it.
    await hostQuiet();
    const figures: Figure[] = [];
    for (const use of FIRST_USES) {
      const first = await runToFirstPrompt(use);
      const second = await runToFirstPrompt(use);
      const id = `sagemakerWorkbench.${use.command}`;
      const how = [id, use.from, awsNote(first, second)].filter(Boolean).join('; ');
      figures.push(
        {
          name: `first use: ${use.feature} (${how}): extra ms of the first run over the second, the emulator's answering time taken out (compiled modules)`,
          value: round(first.ms - first.awsMs - (second.ms - second.awsMs)),
          unit: 'ms',
          budget: 100,
        },
        {
          name: `first use: ${use.feature} (${id}): extra ms of the first run over the second, wall time`,
          value: round(first.ms - second.ms),
          unit: 'ms',
        },
        {
          name: `first use: ${use.feature} (${id}): ms the emulator spent answering the first run (taken out above)`,
          value: round(first.awsMs),
          unit: 'ms',
        },
        {
          name: `first use: ${use.feature} (${id}): modules the first run loaded (the second: ${second.modules})`,
          value: first.modules,
          unit: 'modules',
        },
      );
    }
    recordFigures(...figures);
  });
});
