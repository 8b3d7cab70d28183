// Palette and context-menu entry points of the notebook instance features. Each resolves what it was
// invoked on (a tree node, a name, a file) and runs the feature's own function with the real dialogs;
// tests call those functions through the extension's API instead.
import * as path from 'path';
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { ListNotebookInstancesCommand } from '@aws-sdk/client-sagemaker';
import type { AwsSession } from '../../session/awsSession';
import type { LogDocuments } from '../../views/logs/logDocuments';
import { LifecycleScriptNode } from '../../views/notebookInstances/lifecycleConfigNode';
import type { Hook } from '../../views/notebookInstances/lifecycleScriptFiles';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { createNotebook, type CreateNotebookContext, type CreateNotebookPrompts } from './createNotebookInstanceCommand';
import { askNotebookPlan } from './createNotebookWizard';
import { createLifecycleConfigFromTemplate, deleteLifecycleConfigChecked, diffLifecycleScript, lifecycleDialogs, openLifecycleScript } from './lifecycleConfigCommands';
import { deleteNotebook, NOTEBOOK_LOG_GROUP, openNotebook, startNotebook, stopNotebook, type NotebookPrompts } from './notebookInstanceCommands';
import { fetchNotebook, publishNotebook, type SyncPrompts } from './notebookSyncCommands';
import { confirmModal } from '../../ui/confirmModal';
import { guarded, showOutcome, type Outcome } from '../../ui/outcome';
import { workspaceTrusted } from '../../ui/workspaceTrust';

export type NotebookCommandContext = CreateNotebookContext & { logs: LogDocuments };

const notebookDialogs: NotebookPrompts = { confirm: confirmModal };
const createDialogs: CreateNotebookPrompts = { plan: askNotebookPlan, confirm: confirmModal };
export const syncDialogs: SyncPrompts = {
  clearOutputs: async (file) => (await window.showQuickPick(
    [{ label: 'Clear outputs', description: 'as the lifecycle script\'s nbconvert does (recommended)', value: true }, { label: 'Keep outputs', value: false }],
    { title: `Publish ${file}` },
  ))?.value,
  confirm: confirmModal,
  pickNotebook: (keys) => window.showQuickPick(keys, { title: 'Fetch which notebook?' }),
};

const resourceName = (target: unknown, kind: string): string | undefined =>
  typeof target === 'string' ? target : (target as ExplorerNode | undefined)?.resource?.kind === kind ? (target as ExplorerNode).resource!.name : undefined;

async function pickInstance(session: AwsSession, title: string): Promise<string | undefined> {
  const out = await session.clients.sagemaker().send(new ListNotebookInstancesCommand({ MaxResults: 100, SortBy: 'Name', SortOrder: 'Ascending' }));
  return window.showQuickPick((out.NotebookInstances ?? []).map((i) => i.NotebookInstanceName ?? ''), { title });
}

const show = (outcome: Outcome, openLog?: () => void) => showOutcome(outcome, openLog ? { action: { label: 'Open Lifecycle Log', run: openLog } } : {});

export function registerNotebookCommands(ctx: NotebookCommandContext): vscode.Disposable[] {
  const { session } = ctx;
  const instance = async (target: unknown, title: string) => resourceName(target, 'notebook-instance') ?? (await pickInstance(session, title));
  const openLog = (name: string) => () => void ctx.logs.open(NOTEBOOK_LOG_GROUP, `${name}/LifecycleConfig`);
  const scriptOf = (target: unknown): { config: string; hook: Hook } | undefined => {
    if (target instanceof LifecycleScriptNode) return { config: target.configName, hook: target.hook };
    const config = resourceName(target, 'lifecycle-config');
    return config ? { config, hook: 'on-start' } : undefined;
  };
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.startNotebookInstance', guarded(session, 'StartNotebookInstance', async (target) => {
      const name = await instance(target, 'Start which notebook instance?');
      if (name) show(await startNotebook(ctx, name), openLog(name));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.stopNotebookInstance', guarded(session, 'StopNotebookInstance', async (target) => {
      const name = await instance(target, 'Stop which notebook instance?');
      if (name) show(await stopNotebook(ctx, name, notebookDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.deleteNotebookInstance', guarded(session, 'DeleteNotebookInstance', async (target) => {
      const name = await instance(target, 'Delete which notebook instance?');
      if (name) show(await deleteNotebook(ctx, name, notebookDialogs));
    })),
    ...(['lab', 'classic'] as const).map((view) => vscode.commands.registerCommand(view === 'lab' ? 'sagemakerWorkbench.openJupyterLab' : 'sagemakerWorkbench.openJupyter', guarded(session, 'CreatePresignedNotebookInstanceUrl', async (target) => {
      const name = await instance(target, `Open ${view === 'lab' ? 'JupyterLab' : 'Jupyter'} of which notebook instance?`);
      if (name) show(await openNotebook(ctx, name, view));
    }))),
    vscode.commands.registerCommand('sagemakerWorkbench.createNotebookInstance', guarded(session, 'CreateNotebookInstance', async () => show(await createNotebook(ctx, createDialogs)))),
    vscode.commands.registerCommand('sagemakerWorkbench.openLifecycleLogs', guarded(session, 'FilterLogEvents', async (target) => {
      const name = await instance(target, 'Lifecycle logs of which notebook instance?');
      if (name) openLog(name)();
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.createLifecycleConfig', guarded(session, 'CreateNotebookInstanceLifecycleConfig', async () => show(await createLifecycleConfigFromTemplate(session, lifecycleDialogs, ctx.changed)))),
    vscode.commands.registerCommand('sagemakerWorkbench.deleteLifecycleConfig', guarded(session, 'DeleteNotebookInstanceLifecycleConfig', async (target) => {
      const name = resourceName(target, 'lifecycle-config');
      if (name) show(await deleteLifecycleConfigChecked(session, name, lifecycleDialogs, ctx.changed));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.editLifecycleScript', guarded(session, 'DescribeNotebookInstanceLifecycleConfig', async (target) => {
      const script = scriptOf(target);
      if (script) await openLifecycleScript(session, script.config, script.hook);
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.diffLifecycleScript', guarded(session, 'DescribeNotebookInstanceLifecycleConfig', async (target) => {
      const script = scriptOf(target) ?? scriptOfEditor();
      if (script) await diffLifecycleScript(session, script.config, script.hook);
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.publishNotebook', guarded(session, 'PutObject', async (target) => {
      if (!workspaceTrusted('Publishing a notebook')) return;
      const file = target instanceof vscode.Uri ? target : vscode.window.activeNotebookEditor?.notebook.uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!file) return;
      const name = await pickInstance(session, `Publish ${path.basename(file.path)} for which notebook instance?`);
      if (name) show(await publishNotebook(session, name, file, syncDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.fetchNotebook', guarded(session, 'GetObject', async (target) => {
      if (!workspaceTrusted('Fetching a notebook')) return;
      const name = await instance(target, 'Fetch a notebook of which notebook instance?');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? (await window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'Fetch into which folder?' }))?.[0];
      if (name && folder) show(await fetchNotebook(session, name, folder, syncDialogs));
    })),
  ];
}

/** The lifecycle script open in the active editor, for Compare with Deployed from the editor title. */
function scriptOfEditor(): { config: string; hook: Hook } | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme !== 'sagemaker-lifecycle') return undefined;
  const [, config, file] = uri.path.split('/').filter(Boolean);
  return config && file ? { config, hook: file.replace(/\.sh$/, '') as Hook } : undefined;
}
