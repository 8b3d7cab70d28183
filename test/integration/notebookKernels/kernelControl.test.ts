// Controlling a kernel on a notebook instance as a user does, in the real host against the emulator's real
// Jupyter: input() answered in an input box, Interrupt, Restart Kernel and Restart Kernel and Run All from the
// notebook toolbar, a kernel that dies, a session that expired, and a notebook opened from the instance's files
// running there by default, in its own folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { notebookKernels } from '../../../src/commands/notebookKernels/activateNotebookKernels';
import { KERNEL_RESTARTED_MESSAGE } from '../../../src/model/jupyter/executionState';
import { instanceFilesUri } from '../../../src/views/instanceFiles/instanceFileSystem';
import { advanceEmulatorClock, emulatorUrl, recordedRequests } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { until } from '../support/workbench';
import {
  FRAUD,
  errors,
  notebookRequests,
  openNotebook,
  runCells,
  selectInstance,
  stdout,
  useKernelSuite,
  type Outcome,
  showNotebook,
  writeNotebook,
} from './support';

/** What the notebook toolbar passes to its commands. */
const toolbar = (document: vscode.NotebookDocument) => ({ notebookEditor: { notebookUri: document.uri }, ui: true });
const orders = (document: vscode.NotebookDocument) =>
  document.getCells().map((c) => c.executionSummary?.executionOrder);

