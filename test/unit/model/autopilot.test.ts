import * as assert from 'assert';
import { autoMlPlanProblem, jobNameProblem, type AutoMlPlan } from '../../../src/model/autoMlPlan';
import { globalShapValues } from '../../../src/model/explainability';
import {
  algorithmOf,
  leaderboardCsv,
  leaderboardRows,
  metricColumns,
  objectiveIsMaximized,
  type AutoMLCandidate,
} from '../../../src/model/leaderboard';

const plan = (over: Partial<AutoMlPlan> = {}): AutoMlPlan => ({
  jobName: 'abalone-v3',
  inputS3Uri: 's3://sagemaker-us-east-1-123456789012/abalone-v1/input/',
  target: 'rings',
  problemType: 'Regression',
  objective: 'MSE',
  mode: 'ENSEMBLING',
  outputS3Uri: 's3://sagemaker-us-east-1-123456789012/abalone-v3/output',
  roleArn: 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715',
  autoDeploy: false,
  ...over,
});

const candidate = (
  name: string,
  value: number,
  metrics: Record<string, number>,
  image = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.3-1-cpu-py3',
): AutoMLCandidate => ({
  CandidateName: name,
  CandidateStatus: 'Completed',
  FinalAutoMLJobObjectiveMetric: { MetricName: 'MSE', Value: value },
  CandidateProperties: {
    CandidateMetrics: Object.entries(metrics).map(([k, v]) => ({ StandardMetricName: k, Value: v })),
  },
  InferenceContainers: [
    { Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-sklearn-automl:2.5-1-cpu-py3' },
    { Image: image },
  ],
  CreationTime: new Date('2026-11-25T00:00:00Z'),
  EndTime: new Date('2026-11-25T00:25:00Z'),
});

describe('Autopilot plans and leaderboard', () => {
  it('checks a plan as CreateAutoMLJobV2 would', () => {
    assert.strictEqual(autoMlPlanProblem(plan(), ['sex', 'length', 'rings']), undefined);
    assert.match(jobNameProblem('abalone-autopilot-experiment-2026-11')!, /at most 32 characters \(36 now\)/);
    assert.match(jobNameProblem('abalone_v3')!, /letters, digits and hyphens/);
    assert.match(
      autoMlPlanProblem(plan({ target: 'Rings' }), ['sex', 'rings'])!,
      /no column "Rings"; columns: sex, rings/,
    );
    assert.match(
      autoMlPlanProblem(plan({ objective: 'Accuracy' }))!,
      /Accuracy is not an objective for Regression; use one of MSE/,
    );
    assert.match(autoMlPlanProblem(plan({ maxCandidates: 0 }))!, /from 1 to 750/);
    assert.match(autoMlPlanProblem(plan({ inputS3Uri: 'abalone.csv' }))!, /^The training data must be an S3 location/);
    assert.match(autoMlPlanProblem(plan({ problemType: 'auto', objective: 'MSE' }))!, /Choose the problem type/);
  });

  it('ranks by the objective in its direction, lists every metric, names the algorithm', () => {
    const rows = leaderboardRows(
      [
        candidate('a', 4.9, { MSE: 4.9, RMSE: 2.21 }),
        candidate(
          'b',
          4.4,
          { MSE: 4.4, RMSE: 2.1, R2: 0.57 },
          '763104351884.dkr.ecr.us-east-1.amazonaws.com/autogluon-inference:0.4-cpu-py38',
        ),
      ],
      false,
    );
    assert.deepStrictEqual(
      rows.map((r) => [r.rank, r.name, r.best]),
      [
        [1, 'b', true],
        [2, 'a', false],
      ],
    );
    assert.strictEqual(rows[0].algorithm, 'autogluon');
    assert.strictEqual(rows[1].algorithm, 'xgboost', 'the data transformer is not the algorithm');
    assert.strictEqual(rows[0].trainingSeconds, 1500);
    assert.deepStrictEqual(metricColumns(rows, 'MSE'), ['MSE', 'RMSE', 'R2']);
    assert.strictEqual(objectiveIsMaximized('Accuracy'), true);
    assert.strictEqual(objectiveIsMaximized('MSE'), false);
    assert.strictEqual(algorithmOf({}), 'unknown');
    assert.strictEqual(
      leaderboardCsv(rows, ['MSE', 'RMSE', 'R2']).split('\n')[1],
      '1,b,Completed,4.4,2.1,0.57,autogluon,1500,2026-11-25T00:00:00.000Z',
    );
  });

  it('reads feature importance from a Clarify analysis, averaging labels, largest first', () => {
    const analysis = JSON.stringify({
      explanations: {
        kernel_shap: {
          label0: { global_shap_values: { shell_weight: 1.8, sex: -0.4 } },
          label1: { global_shap_values: { shell_weight: 1.0, sex: 0.2 } },
        },
      },
    });
    assert.deepStrictEqual(globalShapValues(analysis), [
      { feature: 'shell_weight', value: 1.4 },
      { feature: 'sex', value: 0.30000000000000004 },
    ]);
    assert.throws(() => globalShapValues('{"version":"1.0"}'), /no explanations\.kernel_shap section/);
  });
});
