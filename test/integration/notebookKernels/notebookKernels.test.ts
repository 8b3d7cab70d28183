// Notebook instances as kernels of VS Code's .ipynb editor, in the real host against the emulator, whose
// InService instances run a real Jupyter server: pick the instance in the kernel picker, choose a kernel spec,
// run cells and read what the user sees (stdout, a pandas table, a matplotlib PNG, a traceback, [n]), answer
// input(), interrupt, restart, and the failures: the instance stopped mid-cell, the connection dropped.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { notebookKernels } from '../../../src/commands/notebookKernels/activateNotebookKernels';
import {
  CONTROLLER_PREFIX,
  START_AND_CONNECT,
  type NotebookKernel,
} from '../../../src/commands/notebookKernels/instanceKernels';
import { pace } from '../../../src/ui/pace';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { emulatorUrl, resetEmulator } from '../support/emulatorControl';
import { run, withWindow, type TestWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';

const FRAUD = 'FraudDetectionNotebookInstance';
const LAB = 'ml-pipeline-lab-notebook';
const STDOUT = 'application/vnd.code.notebook.stdout';
const ERROR = 'application/vnd.code.notebook.error';
type Outcome = { outcome: string; message?: string };
/**
 * The extension VS Code files the controllers under. In this host the suite and the extension share the compiled
 * modules under out/, outside the installed extension's folder, so VS Code cannot tell which extension created
 * them and registers them under its fallback identity (its log names the kernels `nullExtensionDescription/…`);
 * installed, they are `sagemaker-workbench.sagemaker-workbench/…`, which the toolbar's `when` clauses name.
 */
const CONTROLLER_EXTENSION = 'nullExtensionDescription';

interface NotebookRequest {
  instance: string;
  method: string;
  path: string;
  websocket: boolean;
  status: number;
  session: string;
}

async function notebookRequests(method = 'GET'): Promise<NotebookRequest[]> {
  const response = await fetch(`${emulatorUrl()}/_emulator/notebook-requests`, { method });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as NotebookRequest[] | { requests: NotebookRequest[] }) : [];
  return Array.isArray(body) ? body : body.requests;
}

let counter = 0;
const folder = path.join(os.tmpdir(), `smw-kernels-${process.pid}`);

/** A new .ipynb with these code cells, opened in the notebook editor. */
async function openNotebook(cells: string[]): Promise<vscode.NotebookDocument> {
  counter += 1;
  const uri = vscode.Uri.file(path.join(folder, `kernels-${counter}-${Date.now()}.ipynb`));
  const notebook = {
    cells: cells.map((source) => ({ cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null })),
    metadata: { language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(notebook)));
  const document = await vscode.workspace.openNotebookDocument(uri);
  await vscode.window.showNotebookDocument(document);
  await notebookKernels().ensureListed();
  return document;
}

/** Picks the instance in the kernel picker as a user does, answers the kernel-spec pick, waits for the session. */
async function selectInstance(
  ui: TestWindow,
  document: vscode.NotebookDocument,
  instance: string,
  spec = 'conda_python3',
): Promise<NotebookKernel> {
  ui.onQuickPick(`Kernel on ${instance}`, (p) => p.pick(spec));
  const notebookEditor = await vscode.window.showNotebookDocument(document);
  const selected = await vscode.commands.executeCommand('notebook.selectKernel', {
    notebookEditor,
    id: `${CONTROLLER_PREFIX}${instance}`,
    extension: CONTROLLER_EXTENSION,
  });
  assert.strictEqual(selected, true, `the kernel picker selected ${instance}`);
  return until(`${document.uri.path} attached to ${instance}`, () => notebookKernels().kernelOf(document), 60_000);
}

async function runCells(document: vscode.NotebookDocument, start: number, end = start + 1): Promise<void> {
  await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start, end }], document: document.uri });
  await until(
    'the cells ended',
    () =>
      document
        .getCells()
        .slice(start, end)
        .every((c) => c.executionSummary?.timing?.endTime) || undefined,
    60_000,
  );
}

const decode = (data: Uint8Array) => Buffer.from(data).toString('utf8');
function stdout(cell: vscode.NotebookCell): string {
  return cell.outputs
    .flatMap((o) => o.items)
    .filter((i) => i.mime === STDOUT)
    .map((i) => decode(i.data))
    .join('');
}
function errors(cell: vscode.NotebookCell): Array<{ name: string; message: string }> {
  return cell.outputs
    .flatMap((o) => o.items)
    .filter((i) => i.mime === ERROR)
    .map((i) => JSON.parse(decode(i.data)) as { name: string; message: string });
}
function mimes(cell: vscode.NotebookCell): string[][] {
  return cell.outputs.map((o) => o.items.map((i) => i.mime));
}

async function instanceNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.notebookInstances;
  provider.refresh();
  return childNamed(provider as unknown as { getChildren(): Promise<ExplorerNode[]> }, name);
}

describe('Notebook kernels on notebook instances', function () {
  this.timeout(180_000);
  let followSeconds: number;
  let logged: string[];
  let logSub: vscode.Disposable;
  before(async () => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(folder));
  });
  after(async () => {
    pace.followSeconds = followSeconds;
    await resetEmulator();
    (await host()).views.providers.notebookInstances.refresh();
    await vscode.workspace.fs.delete(vscode.Uri.file(folder), { recursive: true });
  });
  beforeEach(async () => {
    const wb = await host();
    logged = [];
    logSub = wb.log.onDidLog((e) => logged.push(e.message));
    await notebookRequests('DELETE');
    await notebookKernels().list();
  });
  afterEach(async () => {
    logSub.dispose();
    // Let go of the kernels before the reset stops their servers (as closing the notebooks does, but at once).
    for (const notebook of vscode.workspace.notebookDocuments) notebookKernels().detach(notebook);
    for (const editor of vscode.window.visibleNotebookEditors) {
      await vscode.window.showNotebookDocument(editor.notebook);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Every Jupyter request carried the session cookie, and no token, cookie or URL reached the log. */
  async function assertNothingLeaked(): Promise<void> {
    const requests = await notebookRequests();
    assert.ok(requests.length > 0, 'the extension talked to the instance');
    assert.deepStrictEqual(
      requests.filter((r) => r.session === 'missing').map((r) => `${r.method} ${r.path}`),
      [],
      'no cookie-less call',
    );
    assert.deepStrictEqual(
      logged.filter((line) => /authToken|_xsrf=|cookie:|\?/i.test(line)),
      [],
      'no token, cookie or presigned URL logged',
    );
  }

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
    const running = vscode.commands.executeCommand('notebook.cell.execute', {
      ranges: [{ start: 0, end: 1 }],
      document: document.uri,
    });
    await until('the sleep runs', () => cell.executionSummary?.executionOrder);
    await withWindow(async (ui) => {
      ui.onMessage(`Stop notebook instance ${FRAUD}?`, 'Stop');
      const stopped = await run<Outcome>('stopNotebookInstance', await instanceNode(FRAUD));
      assert.strictEqual(stopped.outcome, 'done');
      await running;
      await until('the cell ended', () => cell.executionSummary?.timing?.endTime, 30_000);
      assert.ok(
        ui.shown('warning').some((m) => m.startsWith(`${FRAUD} is Stopping: its kernels stopped.`)),
        ui.shown().join('\n'),
      );
    });
    assert.strictEqual(cell.executionSummary?.success, false);
    const [error] = errors(cell);
    assert.strictEqual(error?.name, 'Instance stopped');
    assert.match(error.message, /^instance stopped: FraudDetectionNotebookInstance is Stopping/);
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
