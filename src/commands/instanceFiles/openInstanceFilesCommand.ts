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
    title: 'Open the files of which notebook instance?',
  });
}

export function folderName(instance: string): string {
  return `${instance} (SageMaker)`;
}

export async function openInstanceFiles(ctx: InstanceFilesContext, name: string): Promise<CommandOutcome> {
  const status = (await describeNotebookInstance(ctx.session.clients, name)).NotebookInstanceStatus ?? 'Unknown';
  if (status === 'Stopped' || status === 'Failed') {
    const start = await confirmModal(
      `${name} is ${status}. Start it to open its files?`,
      `Its files (${INSTANCE_HOME}) are reached through the instance's Jupyter server, which runs while the instance is InService. Starting takes a few minutes; billing for the instance starts.`,
      'Start',
    );
    if (!start) return { outcome: 'cancelled' };
    const started = await startNotebook(ctx, name);
    if (started.outcome !== 'done') return started;
  } else if (status !== 'InService') {
    return {
      outcome: 'refused',
      message: `${name} is ${status}; its files can be opened once it is InService.`,
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
    return { outcome: 'failed', message: `Could not open the files of ${name}: ${message}` };
  }
  const uri = instanceFilesUri(name);
  if (isWorkspaceFolder(uri)) {
    await vscode.commands.executeCommand('workbench.view.explorer');
    return { outcome: 'done', message: `${folderName(name)} is already in the workspace.` };
  }
  if (!(await addWorkspaceFolder(uri, folderName(name))))
    return { outcome: 'failed', message: `VS Code did not add ${folderName(name)} to the workspace.` };
  return {
    outcome: 'done',
    message: `Added ${name}'s files (${INSTANCE_HOME}) to the workspace as "${folderName(name)}".`,
  };
}
