// Instance Files (issue 20): a notebook instance's files as a workspace folder, sagemaker-notebook://<instance>/,
// over the instance's Jupyter contents API, and the command that adds it; Space Files the same for a Studio
// JupyterLab space's home folder, sagemaker-space://<domainId>/<spaceName>/.
import * as vscode from 'vscode';
import { registerCommand, type CommandOutcome } from '../../ui/commands';
import { instanceConnections } from '../../ui/instanceConnections';
import { spaceConnections } from '../../ui/spaceConnections';
import { INSTANCE_FILES_SCHEME, SPACE_FILES_SCHEME } from '../../views/fileSchemes';
import { LazyFileSystem } from '../../views/lazyFileSystem';
import type { Workbench } from '../workbench';
import type { InstanceFilesContext } from './openInstanceFilesCommand';

export function activateInstanceFiles(wb: Workbench): void {
  const connections = instanceConnections(wb);
  const ctx: InstanceFilesContext = {
    session: wb.session,
    connections,
    changed: () => wb.views.providers.notebookInstances.refresh(),
  };
  const spaces = spaceConnections(wb);
  const spaceCtx = { session: wb.session, connections: spaces, changed: () => wb.views.providers.studio.refresh() };
  // The file systems' code loads when VS Code first reads one of their files.
  const instanceFiles = new LazyFileSystem(
    async () =>
      new (await import('../../views/instanceFiles/instanceFileSystem.js')).InstanceFileSystem(connections, wb.session),
  );
  const spaceFiles = new LazyFileSystem(
    async () => new (await import('../../views/spaceFiles/spaceFileSystem.js')).SpaceFileSystem(spaces, wb.session),
  );
  wb.context.subscriptions.push(
    connections,
    spaces,
    instanceFiles,
    spaceFiles,
    vscode.workspace.registerFileSystemProvider(SPACE_FILES_SCHEME, spaceFiles, { isCaseSensitive: true }),
    registerCommand(
      wb,
      'sagemakerWorkbench.openSpaceFiles',
      async (target: unknown): Promise<CommandOutcome> => {
        // Loaded on first use, as the Studio commands are.
        const { openSpaceFiles, spaceOf } = await import('./openSpaceFilesCommand.js');
        const space = await spaceOf(wb.session, target);
        return space ? openSpaceFiles(spaceCtx, space) : { outcome: 'cancelled' };
      },
      { operation: 'CreatePresignedDomainUrl' },
    ),
    vscode.workspace.registerFileSystemProvider(INSTANCE_FILES_SCHEME, instanceFiles, { isCaseSensitive: true }),
    registerCommand(
      wb,
      'sagemakerWorkbench.openInstanceFiles',
      async (target: unknown): Promise<CommandOutcome> => {
        // Loaded on first use.
        const { instanceOf, openInstanceFiles } = await import('./openInstanceFilesCommand.js');
        const name = await instanceOf(wb.session, target);
        return name ? openInstanceFiles(ctx, name) : { outcome: 'cancelled' };
      },
      { operation: 'CreatePresignedNotebookInstanceUrl' },
    ),
  );
}
