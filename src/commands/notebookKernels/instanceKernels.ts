// The notebook instances of the account as kernels of any .ipynb editor: one NotebookController per instance
// (listed with one ListNotebookInstances call when a notebook is first opened, again when the Notebook
// Instances view refreshes), each notebook attached to a Jupyter session on the instance (path = the
// notebook's file name), cells run there (cellRun.ts). A stopped instance is offered as "Start and connect…".
// A dropped connection is re-established by @jupyterlab/services itself (same kernel, backoff); we tell the
// user in the status bar, and when the instance turns out to be no longer InService, the running cell ends
// with "instance stopped" and the controller offers Start again.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Kernel, Session } from '@jupyterlab/services';
import type { NotebookInstanceSummary } from '@aws-sdk/client-sagemaker';
import type { InstanceJupyter } from '../../aws/jupyter/instanceConnection';
import { describeNotebookInstance, listNotebookInstancesPage } from '../../aws/sagemaker/notebookInstancesApi';
import { DisplayRegistry } from '../../model/jupyter/cellOutputs';
import { INSTANCE_FILES_SCHEME } from '../../views/instanceFiles/instanceFileSystem';
import { KERNEL_DIED_MESSAGE } from '../../model/jupyter/executionState';
import { DEFAULT_FILTER } from '../../model/viewFilter';
import { window } from '../../ui/window';
import { startNotebook } from '../notebooks/notebookInstanceCommands';
import type { Workbench } from '../workbench';
import { runCell, type RunningCell } from './cellRun';
import { openNotebookSession } from './notebookSession';

export const NOTEBOOK_TYPE = 'jupyter-notebook';
export const CONTROLLER_PREFIX = 'sagemaker-instance:';
export const START_AND_CONNECT = 'Start and connect…';
export const INSTANCE_STOPPED = 'Instance stopped';

/** A notebook attached to a kernel session on an instance. */
export interface NotebookKernel {
  readonly instanceName: string;
  readonly notebook: vscode.NotebookDocument;
  readonly session: Session.ISessionConnection;
  readonly kernelSpec: string;
  readonly displays: DisplayRegistry<vscode.NotebookCell>;
  running?: RunningCell;
}

interface InstanceEntry {
  controller: vscode.NotebookController;
  status: string;
}

export class InstanceKernels implements vscode.Disposable {
  private readonly controllers = new Map<string, InstanceEntry>();
  private readonly connections = new Map<string, Promise<InstanceJupyter>>();
  private readonly kernels = new Map<string, NotebookKernel>();
  private readonly attaching = new Map<string, Promise<NotebookKernel | undefined>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly reconnecting = new Set<string>();
  /**
   * Who VS Code files our controllers under, when not this extension's id: a host that loads the extension's
   * modules from outside its folder files them under its fallback identity, and the tests say which.
   */
  static extensionId: string | undefined;
  /** Notebooks from instance files whose instance was selected for them once (the user's later choice stands). */
  private readonly autoSelected = new Set<string>();
  /** Selections under way that we made, not the user: they use the notebook's saved kernel without asking. */
  private readonly selectingOwn = new Set<string>();
  private listing: Promise<void> | undefined;
  private listed = false;
  /** Every text the status bar showed about connections, in order (the integration tests read it). */
  readonly statusShown: string[] = [];

