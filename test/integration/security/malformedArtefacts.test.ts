// Malformed data from S3 gets a clear message in the panel, never a blank panel or a crash: a truncated
// model.tar.gz, a Leaderboard.csv without the columns AutoGluon writes, a huge evaluation value. The panel is
// opened by Open AutoGluon Leaderboard on the job's node in the Training Jobs view.
import * as assert from 'assert';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { pack } from 'tar-stream';
import * as vscode from 'vscode';
import type { AutoGluonPanel } from '../../../src/webviews/autoGluon/autoGluonPanel';
import { trainingJobNode } from '../support/answers/training';
import { resetEmulator } from '../support/emulatorControl';
import { run } from '../support/testWindow';
import { host } from '../support/workbench';

const JOB = 'abalone-autogluon-2021-07-05-18-03-21-457';
const BUCKET = 'sagemaker-us-east-1-123456789012';
const KEY = `${JOB}/${JOB}/output/model.tar.gz`;

async function tarGz(files: Record<string, string>): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  for (const [name, content] of Object.entries(files)) tar.entry({ name }, content);
  tar.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

describe('Malformed artefacts', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
  });

  async function put(body: Buffer): Promise<void> {
    await (
      await (await host()).session.clients.s3()
    ).send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: body }));
  }

  async function open(): Promise<AutoGluonPanel> {
    const panel = await run<AutoGluonPanel>('openAutoGluonResults', await trainingJobNode(JOB));
    await panel.whenLoaded();
    return panel;
  }

  it('says a truncated model.tar.gz cannot be read', async () => {
    const whole = await tarGz({
      'Leaderboard.csv': ',model,score_val\n0,XGBoost,0.3\n',
      'Model_Evaluation.txt': '{"accuracy": 0.2}',
    });
    await put(whole.subarray(0, Math.floor(whole.length / 2)));
    const panel = await open();
    assert.strictEqual(panel.model?.notice?.kind, 'error');
    assert.match(
      panel.model!.notice!.text,
      new RegExp(`^s3://${BUCKET}/${KEY.replace(/[.]/g, '\\.')} is not a readable model\\.tar\\.gz: `),
    );
    assert.deepStrictEqual(panel.model!.rows, []);
    panel.dispose();
  });

  it('names the missing column of a Leaderboard.csv and still shows the evaluation', async () => {
    await put(
      await tarGz({
        'Leaderboard.csv': 'name,accuracy\nXGBoost,0.3\n',
        'Model_Evaluation.txt': `{"accuracy": 0.2297, "note": "${'x'.repeat(100_000)}"}`,
      }),
    );
    const panel = await open();
    assert.strictEqual(panel.model?.notice?.kind, 'warning');
    assert.match(panel.model!.notice!.text, /no "model" column \(columns: name, accuracy\)/);
    assert.deepStrictEqual(
      panel.model!.evaluation,
      [{ name: 'accuracy', value: 0.2297 }],
      'the huge text value is not a metric and is left out',
    );
    panel.dispose();
  });

  it('says when Model_Evaluation.txt is not JSON', async () => {
    await put(
      await tarGz({
        'Leaderboard.csv': ',model,score_test,score_val\n0,XGBoost,0.2,0.3\n',
        'Model_Evaluation.txt': 'accuracy: 0.2297',
      }),
    );
    const panel = await open();
    assert.match(panel.model!.notice!.text, /^Model_Evaluation\.txt is not JSON: /);
    assert.strictEqual(panel.model!.rows[0].model, 'XGBoost');
    panel.dispose();
  });
});