describe('Notebook kernels: input, interrupt, restart and recovery', function () {
  this.timeout(180_000);
  const { assertNothingLeaked } = useKernelSuite();

  it('asks for input() in an input box and sends the answer to the kernel', async () => {
    const document = await openNotebook(['name = input("Dataset: ")\nprint("training on", name)']);
    await withWindow(async (ui) => {
      await selectInstance(ui, document, FRAUD);
      ui.onInputBox(`Input for the cell running on ${FRAUD}`, 'abalone');
      await runCells(document, 0);
      assert.ok(ui.asked.includes(`Input for the cell running on ${FRAUD}`), ui.asked.join(', '));
    });
    assert.strictEqual(stdout(document.cellAt(0)), 'Dataset: abalone\ntraining on abalone\n');
    assert.strictEqual(document.cellAt(0).executionSummary?.success, true);
    await assertNothingLeaked();
  });

  it('interrupts a long cell and keeps the kernel and its variables', async () => {
    const document = await openNotebook([
      'rings = 29',
      'import time\nfor i in range(6000):\n    time.sleep(0.01)',
      'print(rings)',
    ]);
    await withWindow((ui) => selectInstance(ui, document, FRAUD));
    await runCells(document, 0);
    const kernelId = notebookKernels().kernelOf(document)?.session.kernel?.id;
    const long = document.cellAt(1);
    const running = vscode.commands.executeCommand('notebook.cell.execute', {
      ranges: [{ start: 1, end: 2 }],
      document: document.uri,
    });
    await until('the long cell runs', () => long.executionSummary?.executionOrder);
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.cancelExecution');
    await running;
    await until('the long cell ended', () => long.executionSummary?.timing?.endTime, 30_000);
    assert.strictEqual(long.executionSummary?.success, false);
    assert.deepStrictEqual(
      errors(long).map((e) => e.name),
      ['KeyboardInterrupt'],
    );
    await runCells(document, 2);
    assert.strictEqual(stdout(document.cellAt(2)), '29\n', 'the variable survived the interrupt');
    assert.strictEqual(notebookKernels().kernelOf(document)?.session.kernel?.id, kernelId, 'the same kernel');
    await assertNothingLeaked();
  });

  it('restarts the kernel from the notebook toolbar after asking, and not when the user cancels', async () => {
    const document = await openNotebook(['rings = 29', 'print("rings" in dir())']);
    await withWindow((ui) => selectInstance(ui, document, FRAUD));
    await runCells(document, 0, 2);
    assert.strictEqual(stdout(document.cellAt(1)), 'True\n');

    const question = /^Restart the kernel of kernels-[\w-]+\.ipynb on FraudDetectionNotebookInstance\?$/;
    await withWindow(async (ui) => {
      ui.onMessage(question, undefined);
      const kept = await run<Outcome>('restartInstanceKernel', toolbar(document));
      assert.strictEqual(kept.outcome, 'cancelled');
    });
    await runCells(document, 1);
    assert.strictEqual(stdout(document.cellAt(1)), 'True\n', 'cancelled: the variables are still there');
    assert.deepStrictEqual(orders(document), [1, 3]);

    await withWindow(async (ui) => {
      ui.onMessage(question, 'Restart');
      const restarted = await run<Outcome>('restartInstanceKernel', toolbar(document));
      assert.strictEqual(restarted.outcome, 'done');
      const asked = ui.messages.find((m) => question.test(m.message));
      assert.ok(asked?.modal, 'asked in a modal');
      assert.match(asked.detail ?? '', /the variables defined so far are lost/);
      assert.ok(
        ui
          .shown('info')
          .some((m) => /^The kernel of kernels-.* on FraudDetectionNotebookInstance restarted\.$/.test(m)),
      );
    });
    await runCells(document, 1);
    assert.strictEqual(stdout(document.cellAt(1)), 'False\n', 'restarted: the variables are gone');
    assert.strictEqual(document.cellAt(1).executionSummary?.executionOrder, 1, 'the count starts again');
    const restarts = (await notebookRequests()).filter((r) => r.method === 'POST' && /\/restart$/.test(r.path));
    assert.strictEqual(restarts.length, 1, 'one restart request');
    await assertNothingLeaked();
  });

  it('restarts and runs every cell again with Restart Kernel and Run All', async () => {
    const document = await openNotebook(['import os\npid = os.getpid()', 'rings = 29', 'print(rings + 1)']);
    await withWindow((ui) => selectInstance(ui, document, FRAUD));
    await runCells(document, 0, 3);
    assert.deepStrictEqual(orders(document), [1, 2, 3]);
    await runCells(document, 2);
    assert.deepStrictEqual(orders(document), [1, 2, 4]);
    const before = document.cellAt(2).executionSummary?.timing?.endTime ?? 0;

    await withWindow(async (ui) => {
      ui.onMessage(/and run all cells\?$/, 'Restart and Run All');
      const outcome = await run<Outcome>('restartInstanceKernelAndRunAll', toolbar(document));
      assert.strictEqual(outcome.outcome, 'done');
    });
    await until('run all ended', () =>
      (document.cellAt(2).executionSummary?.timing?.endTime ?? 0) > before ? true : undefined,
    );
    assert.deepStrictEqual(orders(document), [1, 2, 3], 'every cell ran again on the fresh kernel');
    assert.strictEqual(stdout(document.cellAt(2)), '30\n');
    await assertNothingLeaked();
  });

  it('ends the cell whose kernel died, says the kernel was restarted, and runs the next cell on the new kernel', async () => {
    const document = await openNotebook(['rings = 29', 'import os\nos._exit(1)', 'print("rings" in dir())']);
    await withWindow((ui) => selectInstance(ui, document, FRAUD));
    await runCells(document, 0);
    await runCells(document, 1);
    const died = document.cellAt(1);
    assert.strictEqual(died.executionSummary?.success, false);
    assert.deepStrictEqual(
      errors(died).map((e) => [e.name, e.message]),
      [['Kernel died', KERNEL_RESTARTED_MESSAGE]],
    );
    await runCells(document, 2);
    assert.strictEqual(stdout(document.cellAt(2)), 'False\n', 'the new kernel starts without the variables');
    await assertNothingLeaked();
  });

  it('signs in again once, silently, when the session expired, and re-attaches to the same kernel', async () => {
    const document = await openNotebook(['rings = 29', 'print(rings)']);
    await withWindow((ui) => selectInstance(ui, document, FRAUD));
    await runCells(document, 0);
    const kernel = notebookKernels().kernelOf(document);
    const kernelId = kernel?.session.kernel?.id;
    const minted = async () =>
      (await recordedRequests()).filter((r) => r.operation === 'CreatePresignedNotebookInstanceUrl').length;
    const mintedBefore = await minted();
    const shownBefore = notebookKernels().statusShown.length;
    // The session outlives its SessionExpirationDurationInSeconds (1800 s) on the instance's side.
    await advanceEmulatorClock(1900);
    try {
      await withWindow(async (ui) => {
        const dropped = await fetch(`${emulatorUrl()}/_emulator/notebook-instances/${FRAUD}/drop-connections`, {
          method: 'POST',
        });
        assert.ok(dropped.ok);
        await until('the status bar said it reconnects', () =>
          notebookKernels().statusShown.length > shownBefore ? true : undefined,
        );
        await until(
          'reconnected',
          () => (kernel?.session.kernel?.connectionStatus === 'connected' ? true : undefined),
          60_000,
        );
        await runCells(document, 1);
        assert.deepStrictEqual(ui.messages, [], 'nothing to tell the user');
      });
    } finally {
      await advanceEmulatorClock(-1900);
    }
    assert.strictEqual(stdout(document.cellAt(1)), '29\n');
    assert.strictEqual(notebookKernels().kernelOf(document)?.session.kernel?.id, kernelId, 'the same kernel');
    assert.strictEqual((await minted()) - mintedBefore, 1, 'one new presigned URL');
    const refused = (await notebookRequests()).filter((r) => r.session === 'expired');
    assert.ok(refused.length >= 1, 'the instance refused the expired session');
    await assertNothingLeaked();
  });

  it('runs a notebook opened from the instance files on that instance, with its saved kernel, in its folder', async () => {
    const folderUri = instanceFilesUri(FRAUD, '/abalone-lab');
    await vscode.workspace.fs.createDirectory(folderUri);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folderUri, 'abalone.csv'),
      Buffer.from('Sex,Length,Rings\nM,0.455,15\nF,0.53,9\n'),
    );
    const notebookUri = vscode.Uri.joinPath(folderUri, 'explore.ipynb');
    await writeNotebook(
      notebookUri,
      ['import os, pandas as pd\nprint(os.path.basename(os.getcwd()), len(pd.read_csv("abalone.csv")))'],
      { name: 'conda_pytorch_p310', display_name: 'conda_pytorch_p310' },
    );
    const document = await showNotebook(notebookUri);

    await withWindow(async (ui) => {
      // Shown, it is connected to its instance with the kernel it was saved with, without a question.
      const kernel = await until('attached to its instance', () => notebookKernels().kernelOf(document), 60_000);
      assert.deepStrictEqual([kernel.instanceName, kernel.kernelSpec], [FRAUD, 'conda_pytorch_p310']);
      await runCells(document, 0);
      assert.deepStrictEqual(ui.asked, []);
    });
    assert.strictEqual(notebookKernels().kernelOf(document)?.instanceName, FRAUD);
    assert.strictEqual(stdout(document.cellAt(0)), 'abalone-lab 2\n', 'cwd is the notebook folder');
    const sessions = (await notebookRequests()).filter((r) => r.method === 'POST' && r.path.endsWith('/api/sessions'));
    assert.strictEqual(sessions.length, 1);
    await assertNothingLeaked();
  });
});
