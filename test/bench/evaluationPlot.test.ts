// The evaluation plots (predicted vs actual, residuals) with 100,000 points in the real Chromium webview:
// the time until the page has drawn them and its JS heap afterwards, as the page measures them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BatchPredictionPanel } from '../../src/webviews/batchPrediction/batchPredictionPanel';
import { EXTENSION_ID, host, until } from '../integration/support/workbench';
import { recordFigures } from './figures';

const POINTS = 100_000;

describe('evaluation plot benchmark', function () {
  this.timeout(120_000);

  it('draws 100,000 predicted-vs-actual points', async () => {
    await host();
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    // Abalone-like rings (1..29) and predictions off by a bounded, deterministic error.
    const actual = Array.from({ length: POINTS }, (_, i) => 1 + (i * 7919) % 29);
    const predicted = actual.map((a, i) => a + ((i * 104729) % 41) / 10 - 2);
    const panel = BatchPredictionPanel.show(extensionUri, {
      endpointName: 'abalone-endpoint-bench', inputFile: 'abalone-100k.csv', predictionsFile: 'abalone-100k.predictions.csv',
      rows: POINTS, predictedRows: POINTS, metrics: [{ name: 'RMSE', value: 1.18 }], kind: 'regression', actual, predicted, message: '',
    });
    const rendered = await until('the page to draw 100,000 points', () => panel.lastRender, 60_000);
    assert.strictEqual(rendered.points, POINTS);
    recordFigures(
      { name: 'evaluation plot: draw 100,000 points (predicted vs actual, residuals)', value: rendered.ms, unit: 'ms', budget: 300 },
      ...(rendered.heapBytes !== undefined ? [{ name: 'evaluation plot: JS heap of the page after drawing 100,000 points (Chromium performance.memory, shared with the workbench)', value: rendered.heapBytes, unit: 'bytes', budget: 256 * 1024 * 1024 }] : []),
    );
    panel.dispose();
  });
});
