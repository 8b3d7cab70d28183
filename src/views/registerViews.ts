// Registers every sidebar view and refreshes them all when the session changes.
import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import type { RefreshableTreeProvider } from './refreshableTreeProvider';
import { VIEW_IDS, type ViewKey } from './viewIds';
import { WelcomeOnlyView } from './welcomeOnlyView';

export type ViewProviders = Record<ViewKey, RefreshableTreeProvider<unknown>>;

export interface RegisteredViews extends vscode.Disposable {
  providers: ViewProviders;
  refreshAll(): void;
}

export function registerViews(session: AwsSession): RegisteredViews {
  const providers: ViewProviders = {
    notebookInstances: new WelcomeOnlyView(),
    autopilot: new WelcomeOnlyView(),
    trainingJobs: new WelcomeOnlyView(),
    modelRegistry: new WelcomeOnlyView(),
    endpoints: new WelcomeOnlyView(),
    pipelines: new WelcomeOnlyView(),
  };
  const disposables: vscode.Disposable[] = [];
  for (const key of Object.keys(providers) as ViewKey[]) {
    const provider = providers[key];
    disposables.push(
      vscode.window.createTreeView(VIEW_IDS[key], { treeDataProvider: provider, showCollapseAll: true }),
      provider,
    );
  }
  const refreshAll = () => {
    for (const provider of Object.values(providers)) provider.refresh();
  };
  disposables.push(session.onDidChange(refreshAll));
  return {
    providers,
    refreshAll,
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
