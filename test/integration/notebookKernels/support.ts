// What the kernel tests share: notebooks opened in the editor, the instance picked in the kernel picker as a user
// picks it, cells run through VS Code's own commands, what the cells show, and what the instance's Jupyter saw.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadNotebookKernels, notebookKernels } from '../../../src/commands/notebookKernels/activateNotebookKernels';
import {
  CONTROLLER_PREFIX,
  InstanceKernels,
  SPACE_CONTROLLER_PREFIX,
  type NotebookKernel,
} from '../../../src/commands/notebookKernels/instanceKernels';
import { instanceConnections } from '../../../src/ui/instanceConnections';
import { pace } from '../../../src/ui/pace';
import { spaceConnections } from '../../../src/ui/spaceConnections';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { emulatorUrl, resetEmulator } from '../support/emulatorControl';
import type { TestWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';

export const FRAUD = 'FraudDetectionNotebookInstance';
export const LAB = 'ml-pipeline-lab-notebook';
const STDOUT = 'application/vnd.code.notebook.stdout';
const ERROR = 'application/vnd.code.notebook.error';
export type Outcome = { outcome: string; message?: string };
/**
 * The extension VS Code files the controllers under. In this host the suite and the extension share the compiled
 * modules under out/, outside the installed extension's folder, so VS Code cannot tell which extension created
 * them and registers them under its fallback identity (its log names the kernels `nullExtensionDescription/…`);
 * installed, they are `sagemaker-workbench.sagemaker-workbench/…`, which the toolbar's `when` clauses name.
 */
const CONTROLLER_EXTENSION = 'nullExtensionDescription';

export interface NotebookRequest {
  instance: string;
  method: string;
  path: string;
  websocket: boolean;
  status: number;
  session: string;
}

export async function notebookRequests(method = 'GET'): Promise<NotebookRequest[]> {
  const response = await fetch(`${emulatorUrl()}/_emulator/notebook-requests`, { method });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as NotebookRequest[] | { requests: NotebookRequest[] }) : [];
  return Array.isArray(body) ? body : body.requests;
}

let counter = 0;
const folder = path.join(os.tmpdir(), `smw-kernels-${process.pid}`);

/** Writes an .ipynb of these code cells at `uri`, with a saved kernel spec when given. */
export async function writeNotebook(
  uri: vscode.Uri,
  cells: string[],
  kernelspec?: { name: string; display_name: string },
): Promise<void> {
  const notebook = {
    cells: cells.map((source) => ({ cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null })),
    metadata: kernelspec
      ? { kernelspec: { ...kernelspec, language: 'python' } }
      : { language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(notebook)));
}

/** Opens the notebook at `uri` in the notebook editor, once the kernel picker lists the hosts. */
export async function showNotebook(uri: vscode.Uri): Promise<vscode.NotebookDocument> {
  const document = await vscode.workspace.openNotebookDocument(uri);
  await vscode.window.showNotebookDocument(document);
  await (await loadNotebookKernels()).ensureListed();
  return document;
}

/** A new .ipynb with these code cells, opened in the notebook editor. */
export async function openNotebook(cells: string[]): Promise<vscode.NotebookDocument> {
  counter += 1;
  const uri = vscode.Uri.file(path.join(folder, `kernels-${counter}-${Date.now()}.ipynb`));
  await writeNotebook(uri, cells);
  return showNotebook(uri);
}

/** Picks controller `id` in the kernel picker as a user does, answers the kernel-spec pick, waits for the session. */
async function selectHost(
  ui: TestWindow,
  document: vscode.NotebookDocument,
  id: string,
  name: string,
  spec: string,
): Promise<NotebookKernel> {
  ui.onQuickPick(`Kernel on ${name}`, (p) => p.pick(spec));
  const notebookEditor = await vscode.window.showNotebookDocument(document);
  const selected = await vscode.commands.executeCommand('notebook.selectKernel', {
    notebookEditor,
    id,
    extension: CONTROLLER_EXTENSION,
  });
  assert.strictEqual(selected, true, `the kernel picker selected ${name}`);
  return until(`${document.uri.path} attached to ${name}`, () => notebookKernels().kernelOf(document), 120_000);
}

/** Picks a notebook instance in the kernel picker. */
export function selectInstance(
  ui: TestWindow,
  document: vscode.NotebookDocument,
  instance: string,
  spec = 'conda_python3',
): Promise<NotebookKernel> {
  return selectHost(ui, document, `${CONTROLLER_PREFIX}${instance}`, instance, spec);
}

