// The notebook instances and Studio JupyterLab spaces of the account as kernels of any .ipynb editor: one
// NotebookController per host (kernelHosts.ts; instances listed with one ListNotebookInstances call and spaces
// with one ListSpaces and one ListApps per domain when a notebook is first opened, again when their views
// refresh), each notebook attached to a Jupyter session on the host (path = the notebook's file name, or its
// place among the host's files), cells run there (cellRun.ts). A stopped host is offered as "Start and
// connect…". A dropped connection is re-established by @jupyterlab/services itself (same kernel, backoff); we
// tell the user in the status bar, and when the host turns out to be no longer InService, the running cell
// ends with "instance stopped" (or "space stopped") and the controller offers Start again.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Kernel, KernelMessage } from '@jupyterlab/services';
import type { InstanceJupyter } from '../../aws/jupyter/instanceConnection';
import { DisplayRegistry } from '../../model/jupyter/cellOutputs';
import { connectedJupyters, type ConnectedJupyter } from '../../session/connectedJupyters';
import { KERNEL_DIED_MESSAGE } from '../../model/jupyter/executionState';
import { window } from '../../ui/window';
import type { Workbench } from '../workbench';
import { runCell, type RunningCell } from './cellRun';
import {
  INSTANCE_CONTROLLER_PREFIX,
  SPACE_CONTROLLER_PREFIX,
  listInstanceHosts,
  type KernelHost,
  type ListedHost,
} from './kernelHosts';
import { NOTEBOOK_TYPE } from './notebookType';
import { openNotebookSession } from './notebookSession';
import type { Session } from '@jupyterlab/services';

export const CONTROLLER_PREFIX = INSTANCE_CONTROLLER_PREFIX;
export { SPACE_CONTROLLER_PREFIX };
export const START_AND_CONNECT = vscode.l10n.t('Start and connect…');
export const INSTANCE_STOPPED = vscode.l10n.t('Instance stopped');
export const SPACE_STOPPED = vscode.l10n.t('Space stopped');

/** A notebook attached to a kernel session on an instance or a space. */
export interface NotebookKernel {
  readonly host: KernelHost;
  /** The host's name (the instance's, the space's), as messages say it. */
  readonly instanceName: string;
  readonly notebook: vscode.NotebookDocument;
  readonly session: Session.ISessionConnection;
  readonly kernelSpec: string;
  readonly displays: DisplayRegistry<vscode.NotebookCell>;
  running?: RunningCell;
  /** The kernel (re)started or the connection came back since it last answered: check it listens before a cell. */
  unconfirmed?: boolean;
}

interface HostEntry {
  host: KernelHost;
  controller: vscode.NotebookController;
  status: string;
}

type HostKind = KernelHost['kind'];

/**
 * Waits until a kernel that was just (re)started, or whose connection came back, answers kernel_info on its shell
 * channel and that request's status shows on its IOPub channel, as jupyter_server's own nudge does. An
 * execute_request sent to a restarted kernel before it listens can be lost; one sent before the new IOPub
 * subscription is up runs without its outputs or its idle, leaving the cell running forever. Gives up after a few
 * tries and sends anyway (the cell can still be interrupted); true when both came.
 */
async function kernelReady(kernel: Kernel.IKernelConnection): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    let timer: NodeJS.Timeout | undefined;
    let heard = (): void => undefined;
    const onIopub = new Promise<void>((resolve) => (heard = resolve));
    const listener = (_: unknown, message: KernelMessage.IIOPubMessage): void => {
      const parent = message.parent_header as Partial<KernelMessage.IHeader>;
      if (parent.msg_type === 'kernel_info_request') heard();
    };
    kernel.iopubMessage.connect(listener);
    const waited = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5_000)));
    const answered = await Promise.race([
      Promise.all([kernel.requestKernelInfo(), onIopub]).then(() => true),
      waited,
    ]).catch(() => false);
    clearTimeout(timer);
    kernel.iopubMessage.disconnect(listener);
    if (answered) return true;
  }
  return false;
}

