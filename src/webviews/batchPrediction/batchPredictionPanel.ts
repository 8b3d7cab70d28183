// The result of a batch prediction: the quality numbers and the predicted-vs-actual and residual plots,
// with a link to the predictions file. One panel per endpoint, replaced by its next run.
import * as vscode from 'vscode';
import type { BatchResult } from '../../model/batchPredictions';
import type { BatchPredictionModel, FromWebview, ToWebview } from '../protocol/batchPrediction';
import { panelFor, WebviewPanelBase } from '../webviewPanelBase';

export function batchPredictionModel(
  endpointName: string,
  input: vscode.Uri,
  outcome: BatchResult & { predictionsFile?: vscode.Uri },
): BatchPredictionModel {
  const q = outcome.quality;
  const metrics = !q
    ? []
    : q.kind === 'classification'
      ? [{ name: 'accuracy', value: q.accuracy ?? 0 }]
      : [
          { name: 'RMSE', value: q.rmse! },
          { name: 'MAE', value: q.mae! },
          ...(q.r2 !== undefined ? [{ name: 'R²', value: q.r2 }] : []),
        ];
  const pairs =
    q?.kind === 'regression' && outcome.actual && outcome.predicted
      ? outcome.actual
          .map((a, i) => [Number(a), Number(outcome.predicted![i])] as const)
          .filter(([, p]) => Number.isFinite(p))
      : undefined;
  return {
    endpointName,
    inputFile: vscode.workspace.asRelativePath(input),
    predictionsFile: outcome.predictionsFile ? vscode.workspace.asRelativePath(outcome.predictionsFile) : '',
    rows: outcome.predicted?.length ?? 0,
    predictedRows: outcome.predicted?.filter((p) => p !== undefined).length ?? 0,
    metrics,
    kind: q?.kind,
    actual: pairs?.map(([a]) => a),
    predicted: pairs?.map(([, p]) => p),
    message: outcome.message ?? '',
  };
}

/** The editor group that already has the file open (so the link brings that tab forward), else beside the panel. */
function columnShowing(file: vscode.Uri): vscode.ViewColumn {
  const group = vscode.window.tabGroups.all.find((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === file.toString()),
  );
  return group?.viewColumn ?? vscode.ViewColumn.Beside;
}

export class BatchPredictionPanel extends WebviewPanelBase<ToWebview, FromWebview> {
  private static readonly open = new Map<string, BatchPredictionPanel>();

  static show(
    extensionUri: vscode.Uri,
    model: BatchPredictionModel,
    predictionsFile?: vscode.Uri,
  ): BatchPredictionPanel {
    return panelFor(
      BatchPredictionPanel.open,
      model.endpointName,
      () => new BatchPredictionPanel(extensionUri, model, predictionsFile),
      (existing) => existing.update(model, predictionsFile),
    );
  }

  private constructor(
    extensionUri: vscode.Uri,
    private current: BatchPredictionModel,
    private predictionsFile?: vscode.Uri,
  ) {
    super(
      extensionUri,
      'sagemakerWorkbench.batchPrediction',
      vscode.l10n.t('Predictions: {0}', current.endpointName),
      'batchPrediction',
      // Beside the predictions file the command opened, so the numbers and the rows they come from show together.
      vscode.ViewColumn.Beside,
    );
  }

  /** The page's last report of drawing the model (the benchmark reads it). */
  lastRender?: { ms: number; points: number; heapBytes?: number };

  /** The model last sent to the webview (tests read it). */
  get model(): BatchPredictionModel {
    return this.current;
  }

  private update(model: BatchPredictionModel, predictionsFile?: vscode.Uri): void {
    this.current = model;
    this.predictionsFile = predictionsFile;
    void this.post({ type: 'model', model });
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    if (message.type === 'ready') await this.post({ type: 'model', model: this.current });
    else if (message.type === 'openPredictions' && this.predictionsFile)
      await vscode.window.showTextDocument(this.predictionsFile, { viewColumn: columnShowing(this.predictionsFile) });
    else if (message.type === 'rendered' && typeof message.ms === 'number')
      this.lastRender = {
        ms: message.ms,
        points: Number(message.points) || 0,
        heapBytes: typeof message.heapBytes === 'number' ? message.heapBytes : undefined,
      };
  }
}
