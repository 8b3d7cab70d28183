// The seeds' daily start in the real extension host: start the lab instance (its lifecycle script pulls the
// Lab1 notebooks from S3), open JupyterLab through a presigned URL that is never logged, stop it, delete it;
// a start that fails names the reason and the lifecycle log's last lines.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { workbench } from '../support/workbench';

const LAB = 'ml-pipeline-lab-notebook';
const confirmAll = (seen: string[] = []) => ({ confirm: async (question: string, detail: string) => (seen.push(question, detail), true) });
const operations = async () => (await recordedRequests()).filter((r) => r.service === 'sagemaker').map((r) => r.operation);

describe('Notebook instance lifecycle', function () {
  this.timeout(90_000);
  before(async () => {
    (await workbench()).notebooks.context.pollSeconds = 1;
  });
  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.notebookInstances.refresh();
  });

  it('starts the lab instance, opens JupyterLab without logging the URL, stops and deletes it', async () => {
    const api = await workbench();
    const logged: string[] = [];
    const sub = api.log.onDidLog((e) => logged.push(e.message));
    const opened: vscode.Uri[] = [];
    const original = api.notebooks.context.openExternal;
    api.notebooks.context.openExternal = async (url) => (opened.push(url), true);
    try {
      await clearRequests();
      const started = await api.notebooks.start(LAB);
      assert.deepStrictEqual([started.outcome, started.message], ['done', `${LAB} is InService.`]);
      const ops = await operations();
      assert.deepStrictEqual(ops.slice(0, 2), ['DescribeNotebookInstance', 'StartNotebookInstance']);
      assert.ok(ops.slice(2).every((o) => o === 'DescribeNotebookInstance'), ops.join(','));

      const log = await api.hosting.logs.open('/aws/sagemaker/NotebookInstances', `${LAB}/LifecycleConfig`);
      assert.match(log.getText(), /ml-pipeline-lab-notebook\/LifecycleConfigOnStart {2}download: s3:\/\/ml-pipeline-bucket\/lab-1\/scripts\/Lab1-data-preparation\.ipynb to \/home\/ec2-user\/SageMaker\/Lab1-data-preparation\.ipynb/);
      assert.match(log.getText(), /^# \/aws\/sagemaker\/NotebookInstances \(streams ml-pipeline-lab-notebook\/LifecycleConfig\*\)/);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');

      const lab = await api.notebooks.open(LAB, 'lab');
      assert.strictEqual(lab.outcome, 'done', lab.message);
      const url = opened[0].toString(true);
      assert.match(url, /\/notebook\/ml-pipeline-lab-notebook\?authToken=[^&]+&view=lab$/);
      const page = await (await fetch(url)).text();
      assert.match(page, /<h1>JupyterLab<\/h1>/);
      assert.ok(!logged.some((line) => line.includes('authToken')), 'the presigned URL is never logged');

      const refused = await api.notebooks.delete(LAB, confirmAll());
      assert.deepStrictEqual([refused.outcome, refused.message], ['refused', `${LAB} is InService; stop it before deleting it.`]);
      const seen: string[] = [];
      const stopped = await api.notebooks.stop(LAB, confirmAll(seen));
      assert.deepStrictEqual([stopped.outcome, seen[0]], ['done', `Stop notebook instance ${LAB}?`]);
      assert.match(seen[1], /volume \(\/home\/ec2-user\/SageMaker\) is kept/);
      const deleted = await api.notebooks.delete(LAB, confirmAll(seen));
      assert.deepStrictEqual([deleted.outcome, deleted.message], ['done', `Deleted ${LAB}.`]);
      assert.match(seen[3], /^The instance and its 5 GB ML storage volume are deleted/);
    } finally {
      sub.dispose();
      api.notebooks.context.openExternal = original;
    }
  });

  it('reports a start that fails with SageMaker\'s reason and the last lines of the lifecycle log', async () => {
    const api = await workbench();
    const result = await api.notebooks.start('autogluon-experiments');
    assert.strictEqual(result.outcome, 'failed');
    assert.match(result.message!, /^autogluon-experiments failed to start: Notebook Instance Lifecycle Config '.*autogluon-install-on-start' .* took longer than 5 minutes/);
    assert.match(result.message!, /Last lines of its lifecycle log:\nLifecycleConfigOnStart: Collecting autogluon\nLifecycleConfigOnStart: autogluon-experiments: lifecycle script OnStart was still running after 5 minutes and was stopped$/);
  });

  it('refuses to start an instance that is running, and to stop one that is not', async () => {
    const api = await workbench();
    await clearRequests();
    assert.deepStrictEqual(await api.notebooks.start('FraudDetectionNotebookInstance'), { outcome: 'refused', message: 'FraudDetectionNotebookInstance is InService; only a Stopped or Failed instance can be started.' });
    assert.strictEqual((await api.notebooks.stop(LAB, confirmAll())).outcome, 'refused');
    assert.deepStrictEqual(await operations(), ['DescribeNotebookInstance', 'DescribeNotebookInstance'], 'nothing but the state was asked');
  });
});
