// Studio JupyterLab spaces as kernels of VS Code's .ipynb editor, in the real host against the emulator, whose
// running JupyterLab spaces run a real Jupyter server behind CreatePresignedDomainUrl: the spaces beside the
// notebook instances in the kernel picker (listed with one ListSpaces and one ListApps per domain), cells run
// there (text, a pandas table, a matplotlib PNG, input(), Restart Kernel and Run All), the space stopped under a
// running cell, a stopped space started from the picker, and Open Space Files on the Studio view's node: the
// home folder read and written, and a notebook opened from it running on the space, in its folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { loadNotebookKernels, notebookKernels } from '../../../src/commands/notebookKernels/activateNotebookKernels';
import { SPACE_STOPPED, START_AND_CONNECT } from '../../../src/commands/notebookKernels/instanceKernels';
import { workspaceFolders } from '../../../src/commands/instanceFiles/workspaceFolders';
import { spaceFilesUri } from '../../../src/views/spaceFiles/spaceFileSystem';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { clearRequests, emulatorUrl, recordedRequests } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';
import {
  decode,
  errors,
  mimes,
  notebookRequests,
  openNotebook,
  runCells,
  selectSpace,
  stdout,
  useKernelSuite,
  type Outcome,
  showNotebook,
  writeNotebook,
  startCell,
} from './support';

const DOMAIN_ID = 'd-abcdefghijkl';
const DOMAIN = 'QuickSetupDomain-20210705T170715';
const PROFILE = 'default-1625508201457';
const RUNNING = 'autopilot-experiments';
const STOPPED = 'autogluon-image-build';
const CODE_EDITOR = 'mlops-pipeline-code';
const toolbar = (document: vscode.NotebookDocument) => ({ notebookEditor: { notebookUri: document.uri }, ui: true });

/** The space's node in the Studio view as it shows now (under its owner). */
async function spaceNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.studio;
  provider.refresh();
  const domain = await childNamed(provider as unknown as { getChildren(): Promise<ExplorerNode[]> }, DOMAIN);
  return childNamed(await childNamed(domain, PROFILE), name);
}

const inputsOf = async (operation: string) =>
  (await recordedRequests()).filter((r) => r.operation === operation).map((r) => r.input as Record<string, unknown>);

