// Notebook instances and their lifecycle configurations: start, stop, create, open, scripts as files,
// notebooks synced with the S3 location the lifecycle script pulls from. The commands load on first use; the
// lifecycle scripts' file system is there from activation, so a script left open survives a window reload.
import * as vscode from 'vscode';
import { registerLazyCommands } from '../../ui/commands';
import { RetryPlans } from '../../ui/retryPlans';
import { LIFECYCLE_SCHEME } from '../../views/fileSchemes';
import { LazyFileSystem } from '../../views/lazyFileSystem';
import { autoStopReader } from '../../views/notebookInstances/autoStopStatus';
import type { Workbench } from '../workbench';

const NOTEBOOK_COMMANDS = [
  'sagemakerWorkbench.startNotebookInstance',
  'sagemakerWorkbench.stopNotebookInstance',
  'sagemakerWorkbench.addAutoStop',
  'sagemakerWorkbench.deleteNotebookInstance',
  'sagemakerWorkbench.openJupyterLab',
  'sagemakerWorkbench.openJupyter',
  'sagemakerWorkbench.createNotebookInstance',
  'sagemakerWorkbench.openLifecycleLogs',
  'sagemakerWorkbench.createLifecycleConfig',
  'sagemakerWorkbench.deleteLifecycleConfig',
  'sagemakerWorkbench.editLifecycleScript',
  'sagemakerWorkbench.diffLifecycleScript',
  'sagemakerWorkbench.publishNotebook',
  'sagemakerWorkbench.fetchNotebook',
];

export function activateNotebookInstances(wb: Workbench): void {
  const { session, views } = wb;
  const refreshNotebooks = () => views.providers.notebookInstances.refresh();
  const lifecycleScripts = new LazyFileSystem(async () => {
    const { LifecycleScriptFiles } = await import('../../views/notebookInstances/lifecycleScriptFiles.js');
    // A saved script may add or remove an idle stop: its configuration's auto-stop verdict is read again.
    return new LifecycleScriptFiles(session, (config) => {
      autoStopReader(session).forget(config);
      refreshNotebooks();
    });
  });
  wb.context.subscriptions.push(
    lifecycleScripts,
    vscode.workspace.registerFileSystemProvider(LIFECYCLE_SCHEME, lifecycleScripts, { isCaseSensitive: true }),
    registerLazyCommands(wb, vscode.l10n.t('notebook instances'), NOTEBOOK_COMMANDS, async (host) => {
      const { registerNotebookCommands } = await import(/* webpackChunkName: "notebooks" */ './notebookCommands.js');
      return registerNotebookCommands(host, {
        session,
        logs: host.logs,
        changed: refreshNotebooks,
        lastRole: host.lastRole,
        rememberRole: host.rememberRole,
        retryPlans: new RetryPlans(),
      });
    }),
  );
}
