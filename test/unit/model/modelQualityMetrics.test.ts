import * as assert from 'assert';
import { parseQualityMetrics, parseQualityMetricsText, parseS3Uri } from '../../../src/model/modelQualityMetrics';

describe('model quality metrics', () => {
  it('reads regression metrics with their standard deviation', () => {
    const metrics = parseQualityMetrics({
      regression_metrics: {
        mse: { value: 3.962805844773531, standard_deviation: 1.9735496251506863 },
        rmse: { value: 1.990679744402281, standard_deviation: 1.9735496251506863 },
        r2: { value: 0.61 },
      },
    });
    assert.deepStrictEqual(metrics, [
      { family: 'regression', name: 'mse', value: 3.962805844773531, standardDeviation: 1.9735496251506863 },
      { family: 'regression', name: 'rmse', value: 1.990679744402281, standardDeviation: 1.9735496251506863 },
      { family: 'regression', name: 'r2', value: 0.61 },
    ]);
  });

  it('reads classification metrics and skips curves and confusion matrices', () => {
    const metrics = parseQualityMetrics({
      version: 0.0,
      binary_classification_metrics: {
        confusion_matrix: { '0': { '0': 10, '1': 2 }, '1': { '0': 1, '1': 12 } },
        accuracy: { value: 0.88, standard_deviation: 0.01 },
        auc: { value: '0.93' },
        receiver_operating_characteristic_curve: { false_positive_rates: [0, 1], true_positive_rates: [0, 1] },
      },
    });
    assert.deepStrictEqual(
      metrics.map((m) => `${m.family}:${m.name}=${m.value}`),
      ['binary_classification:accuracy=0.88', 'binary_classification:auc=0.93'],
    );
    const multi = parseQualityMetrics({ multiclass_classification_metrics: { weighted_f1: { value: 0.7 } } });
    assert.deepStrictEqual(multi, [{ family: 'multiclass_classification', name: 'weighted_f1', value: 0.7 }]);
  });

  it('finds nothing in documents of another shape', () => {
    assert.deepStrictEqual(parseQualityMetrics(null), []);
    assert.deepStrictEqual(parseQualityMetrics([1, 2]), []);
    assert.deepStrictEqual(parseQualityMetrics({ regression_metrics: { mse: { value: 'n/a' } } }), []);
  });

  it('reports a statistics object that is not JSON', () => {
    assert.throws(() => parseQualityMetricsText('<html>'), /not JSON/);
    assert.strictEqual(parseQualityMetricsText('{"regression_metrics":{"rmse":{"value":1.48}}}')[0].value, 1.48);
  });

  it('splits S3 URIs into bucket and key', () => {
    assert.deepStrictEqual(parseS3Uri('s3://sagemaker-us-east-1-123456789012/abalone/evaluation/evaluation.json'), {
      bucket: 'sagemaker-us-east-1-123456789012',
      key: 'abalone/evaluation/evaluation.json',
    });
    assert.strictEqual(parseS3Uri('https://example.com/x'), undefined);
    assert.strictEqual(parseS3Uri('s3://bucket-only'), undefined);
  });
});
