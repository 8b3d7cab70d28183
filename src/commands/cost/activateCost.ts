// What runs and what it costs: the Running Now view, the "SageMaker: $4.82/h" status bar item, prices from the AWS
// Price List (cached per region for a day, refreshable), one-click stop of a notebook instance or of a Studio
// space's app (the Studio view's own Stop Space… on the row) and delete of an endpoint, and the optional alert when
// the total per hour passes sagemakerWorkbench.costAlertPerHour. Activation registers the view, the item and the
// commands only; the working parts (costFeature.ts) load on first use.
import * as vscode from 'vscode';
import { registerCommand } from '../../ui/commands';
import { CostStatusBar } from '../../views/runningNow/costStatusBar';
import { RunningNowProvider } from '../../views/runningNow/runningNowView';
import type { Workbench } from '../workbench';
import type { CostFeature } from './costFeature';

export const RUNNING_NOW_VIEW = 'sagemakerWorkbench.runningNow';
/** How often the bill is read in the background while an alert threshold is set. */
const ALERT_READ_MS = 15 * 60_000;

/** The Running Now parts the integration tests read. */
export interface RunningNow {
  provider: RunningNowProvider;
  statusBar: CostStatusBar;
}

let current: RunningNow | undefined;

export function runningNow(): RunningNow {
  // l10n-exempt: a test seam's error, never shown to a user
  if (!current) throw new Error('Running Now is not activated');
  return current;
}

export function activateCost(wb: Workbench): void {
  let loading: Promise<CostFeature> | undefined;
  const feature = (): Promise<CostFeature> =>
    (loading ??= import('./costFeature.js').then(({ CostFeature }) => {
      const loaded = new CostFeature(wb, provider, statusBar, RUNNING_NOW_VIEW);
      wb.context.subscriptions.push(loaded);
      return loaded;
    }));
  const provider = new RunningNowProvider(async () => (await feature()).read());
  const statusBar = new CostStatusBar(RUNNING_NOW_VIEW);
  current = { provider, statusBar };
  const alertTimer = setInterval(() => {
    const threshold = vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('costAlertPerHour', 0);
    if ((threshold ?? 0) > 0) provider.reload().catch(() => undefined);
  }, ALERT_READ_MS);

  wb.context.subscriptions.push(
    provider,
    statusBar,
    vscode.window.createTreeView(RUNNING_NOW_VIEW, { treeDataProvider: provider }),
    wb.session.onDidChange(() => provider.refresh()),
    // A space started or stopped (the Studio commands, Stop on a space app's row here) changes the bill; the view
    // reads it again only while it is shown.
    wb.views.providers.studio.onDidChangeTreeData(() => provider.refresh()),
    // A new idle window re-reads the bill so the idle marks follow it.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration('sagemakerWorkbench.idleEndpointHours') ||
        e.affectsConfiguration('sagemakerWorkbench.idleNotebookMinutes')
      )
        provider.refresh();
    }),
    { dispose: () => clearInterval(alertTimer) },
    registerCommand(wb, 'sagemakerWorkbench.refreshRunningNow', async () => (await feature()).refresh(), {
      operation: 'ListEndpoints',
    }),
    registerCommand(wb, 'sagemakerWorkbench.refreshPrices', async () => (await feature()).refreshPrices(), {
      operation: 'GetProducts',
      service: 'pricing',
    }),
    registerCommand(
      wb,
      'sagemakerWorkbench.stopRunningNotebookInstance',
      async (target: unknown) => (await feature()).stopNotebookInstance(target),
      { operation: 'StopNotebookInstance' },
    ),
    registerCommand(
      wb,
      'sagemakerWorkbench.deleteRunningEndpoint',
      async (target: unknown) => (await feature()).deleteEndpoint(target),
      { operation: 'DeleteEndpoint' },
    ),
  );
}
