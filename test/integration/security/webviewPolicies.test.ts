// Every webview of the extension, opened in the real host, under the same strict policy: nothing by
// default, scripts only with the page's nonce (never inline without it, never eval), styles and fonts
// from the extension, and local resources only from the extension's dist/webview and media folders.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BatchPredictionPanel } from '../../../src/webviews/batchPrediction/batchPredictionPanel';
import { resetEmulator } from '../support/emulatorControl';
import { EXTENSION_ID, workbench } from '../support/workbench';

interface Inspectable {
  html: string;
  webviewOptions: vscode.WebviewOptions;
  whenLoaded?(): Promise<void>;
  dispose(): void;
}

function checkPolicy(name: string, panel: Inspectable): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(panel.html)?.[1];
  assert.ok(csp, `${name}: the page declares a Content-Security-Policy`);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepStrictEqual(directives.get('default-src'), ["'none'"], `${name}: default-src 'none'`);
  const scripts = directives.get('script-src') ?? [];
  assert.ok(scripts.length === 1 && /^'nonce-[A-Za-z0-9]{16,}'$/.test(scripts[0]), `${name}: scripts by nonce only (${scripts.join(' ')})`);
  assert.ok(!/unsafe-eval|unsafe-inline/.test(csp), `${name}: no unsafe-eval or unsafe-inline (${csp})`);
  const nonce = scripts[0].slice(7, -1);
  for (const tag of panel.html.match(/<script[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), `${name}: every script carries the nonce (${tag})`);
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.path;
  const roots = (panel.webviewOptions.localResourceRoots ?? []).map((u) => u.path);
  assert.deepStrictEqual(roots.sort(), [`${root}/dist/webview`, `${root}/media`].sort(), `${name}: local resources from the extension only`);
  assert.strictEqual(panel.webviewOptions.enableCommandUris ?? false, false, `${name}: no command: links`);
}

describe('Webview security policies', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
  });

  it('applies the strict policy to every panel the extension opens', async () => {
    const api = await workbench();
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const panels: Array<[string, () => Inspectable]> = [
      ['Autopilot leaderboard', () => api.autopilot.leaderboard('abalone-v0')],
      ['AutoGluon leaderboard', () => api.trainingJobs.autoGluon('abalone-autogluon-2021-07-05-18-03-21-457')],
      ['Training job', () => api.trainingJobs.open('abalone-autogluon-2021-07-05-18-03-21-457')],
      ['Training comparison', () => api.trainingJobs.compare(['abalone-autogluon-2021-07-05-18-03-21-457', 'hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a'])],
      ['Model group', () => api.hosting.openModelGroup('AbalonePackageGroup')],
      ['Endpoint metrics', () => api.hosting.openMetrics('abalone-endpoint')],
      ['Release review', () => api.approvals.review('abalone-cicd-pipeline')],
      ['Batch prediction', () => BatchPredictionPanel.show(extensionUri, { endpointName: 'abalone-endpoint', inputFile: 'a.csv', predictionsFile: 'a.predictions.csv', rows: 0, predictedRows: 0, metrics: [], message: '' })],
    ];
    // One at a time, each shown: it finishes its first read before it is closed, so no read outlives the test.
    for (const [name, open] of panels) {
      const panel = open();
      checkPolicy(name, panel);
      await panel.whenLoaded?.();
      panel.dispose();
    }
  });
});
