import * as assert from 'assert';
import { stageRuns } from '../../../src/model/stageDurations';

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 10, minutes));

describe('stageRuns', () => {
  it('groups actions by stage in run order, with the stage lasting from first start to last update', () => {
    const runs = stageRuns([
      { stageName: 'Build', actionName: 'Train', status: 'Succeeded', startTime: t(15), lastUpdateTime: t(25) },
      { stageName: 'Source', actionName: 'MainSource', status: 'Succeeded', startTime: t(0), lastUpdateTime: t(1) },
      { stageName: 'Build', actionName: 'Preprocess', status: 'Succeeded', startTime: t(5), lastUpdateTime: t(15) },
      {
        stageName: 'Approval',
        actionName: 'EvaluationApproval',
        status: 'InProgress',
        startTime: t(30),
        lastUpdateTime: t(90),
      },
    ]);
    assert.deepStrictEqual(
      runs.map((r) => [r.stageName, r.status, r.durationMs! / 60_000]),
      [
        ['Source', 'Succeeded', 1],
        ['Build', 'Succeeded', 20],
        ['Approval', 'InProgress', 60],
      ],
    );
    assert.deepStrictEqual(
      runs[1].actions.map((a) => a.actionName),
      ['Preprocess', 'Train'],
    );
  });

  it('reports a stage failed when any of its actions failed', () => {
    const [build] = stageRuns([
      { stageName: 'Build', actionName: 'Preprocess', status: 'Succeeded', startTime: t(0), lastUpdateTime: t(5) },
      { stageName: 'Build', actionName: 'Train', status: 'Failed', startTime: t(5), lastUpdateTime: t(6) },
    ]);
    assert.strictEqual(build.status, 'Failed');
  });
});
