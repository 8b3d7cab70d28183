// Notebook instances and their lifecycle configurations: start, stop, create, open, scripts as files,
// notebooks synced with the S3 location the lifecycle script pulls from.
import * as vscode from 'vscode';
import { RetryPlans } from '../../ui/retryPlans';
import { autoStopReader } from '../../views/notebookInstances/autoStopStatus';
import { LifecycleScriptFiles, LIFECYCLE_SCHEME } from '../../views/notebookInstances/lifecycleScriptFiles';
import type { Workbench } from '../workbench';
import { registerNotebookCommands, type NotebookCommandContext } from './notebookCommands';

export function activateNotebookInstances(wb: Workbench): void {
  const { session, views } = wb;
  const refreshNotebooks = () => views.providers.notebookInstances.refresh();
  const notebookContext: NotebookCommandContext = {
    session,
    logs: wb.logs,
    changed: refreshNotebooks,
    lastRole: wb.lastRole,
    rememberRole: wb.rememberRole,
    retryPlans: new RetryPlans(),
  };
  wb.context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(
      LIFECYCLE_SCHEME,
      // A saved script may add or remove an idle stop: its configuration's auto-stop verdict is read again.
      new LifecycleScriptFiles(session, (config) => {
        autoStopReader(session).forget(config);
        refreshNotebooks();
      }),
      { isCaseSensitive: true },
    ),
    ...registerNotebookCommands(wb, notebookContext),
  );
}
