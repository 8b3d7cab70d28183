import * as assert from 'assert';
import { EvaluationReportError, metricsHeadline, parseEvaluationReport } from '../../../src/model/evaluationReport';

describe('parseEvaluationReport', () => {
  it("reads the seed's regression_metrics form", () => {
    const r = parseEvaluationReport(
      '{"regression_metrics":{"rmse":{"value":1.4838999769750487},"mse":{"value":2.20195914166655}}}',
    );
    assert.strictEqual(r.form, 'regression_metrics');
    assert.deepStrictEqual(
      r.metrics.map((m) => [m.name, m.value, m.computed]),
      [
        ['rmse', 1.4838999769750487, false],
        ['mse', 2.20195914166655, false],
      ],
    );
    assert.strictEqual(metricsHeadline(r), 'rmse 1.484 · mse 2.202');
  });

  it('computes RMSE, MSE, MAE and R² from GroundTruth and Predictions', () => {
    // Residuals 1, -1, 2, 0: squared 6 → MSE 1.5, RMSE √1.5; absolute 4 → MAE 1; mean 10, total 24 → R² 0.75.
    const r = parseEvaluationReport(JSON.stringify({ GroundTruth: [8, 10, 14, 8], Predictions: [7, 11, 12, 8] }));
    const byName = Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
    assert.strictEqual(byName.mse, 1.5);
    assert.strictEqual(byName.rmse, Math.sqrt(1.5));
    assert.strictEqual(byName.mae, 1);
    assert.strictEqual(byName.r2, 0.75);
    assert.deepStrictEqual(r.actual, [8, 10, 14, 8]);
  });

  it('explains what is wrong with a report it cannot use', () => {
    assert.throws(() => parseEvaluationReport('not json'), EvaluationReportError);
    assert.throws(
      () => parseEvaluationReport('{"GroundTruth":[1,2],"Predictions":[1]}'),
      /2 values but Predictions has 1/,
    );
    assert.throws(() => parseEvaluationReport('{"accuracy":0.9}'), /neither regression_metrics nor GroundTruth/);
    const constant = parseEvaluationReport('{"GroundTruth":[3,3],"Predictions":[3,4]}');
    assert.ok(!constant.metrics.some((m) => m.name === 'r2'), 'R² is left out when the truth has no variance');
  });
});