/** Picks a Studio space (`<domainId>/<spaceName>`) in the kernel picker. */
export function selectSpace(
  ui: TestWindow,
  document: vscode.NotebookDocument,
  space: string,
  spec = 'conda_python3',
): Promise<NotebookKernel> {
  return selectHost(ui, document, `${SPACE_CONTROLLER_PREFIX}${space}`, space.slice(space.indexOf('/') + 1), spec);
}

/** Starts running cell `index` and waits until the kernel took it; `ended` settles when the run ends. */
export async function startCell(
  document: vscode.NotebookDocument,
  index: number,
): Promise<{ ended: Thenable<unknown> }> {
  // Wrapped: an async function returning the run itself would wait for it to end.
  const ended = vscode.commands.executeCommand('notebook.cell.execute', {
    ranges: [{ start: index, end: index + 1 }],
    document: document.uri,
  });
  await until('the cell runs', () => document.cellAt(index).executionSummary?.executionOrder);
  return { ended };
}

/** Runs cells [start, end) with VS Code's Run Cell and waits until they ended. */
export async function runCells(document: vscode.NotebookDocument, start: number, end = start + 1): Promise<void> {
  // Not awaited first: a run that never ends then fails here, naming the cells, instead of at the test's timeout.
  const ran = vscode.commands.executeCommand('notebook.cell.execute', {
    ranges: [{ start, end }],
    document: document.uri,
  });
  await until(
    'the cells ended',
    () =>
      document
        .getCells()
        .slice(start, end)
        .every((c) => c.executionSummary?.timing?.endTime) || undefined,
    60_000,
  );
  await ran;
}

export const decode = (data: Uint8Array) => Buffer.from(data).toString('utf8');
export function stdout(cell: vscode.NotebookCell): string {
  return cell.outputs
    .flatMap((o) => o.items)
    .filter((i) => i.mime === STDOUT)
    .map((i) => decode(i.data))
    .join('');
}
export function errors(cell: vscode.NotebookCell): Array<{ name: string; message: string }> {
  return cell.outputs
    .flatMap((o) => o.items)
    .filter((i) => i.mime === ERROR)
    .map((i) => JSON.parse(decode(i.data)) as { name: string; message: string });
}
export function mimes(cell: vscode.NotebookCell): string[][] {
  return cell.outputs.map((o) => o.items.map((i) => i.mime));
}

export async function instanceNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.notebookInstances;
  provider.refresh();
  return childNamed(provider as unknown as { getChildren(): Promise<ExplorerNode[]> }, name);
}

/**
 * The hooks of a kernel suite: short follow delays, a clean request record per test, every notebook let go and
 * closed after each, the emulator reset after the suite. Returns `assertNothingLeaked`: every Jupyter request
 * carried the session cookie, and no token, cookie or URL reached the log.
 */
export function useKernelSuite(): { assertNothingLeaked(): Promise<void> } {
  let followSeconds: number;
  let logged: string[] = [];
  let logSub: vscode.Disposable | undefined;
  before(async () => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
    InstanceKernels.extensionId = CONTROLLER_EXTENSION;
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(folder));
  });
  after(async () => {
    pace.followSeconds = followSeconds;
    InstanceKernels.extensionId = undefined;
    await resetEmulator();
    (await host()).views.providers.notebookInstances.refresh();
    await vscode.workspace.fs.delete(vscode.Uri.file(folder), { recursive: true });
  });
  beforeEach(async () => {
    const wb = await host();
    logged = [];
    logSub = wb.log.onDidLog((e) => logged.push(e.message));
    await notebookRequests('DELETE');
    await (await loadNotebookKernels()).list();
  });
  afterEach(async () => {
    const wbHost = await host();
    logSub?.dispose();
    // Let go of the kernels before the reset stops their servers (as closing the notebooks does, but at once).
    for (const notebook of vscode.workspace.notebookDocuments) notebookKernels().detach(notebook);
    for (const editor of vscode.window.visibleNotebookEditors) {
      await vscode.window.showNotebookDocument(editor.notebook);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Instance Files and Space Files keep their own signed-in connections while their folder is open.
    instanceConnections(wbHost).closeAll();
    spaceConnections(wbHost).closeAll();
  });
  return {
    async assertNothingLeaked() {
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
    },
  };
}
