// The commands of the notebook instance features, as menus, tree nodes and the palette run them. Each resolves
// what it was invoked on (a tree node, a name, a file; else it asks) and returns its outcome for the command
// wrapper to show.
import * as path from 'path';
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { notebookInstanceNames } from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsSession } from '../../session/awsSession';
import type { LogDocuments } from '../../views/logs/logDocuments';
import { LifecycleScriptNode } from '../../views/notebookInstances/lifecycleConfigNode';
import { LIFECYCLE_SCHEME, type Hook } from '../../views/notebookInstances/lifecycleScriptFiles';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { registerCommand, type CommandHost, type CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import { addAutoStop } from './addAutoStopCommand';
import { createNotebook, type CreateNotebookContext } from './createNotebookInstanceCommand';
import { askNotebookPlan } from './createNotebookWizard';
import {
  createLifecycleConfigFromTemplate,
  deleteLifecycleConfigChecked,
  diffLifecycleScript,
  openLifecycleScript,
} from './lifecycleConfigCommands';
import {
  deleteNotebook,
  NOTEBOOK_LOG_GROUP,
  openNotebook,
  startNotebook,
  stopNotebook,
} from './notebookInstanceCommands';
import { fetchNotebook, publishNotebook } from './notebookSyncCommands';

export type NotebookCommandContext = CreateNotebookContext & { logs: LogDocuments };

const resourceName = (target: unknown, kind: string): string | undefined =>
  typeof target === 'string'
    ? target
    : (target as ExplorerNode | undefined)?.resource?.kind === kind
      ? (target as ExplorerNode).resource!.name
      : undefined;

async function pickInstance(session: AwsSession, title: string): Promise<string | undefined> {
  return window.showQuickPick(await notebookInstanceNames(session.clients), { title });
}

const cancelled: CommandOutcome = { outcome: 'cancelled' };

/** The lifecycle script a tree node stands for (a configuration: its on-start script). */
function scriptOf(target: unknown): { config: string; hook: Hook } | undefined {
  if (target instanceof LifecycleScriptNode) return { config: target.configName, hook: target.hook };
  const config = resourceName(target, 'lifecycle-config');
  return config ? { config, hook: 'on-start' } : undefined;
}

/** A lifecycle script's file (the editor title passes it), else the one open in the active editor. */
function scriptOfFile(target: unknown): { config: string; hook: Hook } | undefined {
  const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme !== LIFECYCLE_SCHEME) return undefined;
  const [, config, file] = uri.path.split('/').filter(Boolean);
  return config && file ? { config, hook: file.replace(/\.sh$/, '') as Hook } : undefined;
}

