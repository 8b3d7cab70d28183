// The AutoGluon results of the seeded abalone run in the real extension host, opened from the Training Jobs
// view's node: Leaderboard.csv and Model_Evaluation.txt read out of model.tar.gz by streaming it, the best
// model first.
import * as assert from 'assert';
import type { AutoGluonPanel } from '../../../src/webviews/autoGluon/autoGluonPanel';
import { trainingJobNode } from '../support/answers/training';
import { run } from '../support/testWindow';

async function results(jobName: string): Promise<AutoGluonPanel> {
  const panel = await run<AutoGluonPanel>('openAutoGluonResults', await trainingJobNode(jobName));
  await panel.whenLoaded();
  return panel;
}

describe('AutoGluon results of a training job', function () {
  this.timeout(60_000);

  it("reads the seed's leaderboard and evaluation out of model.tar.gz", async () => {
    const panel = await results('abalone-autogluon-2021-07-05-18-03-21-457');
    const m = panel.model!;
    assert.strictEqual(m.notice, undefined, m.notice?.text);
    assert.strictEqual(m.rows.length, 14);
    assert.deepStrictEqual(
      [m.rows[0].model, m.rows[0].scoreVal, m.rows[0].best],
      ['WeightedEnsemble_L2', 0.307229, true],
    );
    assert.deepStrictEqual(
      m.evaluation.map((e) => e.name),
      ['accuracy', 'balanced_accuracy', 'mcc'],
    );
    assert.ok(m.bytesRead! > 0 && m.bytesRead! <= m.objectBytes!, `${m.bytesRead} of ${m.objectBytes}`);
    assert.match(panel.html, /default-src 'none'/);
    panel.dispose();
  });

  it('says why when a job has no AutoGluon files, or failed', async () => {
    const xgboost = await results('hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a');
    assert.match(
      xgboost.model!.notice!.text,
      /^Leaderboard\.csv and Model_Evaluation\.txt are not in s3:\/\/.*model\.tar\.gz \(is this an AutoGluon job/,
    );
    xgboost.dispose();
    // The view offers the leaderboard on completed jobs; a job's panel asks for it by name whatever its status.
    const failed = await run<AutoGluonPanel>('openAutoGluonResults', 'abalone-autogluon-2021-07-04-16-40-02-815');
    await failed.whenLoaded();
    assert.match(failed.model!.notice!.text, /is Failed; its leaderboard is in model\.tar\.gz once it completes/);
    failed.dispose();
  });
});