describe('Notebook kernels on Studio spaces', function () {
  this.timeout(240_000);
  const { assertNothingLeaked } = useKernelSuite();

  it('offers the JupyterLab spaces beside the instances and runs text, a pandas table and a PNG plot on the running one', async () => {
    await clearRequests();
    await (await loadNotebookKernels()).list();
    const studioCalls = (await recordedRequests())
      .map((r) => r.operation)
      .filter((o) => /^(ListDomains|ListSpaces|ListApps|Describe(Space|App))$/.test(o))
      .sort();
    assert.deepStrictEqual(studioCalls, ['ListApps', 'ListDomains', 'ListSpaces'], 'one list of each, no describe');

    const kernels = notebookKernels();
    const running = kernels.spaceController(DOMAIN_ID, RUNNING);
    const stopped = kernels.spaceController(DOMAIN_ID, STOPPED);
    assert.ok(running && stopped, 'one controller per JupyterLab space');
    assert.strictEqual(
      kernels.spaceController(DOMAIN_ID, CODE_EDITOR),
      undefined,
      'Code Editor spaces have no kernels',
    );
    assert.deepStrictEqual(
      [running.id, running.label, running.description, running.detail],
      [
        `sagemaker-space:${DOMAIN_ID}/${RUNNING}`,
        RUNNING,
        'InService · ml.t3.medium',
        `SageMaker Studio JupyterLab space (private) in ${DOMAIN}`,
      ],
    );
    assert.deepStrictEqual(
      [stopped.label, stopped.description],
      [`${STOPPED}: ${START_AND_CONNECT}`, 'Stopped · ml.m5.large'],
    );
    assert.ok(kernels.controller('FraudDetectionNotebookInstance'), 'the notebook instances are still offered');

    const document = await openNotebook([
      'print("hello from the space")',
      'import pandas as pd\npd.read_csv("abalone_with_headers.csv").head(2)',
      '%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()',
    ]);
    await withWindow(async (ui) => {
      const kernel = await selectSpace(ui, document, `${DOMAIN_ID}/${RUNNING}`);
      assert.deepStrictEqual([kernel.instanceName, kernel.kernelSpec], [RUNNING, 'conda_python3']);
      assert.deepStrictEqual(ui.asked, [`Kernel on ${RUNNING}`]);
    });
    await vscode.commands.executeCommand('notebook.execute', document.uri);
    const [text, table, plot] = document.getCells();
    await until('run all ended', () => plot.executionSummary?.timing?.endTime, 90_000);
    assert.strictEqual(stdout(text), 'hello from the space\n');
    assert.deepStrictEqual(mimes(table), [['text/html', 'text/plain']]);
    assert.match(decode(table.outputs[0].items[0].data), /<table[\s\S]*<th>rings<\/th>/i);
    const png = plot.outputs.flatMap((o) => o.items).find((i) => i.mime === 'image/png');
    assert.ok(png, `a PNG plot (outputs ${JSON.stringify(mimes(plot))})`);
    assert.deepStrictEqual([...png.data.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepStrictEqual(
      document.getCells().map((c) => [c.executionSummary?.executionOrder, c.executionSummary?.success]),
      [
        [1, true],
        [2, true],
        [3, true],
      ],
    );

    // Signed in as the private space's owner, through the space's own gateway.
    const [presign] = await inputsOf('CreatePresignedDomainUrl');
    assert.deepStrictEqual(
      [presign.DomainId, presign.UserProfileName, presign.SpaceName, presign.ExpiresInSeconds],
      [DOMAIN_ID, PROFILE, RUNNING, 300],
    );
    const requests = await notebookRequests();
    assert.ok(requests.some((r) => r.instance === `${DOMAIN_ID}.${RUNNING}` && r.websocket));
    await assertNothingLeaked();
  });

  it('asks for input(), and restarts the kernel and runs all from the notebook toolbar', async () => {
    const document = await openNotebook(['name = input("Dataset: ")', 'print("training on", name)']);
    await withWindow(async (ui) => {
      await selectSpace(ui, document, `${DOMAIN_ID}/${RUNNING}`);
      ui.onInputBox(`Input for the cell running on ${RUNNING}`, 'abalone');
      await runCells(document, 0, 2);
    });
    assert.strictEqual(stdout(document.cellAt(1)), 'training on abalone\n');
    await withWindow(async (ui) => {
      ui.onMessage(
        `Restart the kernel of ${document.uri.path.split('/').pop()} on ${RUNNING} and run all cells?`,
        'Restart and Run All',
      );
      ui.onInputBox(`Input for the cell running on ${RUNNING}`, 'mnist');
      const before = document.cellAt(1).executionSummary?.timing?.endTime ?? 0;
      const outcome = await run<Outcome>('restartInstanceKernelAndRunAll', toolbar(document));
      assert.strictEqual(outcome.outcome, 'done');
      await until('run all ended', () =>
        (document.cellAt(1).executionSummary?.timing?.endTime ?? 0) > before ? true : undefined,
      );
    });
    assert.strictEqual(stdout(document.cellAt(1)), 'training on mnist\n');
    assert.deepStrictEqual(
      document.getCells().map((c) => c.executionSummary?.executionOrder),
      [1, 2],
      'the count started again on the fresh kernel',
    );
    assert.strictEqual(
      (await notebookRequests()).filter((r) => r.method === 'POST' && /\/restart$/.test(r.path)).length,
      1,
    );
    await assertNothingLeaked();
  });

  it('opens the space’s home folder with Open Space Files, reads and writes it, and runs a notebook from it on the space', async () => {
    const update = workspaceFolders.update;
    const added: Array<{ uri: string; name?: string }> = [];
    workspaceFolders.update = (_start, _count, ...folders) => {
      added.push(...folders.map((f) => ({ uri: f.uri.toString(), name: f.name })));
      return true;
    };
    try {
      await withWindow(async (ui) => {
        const outcome = await run<Outcome>('openSpaceFiles', await spaceNode(RUNNING));
        const message = `Added ${RUNNING}'s files (/home/sagemaker-user) to the workspace as "${RUNNING} (Studio)".`;
        assert.deepStrictEqual([outcome.outcome, outcome.message], ['done', message]);
        assert.deepStrictEqual(ui.shown('info'), [message]);
      });
      assert.deepStrictEqual(added, [
        { uri: `sagemaker-space://${DOMAIN_ID}/${RUNNING}/`, name: `${RUNNING} (Studio)` },
      ]);
      const root = spaceFilesUri(DOMAIN_ID, RUNNING);
      const listing = await vscode.workspace.fs.readDirectory(root);
      assert.deepStrictEqual(
        listing.map(([name]) => name).sort(),
        ['abalone-exploration.ipynb', 'abalone_with_headers.csv'],
        'what the space’s lifecycle configuration copied from the Studio bucket',
      );
      const csv = Buffer.from(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'abalone_with_headers.csv')),
      );
      assert.match(csv.toString('utf8').split('\n')[0], /rings/i);

      const folder = vscode.Uri.joinPath(root, 'experiments');
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'notes.txt'), Buffer.from('rings ≈ age − 1.5\n'));
      assert.strictEqual(
        Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'notes.txt'))).toString('utf8'),
        'rings ≈ age − 1.5\n',
      );
      const state = (await (
        await fetch(`${emulatorUrl()}/_emulator/notebook-instances/${DOMAIN_ID}.${RUNNING}/jupyter`)
      ).json()) as { folder: string };
      const fs = await import('node:fs');
      assert.strictEqual(fs.readFileSync(`${state.folder}/experiments/notes.txt`, 'utf8'), 'rings ≈ age − 1.5\n');

      const notebookUri = vscode.Uri.joinPath(folder, 'explore.ipynb');
      await writeNotebook(notebookUri, ['import os\nprint(os.getcwd(), open("notes.txt").read().strip())'], {
        name: 'conda_python3',
        display_name: 'Python 3',
      });
      const document = await showNotebook(notebookUri);
      await withWindow(async (ui) => {
        const kernel = await until('attached to its space', () => notebookKernels().kernelOf(document), 60_000);
        assert.deepStrictEqual(
          [kernel.host.controllerId, kernel.kernelSpec],
          [`sagemaker-space:${DOMAIN_ID}/${RUNNING}`, 'conda_python3'],
        );
        await runCells(document, 0);
        assert.deepStrictEqual(ui.asked, [], 'no question: its own space, its saved kernel');
      });
      assert.strictEqual(
        stdout(document.cellAt(0)),
        `${state.folder}/experiments rings ≈ age − 1.5\n`,
        'cwd is the notebook folder',
      );
      await assertNothingLeaked();
    } finally {
      workspaceFolders.update = update;
    }
  });

  it('ends the running cell with "space stopped" when the space stops under it, then offers Start and connect', async () => {
    const document = await openNotebook(['import time\ntime.sleep(60)']);
    await withWindow((ui) => selectSpace(ui, document, `${DOMAIN_ID}/${RUNNING}`));
    const cell = document.cellAt(0);
    const { ended: running } = await startCell(document, 0);
    await withWindow(async (ui) => {
      ui.onMessage(`Stop space ${RUNNING}?`, 'Stop');
      const stopped = await run<Outcome>('stopSpace', await spaceNode(RUNNING));
      assert.strictEqual(stopped.outcome, 'done');
      await running;
      await until('the cell ended', () => cell.executionSummary?.timing?.endTime, 30_000);
      assert.ok(
        ui
          .shown('warning')
          .some((m) => new RegExp(`^${RUNNING} is (Deleting|Stopped): its kernels stopped\\.`).test(m)),
        ui.shown().join('\n'),
      );
    });
    assert.strictEqual(cell.executionSummary?.success, false);
    const [error] = errors(cell);
    assert.strictEqual(error?.name, SPACE_STOPPED);
    assert.match(error.message, new RegExp(`^space stopped: ${RUNNING} is (Deleting|Stopped)`));
    assert.strictEqual(notebookKernels().kernelOf(document), undefined, 'the notebook is no longer attached');
    await until('the picker offers Start again', () =>
      notebookKernels().spaceController(DOMAIN_ID, RUNNING)?.label === `${RUNNING}: ${START_AND_CONNECT}`
        ? true
        : undefined,
    );
    await assertNothingLeaked();
  });

  it('starts a stopped space from the kernel picker (CreateApp followed to InService), then runs there', async () => {
    const document = await openNotebook(['import os\nprint(os.path.basename(os.getcwd()))']);
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onMessage(`Start ${STOPPED} and connect?`, 'Start and Connect');
      await selectSpace(ui, document, `${DOMAIN_ID}/${STOPPED}`);
      const asked = ui.messages.find((m) => m.message === `Start ${STOPPED} and connect?`);
      assert.ok(asked?.modal, 'asked in a modal');
      assert.match(asked.detail ?? '', /billing for its instance starts/);
    });
    const [created] = await inputsOf('CreateApp');
    assert.deepStrictEqual([created.SpaceName, created.AppType, created.AppName], [STOPPED, 'JupyterLab', 'default']);
    assert.strictEqual(notebookKernels().spaceController(DOMAIN_ID, STOPPED)?.label, STOPPED);
    await runCells(document, 0);
    assert.strictEqual(stdout(document.cellAt(0)), 'sagemaker-user\n', 'the space’s home folder');
    await assertNothingLeaked();
  });
});
