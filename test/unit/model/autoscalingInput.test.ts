import * as assert from 'assert';
import { DEFAULT_SCALING, scalingProblem, scalingSummary } from '../../../src/model/autoscalingInput';

describe('autoscaling input', () => {
  it("accepts seed 002's policy", () => {
    assert.strictEqual(scalingProblem('minCapacity', '1', {}), undefined);
    assert.strictEqual(scalingProblem('maxCapacity', '5', { minCapacity: 1 }), undefined);
    assert.strictEqual(scalingProblem('targetValue', '10.0', {}), undefined);
    assert.strictEqual(
      scalingSummary(DEFAULT_SCALING),
      '1–5 instances, target 10 invocations per instance per minute, cooldowns 600 s in / 300 s out',
    );
  });

  it('says what is wrong with a bound', () => {
    assert.match(scalingProblem('minCapacity', '0', {}) ?? '', /at least 1 instance/);
    assert.match(scalingProblem('maxCapacity', '2', { minCapacity: 3 }) ?? '', /at least the minimum \(3\)/);
    assert.match(scalingProblem('targetValue', '-1', {}) ?? '', /> 0/);
    assert.match(scalingProblem('scaleInCooldown', '1.5', {}) ?? '', /whole seconds/);
    assert.match(scalingProblem('maxCapacity', 'five', {}) ?? '', /Enter a number/);
  });
});
