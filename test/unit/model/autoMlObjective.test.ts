import * as assert from 'assert';
import fc from 'fast-check';
import { assertProperty } from '../../support/reliabilityTally';
import {
  candidateSortOrder,
  formatMetricValue,
  objectiveType,
  sortCandidates,
} from '../../../src/model/autoMlObjective';

describe('Autopilot objective direction', () => {
  it('lists error metrics ascending and scores descending', () => {
    for (const metric of ['MSE', 'RMSE', 'MAE', 'MAPE', 'WAPE', 'AverageWeightedQuantileLoss']) {
      assert.strictEqual(candidateSortOrder(metric), 'Ascending', metric);
    }
    for (const metric of ['Accuracy', 'F1', 'F1macro', 'AUC', 'R2', 'BalancedAccuracy', 'Precision', 'RecallMacro']) {
      assert.strictEqual(candidateSortOrder(metric), 'Descending', metric);
    }
  });

  it('reads metric names the way Autopilot writes them in candidate records', () => {
    assert.strictEqual(objectiveType('validation:rmse'), 'Minimize');
    assert.strictEqual(objectiveType('validation:accuracy'), 'Maximize');
    assert.strictEqual(objectiveType('f1_macro'), 'Maximize');
  });

  it('falls back to the type the candidate reports for an unknown metric', () => {
    assert.strictEqual(objectiveType('CustomLoss', 'Minimize'), 'Minimize');
    assert.strictEqual(objectiveType(undefined, 'Minimize'), 'Minimize');
    assert.strictEqual(objectiveType(undefined), 'Maximize');
    // A known name wins over a contradicting report.
    assert.strictEqual(objectiveType('MSE', 'Maximize'), 'Minimize');
  });
});

describe('sortCandidates', () => {
  const c = (name: string, value?: number) => ({ name, value });

  it('puts the lowest MSE first and the highest accuracy first', () => {
    const list = [c('b', 4.1), c('a', 2.2), c('c', 9)];
    assert.deepStrictEqual(
      sortCandidates(list, 'Minimize').map((x) => x.name),
      ['a', 'b', 'c'],
    );
    assert.deepStrictEqual(
      sortCandidates(list, 'Maximize').map((x) => x.name),
      ['c', 'b', 'a'],
    );
  });

  it('lists unscored candidates last and breaks ties by name', () => {
    const list = [c('z'), c('y', 1), c('x', 1), c('w', Number.NaN)];
    assert.deepStrictEqual(
      sortCandidates(list, 'Maximize').map((x) => x.name),
      ['x', 'y', 'w', 'z'],
    );
  });

  it('always yields a best-first order (property)', () => {
    assertProperty(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 })), fc.boolean(), (values, minimize) => {
        const sorted = sortCandidates(
          values.map((v, i) => c(`c${i}`, v)),
          minimize ? 'Minimize' : 'Maximize',
        );
        for (let i = 1; i < sorted.length; i++) {
          const [prev, next] = [sorted[i - 1].value ?? 0, sorted[i].value ?? 0];
          assert.ok(minimize ? prev <= next : prev >= next);
        }
        assert.strictEqual(sorted.length, values.length);
      }),
    );
  });
});

describe('formatMetricValue', () => {
  it('keeps four significant digits', () => {
    assert.strictEqual(formatMetricValue(0.913245), '0.9132');
    assert.strictEqual(formatMetricValue(2.20195914166655), '2.202');
    assert.strictEqual(formatMetricValue(1234), '1234');
    assert.strictEqual(formatMetricValue(0.00001234), '1.234e-5');
    assert.strictEqual(formatMetricValue(undefined), '—');
  });
});
