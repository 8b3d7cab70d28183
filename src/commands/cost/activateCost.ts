// What runs and what it costs: the Running Now view, the "SageMaker: $4.82/h" status bar item, prices from the AWS
// Price List (cached per region for a day, refreshable), one-click stop of a notebook instance and delete of an
// endpoint through the notebook and hosting features' own functions, and the optional alert when the total per hour
// passes sagemakerWorkbench.costAlertPerHour (said once each time it is passed).
import * as vscode from 'vscode';
import { sageMakerHourlyPrice } from '../../aws/pricing/pricingApi';
import { runningResources } from '../../aws/sagemaker/runningResourcesApi';
import { bill, costAlertMessage, statusBarText } from '../../model/costBill';
import { neededPrices } from '../../model/costBill';
import { registerCommand, type CommandOutcome } from '../../ui/commands';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import { CostStatusBar } from '../../views/runningNow/costStatusBar';
import { BillRowNode } from '../../views/runningNow/runningNowNodes';
import { RunningNowProvider, type BillReading } from '../../views/runningNow/runningNowView';
import { deleteEndpointWithParts } from '../hosting/deleteEndpointCommand';
import { stopNotebook } from '../notebooks/notebookInstanceCommands';
import type { Workbench } from '../workbench';
import { PriceCache } from './priceCache';

export const RUNNING_NOW_VIEW = 'sagemakerWorkbench.runningNow';
/** How often the bill is read in the background while an alert threshold is set. */
const ALERT_READ_MS = 15 * 60_000;

const alertThreshold = () =>
  vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('costAlertPerHour', 0) ?? 0;

/** The Running Now parts the integration tests read. */
export interface RunningNow {
  provider: RunningNowProvider;
  statusBar: CostStatusBar;
}

let current: RunningNow | undefined;

export function runningNow(): RunningNow {
  if (!current) throw new Error('Running Now is not activated');
  return current;
}

export function activateCost(wb: Workbench): void {
  const { session } = wb;
  const prices = new PriceCache(wb.context.globalState, async (region, component, instanceType) => {
    try {
      return await sageMakerHourlyPrice(session.clients, region, component, instanceType);
    } catch (error) {
      throw new Error(toUserError(error, session, 'pricing', 'GetProducts').message);
    }
  });
  const read = async (): Promise<BillReading> => {
    const region = session.current.region;
    const resources = await runningResources(session.clients, region);
    const { table, problem } = await prices.table(region, neededPrices(resources));
    return { bill: bill(resources, table, new Date()), region, priceProblem: problem };
  };
  const provider = new RunningNowProvider(async () => {
    try {
      return await read();
    } catch (error) {
      throw new Error(toUserError(error, session, 'sagemaker', 'ListEndpoints').message);
    }
  });
  const statusBar = new CostStatusBar(RUNNING_NOW_VIEW);
  current = { provider, statusBar };

  // Told once per crossing: the flag resets when the total falls back under the threshold or the region changes.
  let alerted = false;
  const followReading = (reading: BillReading) => {
    statusBar.show(reading.bill, reading.region);
    const message = costAlertMessage(reading.bill, alertThreshold());
    if (!message) alerted = false;
    else if (!alerted) {
      alerted = true;
      void window.showWarningMessage(message, 'Show Running Now').then((choice) => {
        if (choice) void vscode.commands.executeCommand(`${RUNNING_NOW_VIEW}.focus`);
      });
    }
  };

  const alertTimer = setInterval(() => {
    if (alertThreshold() > 0) provider.reload().catch(() => undefined);
  }, ALERT_READ_MS);
  const reread = () => {
    statusBar.hide();
    alerted = false;
    provider.refresh();
  };
  const refreshAfterChange = (refreshOther: () => void) => () => {
    refreshOther();
    provider.reload().catch(() => undefined);
  };
  const nameOf = (target: unknown): string | undefined =>
    target instanceof BillRowNode ? target.target?.name : typeof target === 'string' ? target : undefined;
  const notebookChanged = refreshAfterChange(() => wb.views.providers.notebookInstances.refresh());
  const endpointsChanged = refreshAfterChange(() => wb.views.providers.endpoints.refresh());

  wb.context.subscriptions.push(
    provider,
    statusBar,
    vscode.window.createTreeView(RUNNING_NOW_VIEW, { treeDataProvider: provider, showCollapseAll: false }),
    provider.onDidRead(followReading),
    session.onDidChange(reread),
    { dispose: () => clearInterval(alertTimer) },
    registerCommand(
      wb,
      'sagemakerWorkbench.refreshRunningNow',
      async (): Promise<CommandOutcome> => {
        const reading = await provider.reload();
        return { outcome: 'done', message: statusBarText(reading.bill), quiet: true };
      },
      { operation: 'ListEndpoints' },
    ),
    registerCommand(
      wb,
      'sagemakerWorkbench.refreshPrices',
      async (): Promise<CommandOutcome> => {
        await prices.clear();
        const reading = await provider.reload();
        if (reading.priceProblem)
          return { outcome: 'failed', message: `Prices could not be read: ${reading.priceProblem}` };
        return {
          outcome: 'done',
          message: `Prices read again from the AWS Price List: ${statusBarText(reading.bill)} in ${reading.region}.`,
        };
      },
      { operation: 'GetProducts', service: 'pricing' },
    ),
    registerCommand(
      wb,
      'sagemakerWorkbench.stopRunningNotebookInstance',
      async (target: unknown): Promise<CommandOutcome> => {
        const name = nameOf(target);
        if (!name) throw new Error('Pick a notebook instance in the Running Now view.');
        return stopNotebook({ session, changed: notebookChanged }, name);
      },
      { operation: 'StopNotebookInstance' },
    ),
    registerCommand(
      wb,
      'sagemakerWorkbench.deleteRunningEndpoint',
      async (target: unknown) => {
        const name = nameOf(target);
        if (!name) throw new Error('Pick an endpoint in the Running Now view.');
        const result = await deleteEndpointWithParts(session, name);
        if (result.outcome === 'deleted') endpointsChanged();
        return result;
      },
      { operation: 'DeleteEndpoint' },
    ),
  );
}