  constructor(private readonly wb: Workbench) {
    const provider = wb.views.providers.notebookInstances;
    this.disposables.push(
      this.statusItem,
      vscode.workspace.onDidOpenNotebookDocument((notebook) => {
        if (notebook.notebookType === NOTEBOOK_TYPE)
          void this.ensureListed().then(() => this.preferOwnInstance(notebook));
      }),
      vscode.window.onDidChangeVisibleNotebookEditors((editors) => {
        for (const editor of editors) if (this.listed) this.preferOwnInstance(editor.notebook);
      }),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => {
        this.autoSelected.delete(notebook.uri.toString());
        this.detach(notebook);
      }),
      provider.onDidChangeTreeData((element) => {
        if (!element && this.listed) void this.list();
      }),
      wb.session.onDidChange(() => this.forgetAll()),
    );
  }

  /** The controller offering `instanceName`, once listed. */
  controller(instanceName: string): vscode.NotebookController | undefined {
    return this.controllers.get(instanceName)?.controller;
  }

  /** The kernel `notebook` is attached to. */
  kernelOf(notebook: vscode.NotebookDocument): NotebookKernel | undefined {
    return this.kernels.get(notebook.uri.toString());
  }

  /** Lists the instances once (later lists follow the view's refreshes). */
  ensureListed(): Promise<void> {
    if (this.listed) return this.listing ?? Promise.resolve();
    this.listed = true;
    return this.list();
  }

  list(): Promise<void> {
    const run = (async () => {
      try {
        const page = await listNotebookInstancesPage(this.wb.session.clients, undefined, DEFAULT_FILTER, 100);
        this.update(page.items);
      } catch (error) {
        this.wb.log.warn(
          `Listing notebook instances for the kernel picker failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    })();
    this.listing = run;
    return run;
  }

  private update(summaries: readonly NotebookInstanceSummary[]): void {
    const names = new Set<string>();
    for (const summary of summaries) {
      const name = summary.NotebookInstanceName;
      if (!name) continue;
      names.add(name);
      const status = summary.NotebookInstanceStatus ?? 'Unknown';
      const entry = this.controllers.get(name) ?? this.createController(name);
      this.describe(entry, status, summary.InstanceType);
    }
    for (const notebook of vscode.workspace.notebookDocuments) this.preferOwnInstance(notebook);
    for (const [name, entry] of this.controllers) {
      if (names.has(name)) continue;
      this.instanceGone(name);
      entry.controller.dispose();
      this.controllers.delete(name);
    }
  }

  /**
   * A notebook opened from an instance's files runs on that instance unless the user picked another kernel:
   * preferred in the picker, and selected for it once it shows (VS Code would otherwise ask on the first run).
   */
  private preferOwnInstance(notebook: vscode.NotebookDocument): void {
    if (notebook.uri.scheme !== INSTANCE_FILES_SCHEME) return;
    // URI authorities are lower case; instance names are case-insensitive on SageMaker.
    const authority = notebook.uri.authority.toLowerCase();
    const entry = [...this.controllers].find(([name]) => name.toLowerCase() === authority)?.[1];
    if (!entry) return;
    entry.controller.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
    for (const editor of vscode.window.visibleNotebookEditors)
      if (editor.notebook === notebook) void this.selectOwnInstance(editor, entry.controller);
  }

  private async selectOwnInstance(editor: vscode.NotebookEditor, controller: vscode.NotebookController): Promise<void> {
    const key = editor.notebook.uri.toString();
    if (this.autoSelected.has(key)) return;
    this.autoSelected.add(key);
    this.selectingOwn.add(key);
    try {
      const file = path.posix.basename(editor.notebook.uri.path);
      const selected = await vscode.commands.executeCommand<boolean>('notebook.selectKernel', {
        notebookEditor: editor,
        id: controller.id,
        extension: InstanceKernels.extensionId ?? this.wb.context.extension.id,
        skipIfAlreadySelected: true,
      });
      this.wb.log.info(
        selected
          ? `${file} comes from ${controller.id.slice(CONTROLLER_PREFIX.length)}'s files: it runs there unless another kernel was chosen`
          : `${file} comes from ${controller.id.slice(CONTROLLER_PREFIX.length)}'s files, but VS Code did not select that kernel for it`,
      );
    } finally {
      this.selectingOwn.delete(key);
    }
  }

  private describe(entry: InstanceEntry, status: string, instanceType?: string): void {
    entry.status = status;
    const name = entry.controller.id.slice(CONTROLLER_PREFIX.length);
    entry.controller.label = status === 'InService' ? name : `${name}: ${START_AND_CONNECT}`;
    entry.controller.description = [status, instanceType].filter(Boolean).join(' · ');
  }

  private createController(name: string): InstanceEntry {
    const controller = vscode.notebooks.createNotebookController(`${CONTROLLER_PREFIX}${name}`, NOTEBOOK_TYPE, name);
    controller.detail = 'SageMaker notebook instance';
    controller.supportedLanguages = ['python'];
    controller.supportsExecutionOrder = true;
    controller.executeHandler = (cells, notebook) => this.execute(name, cells, notebook);
    controller.interruptHandler = (notebook) => this.interrupt(notebook);
    controller.onDidChangeSelectedNotebooks(({ notebook, selected }) => {
      // Connect (and ask for the kernel spec) when the user picked this instance for a notebook they see; VS Code
      // also re-selects controllers for notebooks in the background (say after a region switch), and those connect
      // on their first run instead of asking out of the blue.
      if (!selected) {
        if (this.kernelOf(notebook)?.instanceName === name) this.detach(notebook);
      } else if (vscode.window.visibleNotebookEditors.some((e) => e.notebook === notebook)) {
        void this.attach(name, notebook, this.selectingOwn.has(notebook.uri.toString()));
      }
    });
    const entry: InstanceEntry = { controller, status: 'Unknown' };
    this.controllers.set(name, entry);
    return entry;
  }

  /** Attaches `notebook` to a kernel on the instance (asking which), starting the instance first if it is stopped. */
  attach(name: string, notebook: vscode.NotebookDocument, savedKernel = false): Promise<NotebookKernel | undefined> {
    const key = notebook.uri.toString();
    const existing = this.kernels.get(key);
    if (existing?.instanceName === name) return Promise.resolve(existing);
    const pending = this.attaching.get(key);
    if (pending) return pending;
    const attached = this.connectNotebook(name, notebook, savedKernel)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.wb.log.error(`Connecting ${path.basename(notebook.uri.path)} to ${name} failed: ${message}`);
        void window.showErrorMessage(`Could not connect to the kernel on ${name}: ${message}`);
        return undefined;
      })
      .finally(() => this.attaching.delete(key));
    this.attaching.set(key, attached);
    return attached;
  }

  /** `savedKernel`: start the notebook's saved kernel spec without asking, when the instance has it. */
  private async connectNotebook(
    name: string,
    notebook: vscode.NotebookDocument,
    savedKernel: boolean,
  ): Promise<NotebookKernel | undefined> {
    this.detach(notebook);
    this.wb.log.info(`Connecting ${path.posix.basename(notebook.uri.path)} to a kernel on ${name}`);
    const entry = this.controllers.get(name);
    if (entry && entry.status !== 'InService' && !(await this.startFirst(name, entry))) return undefined;
    const jupyter = await this.connection(name);
    const opened = await openNotebookSession(jupyter, notebook, name, savedKernel);
    if (!opened) return undefined;
    const { session, notebookPath, kernelSpec, reattached } = opened;
    const kernel: NotebookKernel = {
      instanceName: name,
      notebook,
      session,
      kernelSpec,
      displays: new DisplayRegistry(),
    };
    session.connectionStatusChanged.connect((_, status) => this.connectionChanged(kernel, status));
    session.statusChanged.connect((_, status) => this.kernelStatus(kernel, status));
    this.kernels.set(notebook.uri.toString(), kernel);
    this.wb.log.info(`${notebookPath} runs on ${name} (${kernelSpec}${reattached ? ', re-attached' : ''})`);
    return kernel;
  }

  /** Asks, then starts the instance with the Notebook Instances feature's start (progress, cancellable). */
  private async startFirst(name: string, entry: InstanceEntry): Promise<boolean> {
    if (entry.status !== 'Stopped' && entry.status !== 'Failed') {
      void window.showWarningMessage(`${name} is ${entry.status}; connect again once it is InService.`);
      return false;
    }
    const choice = await window.showInformationMessage(
      `Start ${name} and connect?`,
      {
        modal: true,
        detail:
          'The notebook instance is stopped. Starting it takes a few minutes, and billing for the instance starts.',
      },
      'Start and Connect',
    );
    if (choice !== 'Start and Connect') return false;
    const started = await startNotebook(
      { session: this.wb.session, changed: () => this.wb.views.providers.notebookInstances.refresh() },
      name,
    );
    if (started.outcome !== 'done') {
      const show = started.outcome === 'failed' ? window.showErrorMessage : window.showWarningMessage;
      void show(started.message ?? `${name} was not started.`);
      return false;
    }
    this.describe(entry, 'InService');
    return true;
  }

  private connection(name: string): Promise<InstanceJupyter> {
    let connection = this.connections.get(name);
    if (!connection) {
      // The Jupyter client is loaded on first use, a chunk of its own (activation stays small).
      connection = import('../../aws/jupyter/instanceConnection.js').then(({ connectToInstance }) =>
        connectToInstance(this.wb.session.clients, name, {
          log: (level, message) =>
            level === 'debug' ? undefined : this.wb.log[level](`Jupyter on ${name}: ${message}`),
        }),
      );
      connection.catch(() => this.connections.delete(name));
      this.connections.set(name, connection);
    }
    return connection;
  }

  detach(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    const kernel = this.kernels.get(key);
    if (!kernel) return;
    this.kernels.delete(key);
    kernel.running?.abandon('Disconnected', 'Another kernel was chosen for this notebook.');
    kernel.session.dispose();
    // The last notebook on the instance let go: close its connection (its kernels keep running there).
    if (![...this.kernels.values()].some((k) => k.instanceName === kernel.instanceName) && !this.attaching.size) {
      void this.connections.get(kernel.instanceName)?.then(
        (c) => c.dispose(),
        () => undefined,
      );
      this.connections.delete(kernel.instanceName);
      this.reconnecting.delete(kernel.instanceName);
      this.showStatus();
    }
  }

  async execute(name: string, cells: readonly vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const entry = this.controllers.get(name);
    if (!entry) return;
    let kernel = this.kernelOf(notebook);
    if (kernel?.instanceName !== name) kernel = await this.attach(name, notebook);
    if (!kernel) return;
    for (const cell of cells) {
      if (cell.kind !== vscode.NotebookCellKind.Code) continue;
      const live = kernel.session.kernel;
      if (!live || this.kernelOf(notebook) !== kernel) return;
      const end = await runCell(cell, {
        controller: entry.controller,
        kernel: live,
        displays: kernel.displays,
        instanceName: name,
        running: (run) => ((kernel as NotebookKernel).running = run),
      });
      if (!end || end.success !== true) return;
    }
  }

  async interrupt(notebook: vscode.NotebookDocument): Promise<void> {
    await this.kernelOf(notebook)?.session.kernel?.interrupt();
  }

  private connectionChanged(kernel: NotebookKernel, status: Kernel.ConnectionStatus): void {
    if (this.kernelOf(kernel.notebook) !== kernel) return;
    const name = kernel.instanceName;
    if (status === 'connected') {
      if (this.reconnecting.delete(name)) this.wb.log.info(`Reconnected to the kernel on ${name}`);
      this.showStatus();
      return;
    }
    if (this.reconnecting.has(name)) return;
    this.reconnecting.add(name);
    this.showStatus();
    void this.checkInstance(name);
  }

  /** A lost connection: is the instance still there? If not, its kernels are gone. */
  private async checkInstance(name: string): Promise<void> {
    let status: string;
    try {
      status = (await describeNotebookInstance(this.wb.session.clients, name)).NotebookInstanceStatus ?? 'Unknown';
    } catch {
      return; // the network is down too: the library keeps reconnecting
    }
    if (status === 'InService') return;
    const entry = this.controllers.get(name);
    if (entry) this.describe(entry, status);
    this.instanceGone(name, status);
    void window.showWarningMessage(
      `${name} is ${status}: its kernels stopped. Choose "${START_AND_CONNECT}" in the kernel picker to run cells there again.`,
    );
  }

  private instanceGone(name: string, status = 'gone'): void {
    for (const kernel of [...this.kernels.values()]) {
      if (kernel.instanceName !== name) continue;
      kernel.running?.abandon(
        INSTANCE_STOPPED,
        `instance stopped: ${name} is ${status}; the cell did not finish and the kernel's variables are lost.`,
      );
      this.kernels.delete(kernel.notebook.uri.toString());
      kernel.session.dispose();
    }
    void this.connections.get(name)?.then(
      (c) => c.dispose(),
      () => undefined,
    );
    this.connections.delete(name);
    this.reconnecting.delete(name);
    this.showStatus();
  }

  private kernelStatus(kernel: NotebookKernel, status: Kernel.Status): void {
    if (status !== 'dead' || this.kernelOf(kernel.notebook) !== kernel) return;
    void window
      .showErrorMessage(`The kernel on ${kernel.instanceName} died. ${KERNEL_DIED_MESSAGE}`, 'Restart Kernel')
      .then((choice) => {
        if (choice === 'Restart Kernel')
          void this.restart(kernel).catch((error: unknown) => this.wb.log.error(`Restart failed: ${String(error)}`));
      });
  }

  /** Restarts the notebook's kernel on the instance; a running cell ends first, saying why. */
  async restart(kernel: NotebookKernel): Promise<void> {
    kernel.running?.abandon('Kernel restarted', 'The kernel was restarted before this cell finished.');
    kernel.displays.clear();
    const live = kernel.session.kernel;
    if (!live)
      throw new Error(`${path.posix.basename(kernel.notebook.uri.path)} has no kernel on ${kernel.instanceName}.`);
    await live.restart();
    this.wb.log.info(`Restarted the ${kernel.kernelSpec} kernel on ${kernel.instanceName}`);
  }

  private showStatus(): void {
    const [name] = this.reconnecting;
    if (!name) {
      this.statusItem.hide();
      return;
    }
    this.statusItem.text = `$(sync~spin) Reconnecting to ${name}…`;
    this.statusItem.tooltip = `The connection to the kernel on ${name} dropped; reconnecting to the same kernel.`;
    this.statusShown.push(`Reconnecting to ${name}…`);
    this.statusItem.show();
  }

  private forgetAll(): void {
    for (const name of [...this.controllers.keys()]) this.instanceGone(name);
    for (const entry of this.controllers.values()) entry.controller.dispose();
    this.controllers.clear();
    if (this.listed) void this.list();
  }

  dispose(): void {
    for (const notebook of vscode.workspace.notebookDocuments) this.detach(notebook);
    for (const connection of this.connections.values())
      void connection.then(
        (c) => c.dispose(),
        () => undefined,
      );
    for (const entry of this.controllers.values()) entry.controller.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
