// Open Instance Files: a notebook instance's /home/ec2-user/SageMaker as a workspace folder
// (sagemaker-notebook://<instance>/). An InService instance is signed in to first, so a refused sign-in is
// said here rather than as a broken folder; a Stopped (or Failed) one is offered a start first, with the
// notebooks feature's own start (progress, lifecycle log on failure).
import * as vscode from 'vscode';
import { describeNotebookInstance, notebookInstanceNames } from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsSession } from '../../session/awsSession';
import type { CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import type { InstanceConnections } from '../../ui/instanceConnections';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import { INSTANCE_HOME, instanceFilesUri } from '../../views/instanceFiles/instanceFileSystem';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { startNotebook } from '../notebooks/notebookInstanceCommands';
import { addWorkspaceFolder, isWorkspaceFolder } from './workspaceFolders';

export interface InstanceFilesContext {
  session: AwsSession;
  connections: InstanceConnections;
  /** The Notebook Instances view should read again (after a start). */
  changed(): void;
}

/** The instance a menu passed (its tree node) or a caller named; else asks. */
export async function instanceOf(session: AwsSession, target: unknown): Promise<string | undefined> {
  if (typeof target === 'string') return target;
  const resource = (target as ExplorerNode | undefined)?.resource;
  if (resource?.kind === 'notebook-instance') return resource.name;
  return window.showQuickPick(await notebookInstanceNames(session.clients), {
    title: vscode.l10n.t('Open the files of which notebook instance?'),
  });
}

export function folderName(instance: string): string {
  return vscode.l10n.t('{0} (SageMaker)', instance);
}

export async function openInstanceFiles(ctx: InstanceFilesContext, name: string): Promise<CommandOutcome> {
  const status = (await describeNotebookInstance(ctx.session.clients, name)).NotebookInstanceStatus ?? 'Unknown';
  if (status === 'Stopped' || status === 'Failed') {
    const start = await confirmModal(
      vscode.l10n.t('{0} is {1}. Start it to open its files?', name, status),
      vscode.l10n.t(
        "Its files ({0}) are reached through the instance's Jupyter server, which runs while the instance is InService. Starting takes a few minutes; billing for the instance starts.",
        INSTANCE_HOME,
      ),
      vscode.l10n.t('Start'),
    );
    if (!start) return { outcome: 'cancelled' };
    const started = await startNotebook(ctx, name);
    if (started.outcome !== 'done') return started;
  } else if (status !== 'InService') {
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} is {1}; its files can be opened once it is InService.', name, status),
    };
  }
  try {
    const connection = await ctx.connections.get(name);
    await connection.contents.get('', { content: false });
  } catch (error) {
    ctx.connections.close(name);
    const message =
      error instanceof Error && error.name === 'JupyterAuthError'
        ? error.message
        : toUserError(error, ctx.session, 'sagemaker', 'CreatePresignedNotebookInstanceUrl').message;
    return { outcome: 'failed', message: vscode.l10n.t('Could not open the files of {0}: {1}', name, message) };
  }
  const uri = instanceFilesUri(name);
  if (isWorkspaceFolder(uri)) {
    await vscode.commands.executeCommand('workbench.view.explorer');
    return { outcome: 'done', message: vscode.l10n.t('{0} is already in the workspace.', folderName(name)) };
  }
  if (!(await addWorkspaceFolder(uri, folderName(name))))
    return {
      outcome: 'failed',
      message: vscode.l10n.t('VS Code did not add {0} to the workspace.', folderName(name)),
    };
  return {
    outcome: 'done',
    message: vscode.l10n.t(
      'Added {0}\'s files ({1}) to the workspace as "{2}".',
      name,
      INSTANCE_HOME,
      folderName(name),
    ),
  };
}
