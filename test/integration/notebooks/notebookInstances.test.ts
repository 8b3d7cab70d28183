// The seeds' daily start in the real extension host, run as the Notebook Instances view's menus run it: start
// the lab instance (its lifecycle script pulls the Lab1 notebooks from S3), read its lifecycle log, open
// JupyterLab and Jupyter through presigned URLs that are never logged, stop it, delete it; a start that fails
// names the reason and the lifecycle log's last lines, with a button that opens the log.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { pace } from '../../../src/ui/pace';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';

const LAB = 'ml-pipeline-lab-notebook';
type Outcome = { outcome: string; message?: string };
const operations = async () =>
  (await recordedRequests()).filter((r) => r.service === 'sagemaker').map((r) => r.operation);

/** The instance's node as the view shows it now (read afresh, as after the view refreshed). */
async function instanceNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.notebookInstances;
  provider.refresh();
  return childNamed(provider as unknown as { getChildren(): Promise<ExplorerNode[]> }, name);
}

describe('Notebook instance lifecycle', function () {
  this.timeout(90_000);
  let followSeconds: number;
  before(() => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
  });
  after(() => {
    pace.followSeconds = followSeconds;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    (await host()).views.providers.notebookInstances.refresh();
  });

  it('starts the lab instance, opens JupyterLab and Jupyter without logging the URL, stops and deletes it', async () => {
    const wb = await host();
    const logged: string[] = [];
    const sub = wb.log.onDidLog((e) => logged.push(e.message));
    try {
      const stopped = await instanceNode(LAB);
      assert.strictEqual(
        (await stopped.getTreeItem()).contextValue,
        'resource:notebookInstance:Stopped',
        'the view offers Start',
      );
      await clearRequests();
      await withWindow(async (ui) => {
        const started = await run<Outcome>('startNotebookInstance', stopped);
        assert.deepStrictEqual([started.outcome, started.message], ['done', `${LAB} is InService.`]);
        assert.deepStrictEqual(ui.shown('info'), [`${LAB} is InService.`]);
      });
      const ops = await operations();
      assert.deepStrictEqual(ops.slice(0, 2), ['DescribeNotebookInstance', 'StartNotebookInstance']);
      assert.ok(
        ops.slice(2).every((o) => o === 'DescribeNotebookInstance' || o === 'ListNotebookInstances'),
        ops.join(','),
      );

      const running = await instanceNode(LAB);
      assert.strictEqual(
        (await running.getTreeItem()).contextValue,
        'resource:notebookInstance:InService',
        'the view shows it InService',
      );
      await withWindow(async () => run('openLifecycleLogs', running));
      const log = vscode.window.activeTextEditor!.document;
      assert.strictEqual(log.uri.scheme, 'sagemaker-workbench-logs');
      assert.match(
        log.getText(),
        /ml-pipeline-lab-notebook\/LifecycleConfigOnStart {2}download: s3:\/\/ml-pipeline-bucket\/lab-1\/scripts\/Lab1-data-preparation\.ipynb to \/home\/ec2-user\/SageMaker\/Lab1-data-preparation\.ipynb/,
      );
      assert.match(
        log.getText(),
        /^# \/aws\/sagemaker\/NotebookInstances \(streams ml-pipeline-lab-notebook\/LifecycleConfig\*\)/,
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');

      await withWindow(async (ui) => {
        const lab = await run<Outcome>('openJupyterLab', running);
        assert.deepStrictEqual([lab.outcome, lab.message], ['done', `Opened JupyterLab of ${LAB} in the browser.`]);
        const classic = await run<Outcome>('openJupyter', running);
        assert.deepStrictEqual(
          [classic.outcome, classic.message],
          ['done', `Opened Jupyter of ${LAB} in the browser.`],
        );
        const [labUrl, classicUrl] = ui.opened.map((u) => u.toString(true));
        assert.match(labUrl, /\/notebook\/ml-pipeline-lab-notebook\?authToken=[^&]+&view=lab$/);
        assert.match(classicUrl, /\/notebook\/ml-pipeline-lab-notebook\?authToken=[^&]+$/);
        // Each URL signs the browser in once, into the instance's Jupyter; a second use is refused, as on AWS.
        for (const url of [labUrl, classicUrl]) {
          const first = await fetch(url, { redirect: 'manual' });
          assert.strictEqual(first.status, 302);
          assert.match(first.headers.get('location') ?? '', /\/notebook\/ml-pipeline-lab-notebook\/tree/);
          assert.ok(
            first.headers.getSetCookie().some((c) => c.startsWith('smw-notebook-session=')),
            'the session cookie is set',
          );
          assert.strictEqual((await fetch(url, { redirect: 'manual' })).status, 403, 'the token is single-use');
        }
      });
      assert.ok(!logged.some((line) => line.includes('authToken')), 'the presigned URL is never logged');

      await withWindow(async (ui) => {
        // From the palette, which offers every instance whatever its state.
        ui.onQuickPick('Delete which notebook instance?', (p) => p.pick(LAB));
        const refused = await run<Outcome>('deleteNotebookInstance');
        assert.deepStrictEqual(
          [refused.outcome, refused.message],
          ['refused', `${LAB} is InService; stop it before deleting it.`],
        );
        assert.deepStrictEqual(ui.shown('warning'), [`${LAB} is InService; stop it before deleting it.`]);
      });
      await withWindow(async (ui) => {
        ui.onMessage(`Stop notebook instance ${LAB}?`, 'Stop');
        const result = await run<Outcome>('stopNotebookInstance', running);
        assert.deepStrictEqual([result.outcome, result.message], ['done', `${LAB} is Stopped.`]);
        const [asked] = ui.messages;
        assert.deepStrictEqual(
          [asked.message, asked.modal, asked.level],
          [`Stop notebook instance ${LAB}?`, true, 'warning'],
        );
        assert.match(asked.detail!, /volume \(\/home\/ec2-user\/SageMaker\) is kept/);
      });
      await withWindow(async (ui) => {
        ui.onMessage(`Delete notebook instance ${LAB}?`, 'Delete');
        const deleted = await run<Outcome>('deleteNotebookInstance', await instanceNode(LAB));
        assert.deepStrictEqual([deleted.outcome, deleted.message], ['done', `Deleted ${LAB}.`]);
        assert.match(ui.messages[0].detail!, /^The instance and its 5 GB ML storage volume are deleted/);
        assert.deepStrictEqual(ui.shown('info'), [`Deleted ${LAB}.`]);
      });
      assert.ok((await operations()).includes('DeleteNotebookInstance'));
    } finally {
      sub.dispose();
    }
  });

  it("reports a start that fails with SageMaker's reason and the last lines of the lifecycle log, with a button that opens the log", async () => {
    const failed = await instanceNode('autogluon-experiments');
    assert.strictEqual(
      (await failed.getTreeItem()).contextValue,
      'resource:notebookInstance:Failed',
      'the view offers Start',
    );
    await withWindow(async (ui) => {
      ui.onMessage(/^autogluon-experiments failed to start/, 'Open Lifecycle Log');
      const result = await run<Outcome>('startNotebookInstance', failed);
      assert.strictEqual(result.outcome, 'failed');
      assert.match(
        result.message!,
        /^autogluon-experiments failed to start: Notebook Instance Lifecycle Config '.*autogluon-install-on-start' .* took longer than 5 minutes/,
      );
      assert.match(
        result.message!,
        /Last lines of its lifecycle log:\nLifecycleConfigOnStart: Collecting autogluon\nLifecycleConfigOnStart: autogluon-experiments: lifecycle script OnStart was still running after 5 minutes and was stopped$/,
      );
      const [shown] = ui.messages;
      assert.deepStrictEqual([shown.level, shown.modal, shown.items], ['error', true, ['Open Lifecycle Log']]);
      assert.match(shown.detail!, /^Last lines of its lifecycle log:\n/);
      const log = await until('the lifecycle log to open', () => {
        const document = vscode.window.activeTextEditor?.document;
        return document?.uri.scheme === 'sagemaker-workbench-logs' ? document : undefined;
      });
      assert.match(
        log.getText(),
        /^# \/aws\/sagemaker\/NotebookInstances \(streams autogluon-experiments\/LifecycleConfig\*\)/,
      );
    });
  });

  it('refuses to start an instance that is running, and to stop one that is not', async () => {
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onQuickPick('Start which notebook instance?', (p) => p.pick('FraudDetectionNotebookInstance'));
      ui.onQuickPick('Stop which notebook instance?', (p) => p.pick(LAB));
      assert.deepStrictEqual(await run('startNotebookInstance'), {
        outcome: 'refused',
        message: 'FraudDetectionNotebookInstance is InService; only a Stopped or Failed instance can be started.',
      });
      assert.strictEqual((await run<Outcome>('stopNotebookInstance')).outcome, 'refused');
      assert.deepStrictEqual(ui.shown('warning'), [
        'FraudDetectionNotebookInstance is InService; only a Stopped or Failed instance can be started.',
        `${LAB} is Stopped; only an InService instance can be stopped.`,
      ]);
    });
    // The commands' own calls: the picker lists 100 by name; the view's page and the kernel picker's list, which may
    // refresh meanwhile, ask otherwise.
    const asked = (await recordedRequests()).filter(
      (r) =>
        r.service === 'sagemaker' &&
        (r.operation !== 'ListNotebookInstances' ||
          ((r.input as { MaxResults?: number; SortBy?: string }).MaxResults === 100 &&
            (r.input as { SortBy?: string }).SortBy === 'Name')),
    );
    assert.deepStrictEqual(
      asked.map((r) => r.operation),
      ['ListNotebookInstances', 'DescribeNotebookInstance', 'ListNotebookInstances', 'DescribeNotebookInstance'],
      'nothing but the list and the state was asked',
    );
  });
});
