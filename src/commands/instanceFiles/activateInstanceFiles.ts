// Instance Files (issue 20): a notebook instance's files as a workspace folder, sagemaker-notebook://<instance>/,
// over the instance's Jupyter contents API, and the command that adds it.
import * as vscode from 'vscode';
import { registerCommand, type CommandOutcome } from '../../ui/commands';
import { instanceConnections } from '../../ui/instanceConnections';
import { INSTANCE_FILES_SCHEME, InstanceFileSystem } from '../../views/instanceFiles/instanceFileSystem';
import type { Workbench } from '../workbench';
import { instanceOf, openInstanceFiles, type InstanceFilesContext } from './openInstanceFilesCommand';

export function activateInstanceFiles(wb: Workbench): void {
  const connections = instanceConnections(wb);
  const ctx: InstanceFilesContext = {
    session: wb.session,
    connections,
    changed: () => wb.views.providers.notebookInstances.refresh(),
  };
  wb.context.subscriptions.push(
    connections,
    vscode.workspace.registerFileSystemProvider(
      INSTANCE_FILES_SCHEME,
      new InstanceFileSystem(connections, wb.session),
      {
        isCaseSensitive: true,
      },
    ),
    registerCommand(
      wb,
      'sagemakerWorkbench.openInstanceFiles',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = await instanceOf(wb.session, target);
        return name ? openInstanceFiles(ctx, name) : { outcome: 'cancelled' };
      },
      { operation: 'CreatePresignedNotebookInstanceUrl' },
    ),
  );
}
