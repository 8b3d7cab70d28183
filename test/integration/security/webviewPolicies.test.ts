// Every webview of the extension, opened in the real host through its command (with the node its menu
// passes), under the same strict policy: nothing by default, scripts only with the page's nonce (never
// inline without it, never eval), styles and fonts from the extension, and local resources only from the
// extension's dist/webview and media folders.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BatchPredictionPanel } from '../../../src/webviews/batchPrediction/batchPredictionPanel';
import { trainingJobNode } from '../support/answers/training';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { EXTENSION_ID } from '../support/workbench';
import { nodeOf } from './faultSupport';

const DONE = 'abalone-autogluon-2021-07-05-18-03-21-457';
const XGBOOST = 'hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a';

/** The panels' commands, run on the nodes their context menus pass; each returns the panel it opened. */
const open = {
  leaderboard: async () => run<Inspectable>('openLeaderboard', await nodeOf('autopilot', 'abalone-v0')),
  autoGluon: async () => run<Inspectable>('openAutoGluonResults', await trainingJobNode(DONE)),
  trainingJob: async () => run<Inspectable>('openTrainingJob', await trainingJobNode(DONE)),
  comparison: async () => {
    const done = await trainingJobNode(DONE);
    return run<Inspectable>('compareTrainingJobs', done, [done, await trainingJobNode(XGBOOST)]);
  },
  modelGroup: async () => run<Inspectable>('openModelGroup', await nodeOf('modelRegistry', 'AbalonePackageGroup')),
  metrics: async () => run<Inspectable>('showEndpointMetrics', await nodeOf('endpoints', 'abalone-endpoint')),
  releaseReview: async () => run<Inspectable>('openReleaseReview', await nodeOf('pipelines', 'abalone-cicd-pipeline')),
};

interface Inspectable {
  receive(message: unknown): Promise<void>;
  html: string;
  webviewOptions: vscode.WebviewOptions;
  whenLoaded?(): Promise<void>;
  dispose(): void;
}

function checkPolicy(name: string, panel: Inspectable): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(panel.html)?.[1];
  assert.ok(csp, `${name}: the page declares a Content-Security-Policy`);
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
  assert.deepStrictEqual(directives.get('default-src'), ["'none'"], `${name}: default-src 'none'`);
  const scripts = directives.get('script-src') ?? [];
  assert.ok(
    scripts.length === 1 && /^'nonce-[A-Za-z0-9]{16,}'$/.test(scripts[0]),
    `${name}: scripts by nonce only (${scripts.join(' ')})`,
  );
  assert.ok(!/unsafe-eval|unsafe-inline/.test(csp), `${name}: no unsafe-eval or unsafe-inline (${csp})`);
  const nonce = scripts[0].slice(7, -1);
  for (const tag of panel.html.match(/<script[^>]*>/g) ?? [])
    assert.ok(tag.includes(`nonce="${nonce}"`), `${name}: every script carries the nonce (${tag})`);
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.path;
  const roots = (panel.webviewOptions.localResourceRoots ?? []).map((u) => u.path);
  assert.deepStrictEqual(
    roots.sort(),
    [`${root}/dist/webview`, `${root}/media`].sort(),
    `${name}: local resources from the extension only`,
  );
  assert.strictEqual(panel.webviewOptions.enableCommandUris ?? false, false, `${name}: no command: links`);
}

describe('Webview security policies', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
  });

  it('applies the strict policy to every panel the extension opens', async () => {
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const panels: Array<[string, () => Promise<Inspectable>]> = [
      ['Autopilot leaderboard', open.leaderboard],
      ['AutoGluon leaderboard', open.autoGluon],
      ['Training job', open.trainingJob],
      ['Training comparison', open.comparison],
      ['Model group', open.modelGroup],
      ['Endpoint metrics', open.metrics],
      ['Release review', open.releaseReview],
      // Opened by Batch Predict once its predictions are written; shown here on an empty result.
      [
        'Batch prediction',
        async () =>
          BatchPredictionPanel.show(extensionUri, {
            endpointName: 'abalone-endpoint',
            inputFile: 'a.csv',
            predictionsFile: 'a.predictions.csv',
            rows: 0,
            predictedRows: 0,
            metrics: [],
            message: '',
          }),
      ],
    ];
    // One at a time, each shown: it finishes its first read before it is closed, so no read outlives the test.
    for (const [name, show] of panels) {
      const panel = await show();
      checkPolicy(name, panel);
      await panel.whenLoaded?.();
      panel.dispose();
    }
  });

  it('acts only on messages a page could send about what it shows', async () => {
    const OTHER_VERSION = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/otherpackagegroup/1';
    // Shapes no page sends, and well-formed requests about things the panel never showed.
    const junk = [null, 'approve', 42, [], {}, { type: 7 }, { type: 'nonsense' }, { type: 'constructor' }];
    const cases: Array<[string, () => Promise<Inspectable>, unknown[]]> = [
      [
        'Model group',
        open.modelGroup,
        [{ type: 'deploy', arn: OTHER_VERSION }, { type: 'approve', arn: OTHER_VERSION }, { type: 'reject' }],
      ],
      [
        'Release review',
        open.releaseReview,
        [
          { type: 'openCommitChanges', repository: 'someone-elses-repo', commitId: 'deadbeef' },
          { type: 'openExternal', url: 'javascript:alert(1)' },
          { type: 'openExternal', url: 'file:///etc/passwd' },
          { type: 'openExternal', url: 'https://console.aws.amazon.com.evil.example/' },
        ],
      ],
      [
        'Endpoint metrics',
        open.metrics,
        [
          { type: 'range', range: 'constructor' },
          { type: 'range', range: '1y' },
          { type: 'variant', variant: '<img src=x>' },
        ],
      ],
      [
        'Autopilot leaderboard',
        open.leaderboard,
        [
          { type: 'deploy', candidate: 'not-a-candidate' },
          { type: 'register' },
          { type: 'openNotebook', which: '../../etc/passwd' },
        ],
      ],
      ['Training comparison', open.comparison, [{ type: 'openJob', jobName: 'someone-elses-job' }]],
      ['Training job', open.trainingJob, [{ type: 'delete' }, { type: 'openJob', jobName: 'x' }]],
    ];
    for (const [name, show, specific] of cases) {
      const panel = await show();
      await panel.whenLoaded?.();
      const before = JSON.stringify((panel as unknown as { model?: unknown }).model);
      await clearRequests();
      // The user would see any dialog or browser tab a message opened: none is scripted, so none may open.
      const opened = await withWindow(async (ui) => {
        for (const message of [...junk, ...specific]) await panel.receive(message);
        return ui.opened.map((u) => u.toString());
      });
      assert.deepStrictEqual(opened, [], `${name}: nothing opened in the browser`);
      // The views' own status polls (List*) may run meanwhile; nothing the messages asked for was sent.
      const acted = (await recordedRequests()).filter((r) => !r.operation.startsWith('List')).map((r) => r.operation);
      assert.deepStrictEqual(acted, [], `${name}: nothing sent to AWS for ${acted.join(', ')}`);
      assert.strictEqual(
        JSON.stringify((panel as unknown as { model?: unknown }).model),
        before,
        `${name}: what the panel shows is unchanged`,
      );
      panel.dispose();
    }
  });
});