export class InstanceKernels implements vscode.Disposable {
  /** By controller id. */
  private readonly controllers = new Map<string, HostEntry>();
  private readonly connections = new Map<string, Promise<InstanceJupyter>>();
  private readonly kernels = new Map<string, NotebookKernel>();
  private readonly attaching = new Map<string, Promise<NotebookKernel | undefined>>();
  /** The controller id each attach in progress connects to, by notebook. */
  private readonly attachingTo = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  /** Controller ids of the hosts whose connection dropped. */
  private readonly reconnecting = new Set<string>();
  /**
   * Who VS Code files our controllers under, when not this extension's id: a host that loads the extension's
   * modules from outside its folder files them under its fallback identity, and the tests say which.
   */
  static extensionId: string | undefined;
  /** Notebooks from a host's files whose host was selected for them once (the user's later choice stands). */
  private readonly autoSelected = new Set<string>();
  /** Selections under way that we made, not the user: they use the notebook's saved kernel without asking. */
  private readonly selectingOwn = new Set<string>();
  private listing: Promise<void> | undefined;
  private listed = false;
  /** Every text the status bar showed about connections, in order (the integration tests read it). */
  readonly statusShown: string[] = [];

  constructor(private readonly wb: Workbench) {
    this.disposables.push(
      this.statusItem,
      vscode.workspace.onDidOpenNotebookDocument((notebook) => {
        if (notebook.notebookType === NOTEBOOK_TYPE) void this.ensureListed().then(() => this.preferOwnHost(notebook));
      }),
      vscode.window.onDidChangeVisibleNotebookEditors((editors) => {
        for (const editor of editors) if (this.listed) this.preferOwnHost(editor.notebook);
      }),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => {
        this.autoSelected.delete(notebook.uri.toString());
        this.detach(notebook);
      }),
      wb.views.providers.notebookInstances.onDidChangeTreeData((element) => {
        if (!element && this.listed) void this.listKind('notebook-instance');
      }),
      // The Studio view refreshes as spaces start and stop; the picker follows while a notebook is on screen
      // (no Studio calls of ours otherwise).
      wb.views.providers.studio.onDidChangeTreeData((element) => {
        if (!element && this.listed && vscode.window.visibleNotebookEditors.length) void this.listKind('space');
      }),
      wb.session.onDidChange(() => this.forgetAll()),
      // Running Now reads the Jupyter activity of the hosts a notebook is connected to, through these connections.
      connectedJupyters(wb.session).add(() => this.openConnections()),
    );
  }

  private *openConnections(): Iterable<ConnectedJupyter> {
    for (const [id, connection] of this.connections) {
      if (id.startsWith(INSTANCE_CONTROLLER_PREFIX))
        yield { host: { kind: 'notebook-instance', name: id.slice(INSTANCE_CONTROLLER_PREFIX.length) }, connection };
      else if (id.startsWith(SPACE_CONTROLLER_PREFIX)) {
        const key = id.slice(SPACE_CONTROLLER_PREFIX.length);
        const at = key.indexOf('/');
        yield { host: { kind: 'studio-space', domainId: key.slice(0, at), name: key.slice(at + 1) }, connection };
      }
    }
  }

  /** The controller offering notebook instance `instanceName`, once listed. */
  controller(instanceName: string): vscode.NotebookController | undefined {
    return this.controllers.get(`${INSTANCE_CONTROLLER_PREFIX}${instanceName}`)?.controller;
  }

  /** The controller offering a Studio space, once listed. */
  spaceController(domainId: string, spaceName: string): vscode.NotebookController | undefined {
    return this.controllers.get(`${SPACE_CONTROLLER_PREFIX}${domainId}/${spaceName}`)?.controller;
  }

  /** The kernel `notebook` is attached to. */
  kernelOf(notebook: vscode.NotebookDocument): NotebookKernel | undefined {
    return this.kernels.get(notebook.uri.toString());
  }

  /** Lists the hosts once (later lists follow the views' refreshes). */
  ensureListed(): Promise<void> {
    if (this.listed) return this.listing ?? Promise.resolve();
    this.listed = true;
    return this.list();
  }

  /** Lists notebook instances and spaces again. */
  list(): Promise<void> {
    const run = Promise.all([this.listKind('notebook-instance'), this.listKind('space')]).then(() => undefined);
    this.listing = run;
    return run;
  }

  private async listKind(kind: HostKind): Promise<void> {
    try {
      const listed =
        kind === 'space'
          ? await (await import('./spaceKernelHosts.js')).listSpaceHosts(this.wb)
          : await listInstanceHosts(this.wb);
      this.update(kind, listed);
    } catch (error) {
      this.wb.log.warn(
        `Listing ${kind === 'space' ? 'Studio spaces' : 'notebook instances'} for the kernel picker failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private update(kind: HostKind, listed: readonly ListedHost[]): void {
    const ids = new Set<string>();
    for (const { host, status, description } of listed) {
      ids.add(host.controllerId);
      const entry = this.controllers.get(host.controllerId) ?? this.createController(host);
      this.describe(entry, status, description);
    }
    for (const notebook of vscode.workspace.notebookDocuments) this.preferOwnHost(notebook);
    for (const [id, entry] of this.controllers) {
      if (entry.host.kind !== kind || ids.has(id)) continue;
      this.hostGone(id);
      entry.controller.dispose();
      this.controllers.delete(id);
    }
  }

  /**
   * A notebook opened from a host's files runs on that host unless the user picked another kernel: preferred in
   * the picker, and selected for it once it shows (VS Code would otherwise ask on the first run).
   */
  private preferOwnHost(notebook: vscode.NotebookDocument): void {
    const entry = [...this.controllers.values()].find((e) => e.host.filePath(notebook.uri) !== undefined);
    if (!entry) return;
    entry.controller.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
    for (const editor of vscode.window.visibleNotebookEditors)
      if (editor.notebook === notebook) void this.selectOwnHost(editor, entry);
  }

  private async selectOwnHost(editor: vscode.NotebookEditor, entry: HostEntry): Promise<void> {
    const key = editor.notebook.uri.toString();
    if (this.autoSelected.has(key)) return;
    this.autoSelected.add(key);
    this.selectingOwn.add(key);
    try {
      const file = path.posix.basename(editor.notebook.uri.path);
      const selected = await vscode.commands.executeCommand<boolean>('notebook.selectKernel', {
        notebookEditor: editor,
        id: entry.controller.id,
        extension: InstanceKernels.extensionId ?? this.wb.context.extension.id,
        skipIfAlreadySelected: true,
      });
      this.wb.log.info(
        selected
          ? `${file} comes from ${entry.host.name}'s files: it runs there unless another kernel was chosen`
          : `${file} comes from ${entry.host.name}'s files, but VS Code did not select that kernel for it`,
      );
    } finally {
      this.selectingOwn.delete(key);
    }
  }

  private describe(entry: HostEntry, status: string, description?: string): void {
    entry.status = status;
    const name = entry.host.name;
    entry.controller.label = status === 'InService' ? name : `${name}: ${START_AND_CONNECT}`;
    entry.controller.description =
      description ?? [status, entry.controller.description?.split(' · ')[1]].filter(Boolean).join(' · ');
  }

  private createController(host: KernelHost): HostEntry {
    const id = host.controllerId;
    const controller = vscode.notebooks.createNotebookController(id, NOTEBOOK_TYPE, host.name);
    controller.detail = host.detail;
    controller.supportedLanguages = ['python'];
    controller.supportsExecutionOrder = true;
    controller.executeHandler = (cells, notebook) => this.execute(id, cells, notebook);
    controller.interruptHandler = (notebook) => this.interrupt(notebook);
    controller.onDidChangeSelectedNotebooks(({ notebook, selected }) => {
      // Connect (and ask for the kernel spec) when the user picked this host for a notebook they see; VS Code
      // also re-selects controllers for notebooks in the background (say after a region switch), and those connect
      // on their first run instead of asking out of the blue.
      if (!selected) {
        if (this.kernelOf(notebook)?.host.controllerId === id) this.detach(notebook);
      } else if (vscode.window.visibleNotebookEditors.some((e) => e.notebook === notebook)) {
        void this.attachTo(id, notebook, this.selectingOwn.has(notebook.uri.toString()));
      }
    });
    const entry: HostEntry = { host, controller, status: 'Unknown' };
    this.controllers.set(id, entry);
    return entry;
  }

  /** Attaches `notebook` to a kernel on the instance (asking which), starting the instance first if it is stopped. */
  attach(name: string, notebook: vscode.NotebookDocument, savedKernel = false): Promise<NotebookKernel | undefined> {
    return this.attachTo(`${INSTANCE_CONTROLLER_PREFIX}${name}`, notebook, savedKernel);
  }

  /** Attaches `notebook` to a kernel on the host of controller `id`, starting the host first if it is stopped. */
  attachTo(id: string, notebook: vscode.NotebookDocument, savedKernel = false): Promise<NotebookKernel | undefined> {
    const key = notebook.uri.toString();
    const existing = this.kernels.get(key);
    if (existing?.host.controllerId === id) return Promise.resolve(existing);
    const pending = this.attaching.get(key);
    if (pending) return pending;
    const name = this.controllers.get(id)?.host.name ?? id;
    const attached = this.connectNotebook(id, notebook, savedKernel)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.wb.log.error(`Connecting ${path.basename(notebook.uri.path)} to ${name} failed: ${message}`);
        void window.showErrorMessage(vscode.l10n.t('Could not connect to the kernel on {0}: {1}', name, message));
        return undefined;
      })
      .finally(() => {
        this.attaching.delete(key);
        this.attachingTo.delete(key);
        this.closeUnusedConnections(); // an attach that failed or was cancelled leaves no connection open
      });
    this.attaching.set(key, attached);
    this.attachingTo.set(key, id);
    return attached;
  }

  /** `savedKernel`: start the notebook's saved kernel spec without asking, when the host has it. */
  private async connectNotebook(
    id: string,
    notebook: vscode.NotebookDocument,
    savedKernel: boolean,
  ): Promise<NotebookKernel | undefined> {
    const entry = this.controllers.get(id);
    if (!entry) return undefined;
    const { host } = entry;
    this.detach(notebook);
    this.wb.log.info(`Connecting ${path.posix.basename(notebook.uri.path)} to a kernel on ${host.name}`);
    if (entry.status !== 'InService' && !(await this.startFirst(entry))) return undefined;
    const jupyter = await this.connection(entry);
    const opened = await openNotebookSession(jupyter, notebook, host, savedKernel);
    if (!opened) return undefined;
    const { session, notebookPath, kernelSpec, reattached } = opened;
    const kernel: NotebookKernel = {
      host,
      instanceName: host.name,
      notebook,
      session,
      kernelSpec,
      displays: new DisplayRegistry(),
    };
    session.connectionStatusChanged.connect((_, status) => {
      if (status !== 'connected') kernel.unconfirmed = true;
      this.connectionChanged(kernel, status);
    });
    session.statusChanged.connect((_, status) => {
      if (status === 'starting' || status === 'restarting' || status === 'autorestarting') kernel.unconfirmed = true;
      this.kernelStatus(kernel, status);
    });
    this.kernels.set(notebook.uri.toString(), kernel);
    this.wb.log.info(`${notebookPath} runs on ${host.name} (${kernelSpec}${reattached ? ', re-attached' : ''})`);
    return kernel;
  }

  /** Asks, then starts the host with its feature's own start (progress, cancellable). */
  private async startFirst(entry: HostEntry): Promise<boolean> {
    const { host } = entry;
    const name = host.name;
    if (entry.status !== 'Stopped' && entry.status !== 'Failed') {
      void window.showWarningMessage(
        vscode.l10n.t('{0} is {1}; connect again once it is InService.', name, entry.status),
      );
      return false;
    }
    const startAndConnect = vscode.l10n.t('Start and Connect');
    const choice = await window.showInformationMessage(
      vscode.l10n.t('Start {0} and connect?', name),
      {
        modal: true,
        detail:
          host.kind === 'space'
            ? vscode.l10n.t(
                'The Studio space is stopped. Starting its JupyterLab app takes a few minutes, and billing for its instance starts.',
              )
            : vscode.l10n.t(
                'The notebook instance is stopped. Starting it takes a few minutes, and billing for the instance starts.',
              ),
      },
      startAndConnect,
    );
    if (choice !== startAndConnect) return false;
    const started = await host.start();
    if (started.outcome !== 'done') {
      const show = started.outcome === 'failed' ? window.showErrorMessage : window.showWarningMessage;
      void show(started.message ?? vscode.l10n.t('{0} was not started.', name));
      return false;
    }
    this.describe(entry, 'InService');
    return true;
  }

  private connection(entry: HostEntry): Promise<InstanceJupyter> {
    const id = entry.host.controllerId;
    let connection = this.connections.get(id);
    if (!connection) {
      const name = entry.host.name;
      // The Jupyter client is loaded on first use, a chunk of its own (activation stays small).
      connection = entry.host.connect((level, message) =>
        // l10n-exempt: a log line for the Output channel, through log[level]
        level === 'debug' ? undefined : this.wb.log[level](`Jupyter on ${name}: ${message}`),
      );
      connection.catch(() => this.connections.delete(id));
      this.connections.set(id, connection);
    }
    return connection;
  }

  detach(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    const kernel = this.kernels.get(key);
    if (!kernel) return;
    this.kernels.delete(key);
    kernel.running?.abandon(
      vscode.l10n.t('Disconnected'),
      vscode.l10n.t('Another kernel was chosen for this notebook.'),
    );
    kernel.session.dispose();
    this.closeUnusedConnections();
  }

  /**
   * Closes the connection of every host no notebook is attached or attaching to (its kernels keep running there):
   * an open connection polls the host's sessions and keeps its sign-in fresh for nobody.
   */
  private closeUnusedConnections(): void {
    const inUse = new Set([...this.kernels.values()].map((k) => k.host.controllerId));
    for (const id of this.attachingTo.values()) inUse.add(id);
    let closed = false;
    for (const [id, connection] of [...this.connections]) {
      if (inUse.has(id)) continue;
      void connection.then(
        (c) => c.dispose(),
        () => undefined,
      );
      this.connections.delete(id);
      this.reconnecting.delete(id);
      closed = true;
    }
    if (closed) this.showStatus();
  }

  async execute(id: string, cells: readonly vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const entry = this.controllers.get(id);
    if (!entry) return;
    let kernel = this.kernelOf(notebook);
    if (kernel?.host.controllerId !== id) kernel = await this.attachTo(id, notebook);
    if (!kernel) return;
    for (const cell of cells) {
      if (cell.kind !== vscode.NotebookCellKind.Code) continue;
      const live = kernel.session.kernel;
      if (!live || this.kernelOf(notebook) !== kernel) return;
      if (kernel.unconfirmed || (live.status !== 'idle' && live.status !== 'busy')) {
        if (await kernelReady(live)) kernel.unconfirmed = false;
      }
      if (this.kernelOf(notebook) !== kernel) return;
      const end = await runCell(cell, {
        controller: entry.controller,
        kernel: live,
        displays: kernel.displays,
        instanceName: entry.host.name,
        running: (run) => ((kernel as NotebookKernel).running = run),
        log: this.wb.log,
      });
      if (!end || end.success !== true) return;
    }
  }

  async interrupt(notebook: vscode.NotebookDocument): Promise<void> {
    await this.kernelOf(notebook)?.session.kernel?.interrupt();
  }

  private connectionChanged(kernel: NotebookKernel, status: Kernel.ConnectionStatus): void {
    if (this.kernelOf(kernel.notebook) !== kernel) return;
    const id = kernel.host.controllerId;
    if (status === 'connected') {
      if (this.reconnecting.delete(id)) this.wb.log.info(`Reconnected to the kernel on ${kernel.host.name}`);
      this.showStatus();
      return;
    }
    if (this.reconnecting.has(id)) return;
    this.reconnecting.add(id);
    this.showStatus();
    void this.checkHost(kernel.host);
  }

  /** A lost connection: is the host still running? If not, its kernels are gone. */
  private async checkHost(host: KernelHost): Promise<void> {
    let status: string;
    try {
      status = await host.status();
    } catch {
      return; // the network is down too: the library keeps reconnecting
    }
    if (status === 'InService') return;
    const entry = this.controllers.get(host.controllerId);
    if (entry) this.describe(entry, status);
    this.hostGone(host.controllerId, status);
    void window.showWarningMessage(
      vscode.l10n.t(
        '{0} is {1}: its kernels stopped. Choose "{2}" in the kernel picker to run cells there again.',
        host.name,
        status,
        START_AND_CONNECT,
      ),
    );
  }

  private hostGone(id: string, status = vscode.l10n.t('gone')): void {
    for (const kernel of [...this.kernels.values()]) {
      if (kernel.host.controllerId !== id) continue;
      const { host } = kernel;
      kernel.running?.abandon(
        host.stoppedTitle,
        host.kind === 'space'
          ? vscode.l10n.t(
              "space stopped: {0} is {1}; the cell did not finish and the kernel's variables are lost.",
              host.name,
              status,
            )
          : vscode.l10n.t(
              "instance stopped: {0} is {1}; the cell did not finish and the kernel's variables are lost.",
              host.name,
              status,
            ),
      );
      this.kernels.delete(kernel.notebook.uri.toString());
      kernel.session.dispose();
    }
    void this.connections.get(id)?.then(
      (c) => c.dispose(),
      () => undefined,
    );
    this.connections.delete(id);
    this.reconnecting.delete(id);
    this.showStatus();
  }

  private kernelStatus(kernel: NotebookKernel, status: Kernel.Status): void {
    if (status !== 'dead' || this.kernelOf(kernel.notebook) !== kernel) return;
    const restartKernel = vscode.l10n.t('Restart Kernel');
    void window
      .showErrorMessage(
        vscode.l10n.t('The kernel on {0} died. {1}', kernel.host.name, KERNEL_DIED_MESSAGE),
        restartKernel,
      )
      .then((choice) => {
        if (choice === restartKernel)
          void this.restart(kernel).catch((error: unknown) => this.wb.log.error(`Restart failed: ${String(error)}`));
      });
  }

  /** Restarts the notebook's kernel on its host; a running cell ends first, saying why. */
  async restart(kernel: NotebookKernel): Promise<void> {
    kernel.running?.abandon(
      vscode.l10n.t('Kernel restarted'),
      vscode.l10n.t('The kernel was restarted before this cell finished.'),
    );
    kernel.displays.clear();
    const live = kernel.session.kernel;
    if (!live)
      throw new Error(
        vscode.l10n.t('{0} has no kernel on {1}.', path.posix.basename(kernel.notebook.uri.path), kernel.host.name),
      );
    await live.restart();
    this.wb.log.info(`Restarted the ${kernel.kernelSpec} kernel on ${kernel.host.name}`);
  }

  private showStatus(): void {
    const [id] = this.reconnecting;
    if (!id) {
      this.statusItem.hide();
      return;
    }
    const name = this.controllers.get(id)?.host.name ?? id.slice(id.indexOf(':') + 1);
    const reconnecting = vscode.l10n.t('Reconnecting to {0}…', name);
    this.statusItem.text = `$(sync~spin) ${reconnecting}`;
    this.statusItem.tooltip = vscode.l10n.t(
      'The connection to the kernel on {0} dropped; reconnecting to the same kernel.',
      name,
    );
    this.statusShown.push(reconnecting);
    this.statusItem.show();
  }

  private forgetAll(): void {
    for (const id of [...this.controllers.keys()]) this.hostGone(id);
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
