// Notebook instances as kernels of VS Code's .ipynb editor, in the real host against the emulator, whose
// InService instances run a real Jupyter server: pick the instance in the kernel picker, choose a kernel spec,
// run cells and read what the user sees (stdout, a pandas table, a matplotlib PNG, a traceback, [n]), and the
// failures: the instance stopped mid-cell, the connection dropped.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { notebookKernels } from '../../../src/commands/notebookKernels/activateNotebookKernels';
import { START_AND_CONNECT } from '../../../src/commands/notebookKernels/instanceKernels';
import { emulatorUrl } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { until } from '../support/workbench';
import {
  FRAUD,
  LAB,
  decode,
  errors,
  instanceNode,
  mimes,
  openNotebook,
  runCells,
  selectInstance,
  stdout,
  useKernelSuite,
  type Outcome,
  startCell,
} from './support';

describe('Notebook kernels on notebook instances', function () {
  this.timeout(180_000);
  const { assertNothingLeaked } = useKernelSuite();

  it('offers each instance in the kernel picker and runs text, a pandas table, a PNG plot and an exception there', async () => {
    const kernels = notebookKernels();
    const fraud = kernels.controller(FRAUD);
    const lab = kernels.controller(LAB);
    assert.ok(fraud && lab, 'one controller per instance');
    assert.deepStrictEqual([fraud.label, fraud.detail], [FRAUD, 'SageMaker notebook instance']);
    assert.match(fraud.description ?? '', /^InService · ml\./);
    assert.deepStrictEqual([lab.label, lab.description?.split(' · ')[0]], [`${LAB}: ${START_AND_CONNECT}`, 'Stopped']);

    const document = await openNotebook([
      'print("hello from the instance")',
      'import pandas as pd\npd.DataFrame({"a": [1, 2], "b": [3, 4]})',
      '%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()',
      '1/0',
      'print("not reached")',
    ]);
    await withWindow(async (ui) => {
      const kernel = await selectInstance(ui, document, FRAUD);
      assert.strictEqual(kernel.kernelSpec, 'conda_python3');
      assert.deepStrictEqual(ui.asked, [`Kernel on ${FRAUD}`]);
    });
    await vscode.commands.executeCommand('notebook.execute', document.uri);
    const [text, table, plot, failing, after] = document.getCells();
    await until('run all ended at the exception', () => failing.executionSummary?.timing?.endTime, 60_000);

    assert.strictEqual(stdout(text), 'hello from the instance\n');
    assert.deepStrictEqual(mimes(table), [['text/html', 'text/plain']]);
    const html = decode(table.outputs[0].items[0].data);
    assert.match(html, /<table[\s\S]*<th>a<\/th>[\s\S]*<td>3<\/td>/);
    const png = plot.outputs.flatMap((o) => o.items).find((i) => i.mime === 'image/png');
    assert.ok(png, `a PNG plot (outputs ${JSON.stringify(mimes(plot))})`);
    assert.deepStrictEqual([...png.data.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepStrictEqual(
      errors(failing).map((e) => [e.name, e.message]),
      [['ZeroDivisionError', 'division by zero']],
    );

    assert.deepStrictEqual(
      [text, table, plot, failing].map((c) => [c.executionSummary?.executionOrder, c.executionSummary?.success]),
      [
        [1, true],
        [2, true],
        [3, true],
        [4, false],
      ],
    );
    const timing = text.executionSummary?.timing;
    assert.ok(timing && timing.endTime >= timing.startTime, 'start and end time');
    assert.strictEqual(after.executionSummary?.timing, undefined, 'run all stops at the failing cell');
    await assertNothingLeaked();
  });

  it('reconnects to the same kernel when the connection drops, saying so in the status bar, and keeps its variables', async () => {
    const document = await openNotebook(['x = 41 + 1', 'print(x)']);
    const kernel = await withWindow((ui) => selectInstance(ui, document, FRAUD));
    await runCells(document, 0);
    const kernelId = kernel.session.kernel?.id;
    const shownBefore = notebookKernels().statusShown.length;
    const dropped = await fetch(`${emulatorUrl()}/_emulator/notebook-instances/${FRAUD}/drop-connections`, {
      method: 'POST',
    });
    assert.ok(((await dropped.json()) as { dropped: number }).dropped >= 1, 'the kernel websocket was dropped');
    await until('the status bar said so', () =>
      notebookKernels().statusShown.length > shownBefore ? true : undefined,
    );
    assert.deepStrictEqual(notebookKernels().statusShown.slice(shownBefore), [`Reconnecting to ${FRAUD}…`]);
    await until(
      'reconnected',
      () => (kernel.session.kernel?.connectionStatus === 'connected' ? true : undefined),
      30_000,
    );
    await runCells(document, 1);
    assert.strictEqual(stdout(document.cellAt(1)), '42\n');
    assert.strictEqual(notebookKernels().kernelOf(document)?.session.kernel?.id, kernelId, 'the same kernel');
    assert.deepStrictEqual(
      document.getCells().map((c) => c.executionSummary?.executionOrder),
      [1, 2],
    );
    await assertNothingLeaked();
  });

  it('ends the running cell with "instance stopped" when the instance stops under it, then offers Start and connect', async () => {
    const document = await openNotebook(['import time\ntime.sleep(60)']);
    await withWindow((ui) => selectInstance(ui, document, FRAUD));
    const cell = document.cellAt(0);
    const { ended: running } = await startCell(document, 0);
    await withWindow(async (ui) => {
      ui.onMessage(`Stop notebook instance ${FRAUD}?`, 'Stop');
      const stopped = await run<Outcome>('stopNotebookInstance', await instanceNode(FRAUD));
      assert.strictEqual(stopped.outcome, 'done');
      await running;
      await until('the cell ended', () => cell.executionSummary?.timing?.endTime, 30_000);
      // Stopping or already Stopped, depending on when the instance is asked.
      assert.ok(
        ui
          .shown('warning')
          .some((m) => /^FraudDetectionNotebookInstance is Stopp(ing|ed): its kernels stopped\./.test(m)),
        ui.shown().join('\n'),
      );
    });
    assert.strictEqual(cell.executionSummary?.success, false);
    const [error] = errors(cell);
    assert.strictEqual(error?.name, 'Instance stopped');
    assert.match(error.message, /^instance stopped: FraudDetectionNotebookInstance is Stopp(ing|ed)/);
    assert.strictEqual(notebookKernels().kernelOf(document), undefined, 'the notebook is no longer attached');
    await until('the picker offers Start again', () =>
      notebookKernels().controller(FRAUD)?.label === `${FRAUD}: ${START_AND_CONNECT}` ? true : undefined,
    );
    await assertNothingLeaked();
  });

  it('starts a stopped instance from the kernel picker, then connects and runs in its folder', async () => {
    const document = await openNotebook([
      'import os\nprint(sorted(f for f in os.listdir(".") if f.startswith("Lab1")))',
    ]);
    await withWindow(async (ui) => {
      ui.onMessage(`Start ${LAB} and connect?`, 'Start and Connect');
      await selectInstance(ui, document, LAB);
    });
    assert.strictEqual(notebookKernels().controller(LAB)?.label, LAB);
    await runCells(document, 0);
    assert.match(stdout(document.cellAt(0)), /^\['Lab1-[^']+\.ipynb'/);
    await assertNothingLeaked();
  });
});
