// What a notebook's kernel can run on: a notebook instance or a Studio JupyterLab space. InstanceKernels
// offers each as a controller, attaches, runs and recovers the same way for both; what differs is here: how
// they are listed (ListNotebookInstances; per domain one ListSpaces and one ListApps, no per-space describe),
// started (each feature's own start, followed to InService), checked after a lost connection (DescribeNotebook-
// Instance, DescribeApp), signed in to (the presigned URL of each), and which files are theirs. The spaces'
// side is spaceKernelHosts.ts, loaded when a notebook first lists its kernels.
import * as vscode from 'vscode';
import type { InstanceJupyter, JupyterLog } from '../../aws/jupyter/instanceConnection';
import { describeNotebookInstance, listNotebookInstancesPage } from '../../aws/sagemaker/notebookInstancesApi';
import { DEFAULT_FILTER } from '../../model/viewFilter';
import type { CommandOutcome } from '../../ui/commands';
import { INSTANCE_FILES_SCHEME } from '../../views/instanceFiles/instanceFileSystem';
import { startNotebook } from '../notebooks/notebookInstanceCommands';
import type { Workbench } from '../workbench';

export const INSTANCE_CONTROLLER_PREFIX = 'sagemaker-instance:';
export const SPACE_CONTROLLER_PREFIX = 'sagemaker-space:';

export interface KernelHost {
  /** The controller's id: `sagemaker-instance:<name>` or `sagemaker-space:<domainId>/<spaceName>`. */
  readonly controllerId: string;
  /** What the user reads: the instance's or the space's name. */
  readonly name: string;
  /** Which list the host comes from (and is listed again with). */
  readonly kind: 'notebook-instance' | 'space';
  /** The controller's detail line. */
  readonly detail: string;
  /** The title of the error a running cell ends with when the host stops under it. */
  readonly stoppedTitle: string;
  /** Where the notebook is among the host's files when it was opened from them (its session path). */
  filePath(uri: vscode.Uri): string | undefined;
  /** Signs in to the host's Jupyter server (loads the Jupyter client on first use). */
  connect(log: JupyterLog): Promise<InstanceJupyter>;
  /** The host's state now: `InService` when its Jupyter runs. */
  status(): Promise<string>;
  /** Starts it with its feature's own start (progress, cancellable), followed to InService. */
  start(): Promise<CommandOutcome>;
}

/** A host as the list found it. */
export interface ListedHost {
  host: KernelHost;
  /** InService, Stopped, Pending, Failed…: InService connects, Stopped and Failed start first. */
  status: string;
  /** The controller's description, e.g. `InService · ml.t3.medium`. */
  description: string;
}

function instanceHost(wb: Workbench, name: string): KernelHost {
  return {
    controllerId: `${INSTANCE_CONTROLLER_PREFIX}${name}`,
    name,
    kind: 'notebook-instance',
    detail: vscode.l10n.t('SageMaker notebook instance'),
    stoppedTitle: vscode.l10n.t('Instance stopped'),
    // URI authorities are lower case; instance names are case-insensitive on SageMaker.
    filePath: (uri) =>
      uri.scheme === INSTANCE_FILES_SCHEME && uri.authority === name.toLowerCase()
        ? uri.path.replace(/^\/+/, '')
        : undefined,
    connect: async (log) =>
      (await import('../../aws/jupyter/instanceConnection.js')).connectToInstance(wb.session.clients, name, { log }),
    status: async () => (await describeNotebookInstance(wb.session.clients, name)).NotebookInstanceStatus ?? 'Unknown',
    start: () =>
      startNotebook({ session: wb.session, changed: () => wb.views.providers.notebookInstances.refresh() }, name),
  };
}

/** The notebook instances of the account and region: one ListNotebookInstances call. */
export async function listInstanceHosts(wb: Workbench): Promise<ListedHost[]> {
  const page = await listNotebookInstancesPage(wb.session.clients, undefined, DEFAULT_FILTER, 100);
  return page.items
    .filter((s) => s.NotebookInstanceName)
    .map((s) => {
      const status = s.NotebookInstanceStatus ?? 'Unknown';
      return {
        host: instanceHost(wb, s.NotebookInstanceName ?? ''),
        status,
        description: [status, s.InstanceType].filter(Boolean).join(' · '),
      };
    });
}
