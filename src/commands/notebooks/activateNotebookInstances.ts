// Notebook instances and their lifecycle configurations: start, stop, create, open, scripts as files,
// notebooks synced with the S3 location the lifecycle script pulls from.
import * as vscode from 'vscode';
import { pace } from '../../ui/pace';
import { RetryPlans } from '../../ui/retryPlans';
import { LifecycleScriptFiles, LIFECYCLE_SCHEME } from '../../views/notebookInstances/lifecycleScriptFiles';
import type { Workbench } from '../workbench';
import { createNotebook, type CreateNotebookPrompts } from './createNotebookInstanceCommand';
import { registerNotebookCommands, type NotebookCommandContext } from './notebookCommands';
import { startNotebook } from './notebookInstanceCommands';

/**
 * @deprecated What the fault and lost-response suites still call (start, create with a scripted plan, and the
 * follow delay they shorten, now `pace.followSeconds`); it goes once they run the commands.
 */
export interface NotebookInstancesApi {
  notebooks: {
    context: { pollSeconds: number };
    start(name: string): ReturnType<typeof startNotebook>;
    create(prompts: CreateNotebookPrompts): ReturnType<typeof createNotebook>;
  };
}

export function activateNotebookInstances(wb: Workbench): NotebookInstancesApi {
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
    vscode.workspace.registerFileSystemProvider(LIFECYCLE_SCHEME, new LifecycleScriptFiles(session, refreshNotebooks), { isCaseSensitive: true }),
    ...registerNotebookCommands(wb, notebookContext),
  );
  return {
    notebooks: {
      context: {
        get pollSeconds() {
          return pace.followSeconds;
        },
        set pollSeconds(seconds: number) {
          pace.followSeconds = seconds;
        },
      },
      start: (name) => startNotebook(notebookContext, name),
      create: (prompts) => createNotebook(notebookContext, prompts),
    },
  };
}