export function registerNotebookCommands(host: CommandHost, ctx: NotebookCommandContext): vscode.Disposable[] {
  const { session } = ctx;
  const instance = async (target: unknown, title: string) =>
    resourceName(target, 'notebook-instance') ?? (await pickInstance(session, title));
  const openLog = (name: string) => ctx.logs.open(NOTEBOOK_LOG_GROUP, `${name}/LifecycleConfig`);
  const open =
    (view: 'lab' | 'classic') =>
    async (target: unknown): Promise<CommandOutcome> => {
      const name = await instance(
        target,
        view === 'lab'
          ? vscode.l10n.t('Open JupyterLab of which notebook instance?')
          : vscode.l10n.t('Open Jupyter of which notebook instance?'),
      );
      return name ? openNotebook(ctx, name, view) : cancelled;
    };
  return [
    registerCommand(
      host,
      'sagemakerWorkbench.startNotebookInstance',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = await instance(target, vscode.l10n.t('Start which notebook instance?'));
        if (!name) return cancelled;
        const outcome = await startNotebook(ctx, name);
        return outcome.outcome === 'failed'
          ? { ...outcome, action: { label: vscode.l10n.t('Open Lifecycle Log'), run: () => void openLog(name) } }
          : outcome;
      },
      { operation: 'StartNotebookInstance' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.stopNotebookInstance',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = await instance(target, vscode.l10n.t('Stop which notebook instance?'));
        return name ? stopNotebook(ctx, name) : cancelled;
      },
      { operation: 'StopNotebookInstance' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.addAutoStop',
      async (target: unknown): Promise<CommandOutcome> => {
        // A Running Now row stands for its instance through `target` (its class loads with the cost feature).
        const row = (target as { target?: { kind: string; name: string } } | undefined)?.target;
        const name =
          row?.kind === 'notebook-instance'
            ? row.name
            : await instance(target, vscode.l10n.t('Add auto-stop to which notebook instance?'));
        return name ? addAutoStop(ctx, name) : cancelled;
      },
      { operation: 'UpdateNotebookInstance' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.deleteNotebookInstance',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = await instance(target, vscode.l10n.t('Delete which notebook instance?'));
        return name ? deleteNotebook(ctx, name) : cancelled;
      },
      { operation: 'DeleteNotebookInstance' },
    ),
    registerCommand(host, 'sagemakerWorkbench.openJupyterLab', open('lab'), {
      operation: 'CreatePresignedNotebookInstanceUrl',
    }),
    registerCommand(host, 'sagemakerWorkbench.openJupyter', open('classic'), {
      operation: 'CreatePresignedNotebookInstanceUrl',
    }),
    registerCommand(
      host,
      'sagemakerWorkbench.createNotebookInstance',
      () => createNotebook(ctx, { plan: askNotebookPlan, confirm: confirmModal }),
      { operation: 'CreateNotebookInstance' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openLifecycleLogs',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = await instance(target, vscode.l10n.t('Lifecycle logs of which notebook instance?'));
        if (!name) return cancelled;
        await openLog(name);
        return { outcome: 'done', quiet: true };
      },
      { operation: 'FilterLogEvents', service: 'logs' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.createLifecycleConfig',
      () => createLifecycleConfigFromTemplate(session, ctx.changed),
      { operation: 'CreateNotebookInstanceLifecycleConfig' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.deleteLifecycleConfig',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = resourceName(target, 'lifecycle-config');
        return name ? deleteLifecycleConfigChecked(session, name, ctx.changed) : cancelled;
      },
      { operation: 'DeleteNotebookInstanceLifecycleConfig' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.editLifecycleScript',
      async (target: unknown): Promise<CommandOutcome> => {
        const script = scriptOf(target);
        if (!script) return cancelled;
        await openLifecycleScript(session, script.config, script.hook);
        return { outcome: 'done', quiet: true };
      },
      { operation: 'DescribeNotebookInstanceLifecycleConfig' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.diffLifecycleScript',
      async (target: unknown): Promise<CommandOutcome> => {
        const script = scriptOf(target) ?? scriptOfFile(target);
        if (!script)
          return {
            outcome: 'refused',
            message: vscode.l10n.t(
              'Open a lifecycle script (or pick one in the Notebook Instances view) to compare it with the deployed one.',
            ),
          };
        await diffLifecycleScript(session, script.config, script.hook);
        return { outcome: 'done', quiet: true };
      },
      { operation: 'DescribeNotebookInstanceLifecycleConfig' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.publishNotebook',
      async (target: unknown): Promise<CommandOutcome> => {
        const file =
          target instanceof vscode.Uri
            ? target
            : (vscode.window.activeNotebookEditor?.notebook.uri ?? vscode.window.activeTextEditor?.document.uri);
        if (!file)
          return {
            outcome: 'refused',
            message: vscode.l10n.t('Open a notebook (or pick one in the Explorer) to publish it.'),
          };
        const name = await pickInstance(
          session,
          vscode.l10n.t('Publish {0} for which notebook instance?', path.basename(file.path)),
        );
        return name ? publishNotebook(session, name, file) : cancelled;
      },
      { operation: 'PutObject', service: 's3', needsTrust: vscode.l10n.t('Publishing a notebook') },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.fetchNotebook',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = await instance(target, vscode.l10n.t('Fetch a notebook of which notebook instance?'));
        if (!name) return cancelled;
        const folder =
          vscode.workspace.workspaceFolders?.[0]?.uri ??
          (
            await window.showOpenDialog({
              canSelectFolders: true,
              canSelectFiles: false,
              title: vscode.l10n.t('Fetch into which folder?'),
            })
          )?.[0];
        return folder ? fetchNotebook(session, name, folder) : cancelled;
      },
      { operation: 'GetObject', service: 's3', needsTrust: vscode.l10n.t('Fetching a notebook') },
    ),
  ];
}
