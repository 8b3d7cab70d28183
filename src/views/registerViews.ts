// Registers every sidebar view and refreshes them all when the session changes (their title-bar commands are
// the session feature's).
import * as vscode from 'vscode';
import type { AwsSession } from '../session/awsSession';
import { autopilotSource } from './autopilot/autopilotView';
import { endpointsSource } from './endpoints/endpointsView';
import { modelRegistrySource } from './modelRegistry/modelRegistryView';
import { pipelinesSource, type PipelinesSource } from './pipelines/pipelinesView';
import { notebookInstancesSource } from './notebookInstances/notebookInstancesView';
import { studioSource } from './studio/studioView';
import { trainingJobsSource } from './trainingJobs/trainingJobsView';
import type { RefreshableTreeProvider } from './refreshableTreeProvider';
import type { ExplorerNode } from './tree/explorerNode';
import { ResourceListProvider, type ListSource } from './tree/resourceListProvider';
import { VIEW_IDS, type ViewKey } from './viewIds';

export type ViewProviders = Record<ViewKey, RefreshableTreeProvider<unknown>>;

export interface RegisteredViews extends vscode.Disposable {
  providers: ViewProviders;
  treeViews: Partial<Record<ViewKey, vscode.TreeView<unknown>>>;
  refreshAll(): void;
  /** Waiting approvals and release polling of the Pipelines view. */
  pipelineWatch: PipelinesSource['watch'];
  /** Background state reads of every pipeline in the account while the Pipelines view is visible. */
  pipelineSweep: PipelinesSource['sweep'];
  listProvider(key: string): ResourceListProvider<unknown> | undefined;
}

export function registerViews(session: AwsSession, workspaceState: vscode.Memento): RegisteredViews {
  const list = <T>(source: ListSource<T>) =>
    new ResourceListProvider<T>(source, session, workspaceState) as unknown as RefreshableTreeProvider<unknown>;
  const pipelines: PipelinesSource = pipelinesSource(session);
  const providers: ViewProviders = {
    notebookInstances: list(notebookInstancesSource(session)),
    autopilot: list(autopilotSource(session)),
    trainingJobs: list(trainingJobsSource(session)),
    modelRegistry: list(modelRegistrySource(session)),
    endpoints: list(endpointsSource(session)),
    pipelines: list(pipelines),
    studio: list(studioSource(session)),
  };
  const disposables: vscode.Disposable[] = [];
  const treeViews: RegisteredViews['treeViews'] = {};
  for (const key of Object.keys(providers) as ViewKey[]) {
    const provider = providers[key];
    const view = vscode.window.createTreeView(VIEW_IDS[key], {
      treeDataProvider: provider,
      showCollapseAll: true,
      canSelectMany: key === 'trainingJobs',
    });
    treeViews[key] = view as vscode.TreeView<unknown>;
    if (provider instanceof ResourceListProvider) {
      disposables.push((provider as ResourceListProvider<unknown>).attach(view as vscode.TreeView<ExplorerNode>));
      void vscode.commands.executeCommand('setContext', `sagemakerWorkbench.filterable.${key}`, true);
    }
    disposables.push(view, provider);
  }
  const refreshAll = () => {
    for (const provider of Object.values(providers)) provider.refresh();
  };
  disposables.push(session.onDidChange(refreshAll), pipelines.watch);
  return {
    providers,
    treeViews,
    refreshAll,
    pipelineWatch: pipelines.watch,
    pipelineSweep: pipelines.sweep,
    listProvider: (key) => {
      const p = providers[key as ViewKey];
      return p instanceof ResourceListProvider ? (p as ResourceListProvider<unknown>) : undefined;
    },
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
