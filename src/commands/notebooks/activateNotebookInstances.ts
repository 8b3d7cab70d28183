// Notebook instances and their lifecycle configurations: start, stop, create, open, scripts as files,
// notebooks synced with the S3 location the lifecycle script pulls from.
import * as vscode from 'vscode';
import { RetryPlans } from '../../ui/retryPlans';
import { LifecycleScriptFiles, LIFECYCLE_SCHEME } from '../../views/notebookInstances/lifecycleScriptFiles';
import type { Workbench } from '../workbench';
import { createNotebook, type CreateNotebookPrompts } from './createNotebookInstanceCommand';
import { createLifecycleConfigFromTemplate, deleteLifecycleConfigChecked, type LifecycleConfigPrompts } from './lifecycleConfigCommands';
import { registerNotebookCommands, type NotebookCommandContext } from './notebookCommands';
import { deleteNotebook, openNotebook, startNotebook, stopNotebook, type NotebookPrompts } from './notebookInstanceCommands';
import { fetchNotebook, publishNotebook, syncLocation, type SyncPrompts } from './notebookSyncCommands';

export interface NotebookInstancesApi {
  notebooks: {
    context: NotebookCommandContext;
    start(name: string): ReturnType<typeof startNotebook>;
    stop(name: string, prompts: NotebookPrompts): ReturnType<typeof stopNotebook>;
    delete(name: string, prompts: NotebookPrompts): ReturnType<typeof deleteNotebook>;
    open(name: string, view: 'lab' | 'classic'): ReturnType<typeof openNotebook>;
    create(prompts: CreateNotebookPrompts): ReturnType<typeof createNotebook>;
    createConfig(prompts: LifecycleConfigPrompts): ReturnType<typeof createLifecycleConfigFromTemplate>;
    deleteConfig(name: string, prompts: Pick<LifecycleConfigPrompts, 'confirm'>): ReturnType<typeof deleteLifecycleConfigChecked>;
    syncLocation(name: string): ReturnType<typeof syncLocation>;
    publish(name: string, file: vscode.Uri, prompts: SyncPrompts): ReturnType<typeof publishNotebook>;
    fetch(name: string, folder: vscode.Uri, prompts: SyncPrompts): ReturnType<typeof fetchNotebook>;
  };
}

export function activateNotebookInstances(wb: Workbench): NotebookInstancesApi {
  const { session, views } = wb;
  const refreshNotebooks = () => views.providers.notebookInstances.refresh();
  const notebookContext: NotebookCommandContext = {
    session,
    logs: wb.logs,
    changed: refreshNotebooks,
    openExternal: (url) => vscode.env.openExternal(url),
    lastRole: wb.lastRole,
    rememberRole: wb.rememberRole,
    retryPlans: new RetryPlans(),
  };
  wb.context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(LIFECYCLE_SCHEME, new LifecycleScriptFiles(session, refreshNotebooks), { isCaseSensitive: true }),
    ...registerNotebookCommands(notebookContext),
  );
  return {
    notebooks: {
      context: notebookContext,
      start: (name) => startNotebook(notebookContext, name),
      stop: (name, prompts) => stopNotebook(notebookContext, name, prompts),
      delete: (name, prompts) => deleteNotebook(notebookContext, name, prompts),
      open: (name, view) => openNotebook(notebookContext, name, view),
      create: (prompts) => createNotebook(notebookContext, prompts),
      createConfig: (prompts) => createLifecycleConfigFromTemplate(session, prompts, refreshNotebooks),
      deleteConfig: (name, prompts) => deleteLifecycleConfigChecked(session, name, prompts, refreshNotebooks),
      syncLocation: (name) => syncLocation(session, name),
      publish: (name, file, prompts) => publishNotebook(session, name, file, prompts),
      fetch: (name, folder, prompts) => fetchNotebook(session, name, folder, prompts),
    },
  };
}
