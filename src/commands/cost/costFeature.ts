// The cost feature's working parts, loaded on the first read of the bill or the first cost command (a chunk of its
// own): prices per region cached for a day, the reading of the bill, the status bar text, the alert said once each
// time the total passes sagemakerWorkbench.costAlertPerHour, and the one-click stop and delete through the notebook
// and hosting features' own functions.
import * as vscode from 'vscode';
import { sageMakerHourlyPrice } from '../../aws/pricing/pricingApi';
import { EndpointConfigCache } from '../../aws/sagemaker/runningResourcesApi';
import { costAlertMessage, statusBarText } from '../../model/costBill';
import { idleHours } from '../../model/idleEndpoints';
import { idleNotebookMinutes } from '../../model/idleNotebooks';
import type { CommandOutcome } from '../../ui/commands';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import type { CostStatusBar } from '../../views/runningNow/costStatusBar';
import { BillRowNode } from '../../views/runningNow/runningNowNodes';
import type { BillReading, RunningNowProvider } from '../../views/runningNow/runningNowView';
import { deleteEndpointWithParts } from '../hosting/deleteEndpointCommand';
import { stopNotebook } from '../notebooks/notebookInstanceCommands';
import type { Workbench } from '../workbench';
import { readBill } from './costReading';
import { PriceCache } from './priceCache';

export const alertThreshold = (): number =>
  vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('costAlertPerHour', 0) ?? 0;

/** Zero Invocations over this many hours marks an endpoint idle. */
export const idleEndpointHours = (): number =>
  idleHours(vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('idleEndpointHours'));

/** No kernel or terminal activity for this many minutes marks a notebook instance or JupyterLab app idle. */
export const idleNotebookMinutesSetting = (): number =>
  idleNotebookMinutes(vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('idleNotebookMinutes'));

export class CostFeature implements vscode.Disposable {
  private readonly prices: PriceCache;
  /** Endpoint configurations described in this session (immutable on AWS): read once, not on every refresh. */
  private readonly configs = new EndpointConfigCache();
  /** Told once per crossing: reset when the total falls back under the threshold or the session changes. */
  private alerted = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly wb: Workbench,
    private readonly provider: RunningNowProvider,
    private readonly statusBar: CostStatusBar,
    private readonly viewId: string,
  ) {
    const { session } = wb;
    this.prices = new PriceCache(wb.context.globalState, async (region, component, instanceType) => {
      try {
        return await sageMakerHourlyPrice(session.clients, region, component, instanceType);
      } catch (error) {
        throw new Error(toUserError(error, session, 'pricing', 'GetProducts').message);
      }
    });
    this.subscriptions = [
      provider.onDidRead((reading) => this.follow(reading)),
      session.onDidChange(() => {
        this.configs.clear();
        statusBar.hide();
        this.alerted = false;
      }),
    ];
  }

  async read(): Promise<BillReading> {
    try {
      return await readBill(
        this.wb.session,
        this.prices,
        this.configs,
        idleEndpointHours(),
        idleNotebookMinutesSetting(),
      );
    } catch (error) {
      throw new Error(toUserError(error, this.wb.session, 'sagemaker', 'ListEndpoints').message);
    }
  }

  private follow(reading: BillReading): void {
    const { bill, region } = reading;
    this.statusBar.show(
      statusBarText(bill),
      bill.unknownCount
        ? vscode.l10n.t(
            'SageMaker compute running in {0}, at on-demand prices ({1} with price unknown not included). Click to see what runs.',
            region,
            bill.unknownCount,
          )
        : vscode.l10n.t('SageMaker compute running in {0}, at on-demand prices. Click to see what runs.', region),
    );
    const message = costAlertMessage(bill, alertThreshold());
    if (!message) this.alerted = false;
    else if (!this.alerted) {
      this.alerted = true;
      void window.showWarningMessage(message, vscode.l10n.t('Show Running Now')).then((choice) => {
        if (choice) void vscode.commands.executeCommand(`${this.viewId}.focus`);
      });
    }
  }

  async refresh(): Promise<CommandOutcome> {
    const reading = await this.provider.reload();
    return { outcome: 'done', message: statusBarText(reading.bill), quiet: true };
  }

  async refreshPrices(): Promise<CommandOutcome> {
    await this.prices.clear();
    const reading = await this.provider.reload();
    if (reading.priceProblem)
      return { outcome: 'failed', message: vscode.l10n.t('Prices could not be read: {0}', reading.priceProblem) };
    return {
      outcome: 'done',
      message: vscode.l10n.t(
        'Prices read again from the AWS Price List: {0} in {1}.',
        statusBarText(reading.bill),
        reading.region,
      ),
    };
  }

  private nameOf(target: unknown, kind: 'notebook-instance' | 'endpoint'): string {
    const name =
      target instanceof BillRowNode && target.target?.kind === kind
        ? target.target.name
        : typeof target === 'string'
          ? target
          : undefined;
    if (!name)
      throw new Error(
        kind === 'endpoint'
          ? vscode.l10n.t('Pick an endpoint in the Running Now view.')
          : vscode.l10n.t('Pick a notebook instance in the Running Now view.'),
      );
    return name;
  }

  /** After a stop or delete: the feature's own view and the bill read again. */
  private changed(refreshOther: () => void): () => void {
    return () => {
      refreshOther();
      this.provider.reload().catch(() => undefined);
    };
  }

  stopNotebookInstance(target: unknown): Promise<CommandOutcome> {
    const changed = this.changed(() => this.wb.views.providers.notebookInstances.refresh());
    return stopNotebook({ session: this.wb.session, changed }, this.nameOf(target, 'notebook-instance'));
  }

  async deleteEndpoint(target: unknown) {
    const result = await deleteEndpointWithParts(this.wb.session, this.nameOf(target, 'endpoint'));
    if (result.outcome === 'deleted') {
      // Its configuration may be gone with it, and a new one may take the name: describe configurations afresh.
      this.configs.clear();
      this.changed(() => this.wb.views.providers.endpoints.refresh())();
    }
    return result;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
