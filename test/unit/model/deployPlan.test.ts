import * as assert from 'assert';
import {
  computeText,
  deployPlanProblem,
  deploymentNames,
  resourceNameProblem,
  suggestEndpointName,
  type DeployPlan,
} from '../../../src/model/deployPlan';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const plan = (over: Partial<DeployPlan> = {}): DeployPlan => ({
  endpointName: 'abalone-v4-endpoint',
  compute: { kind: 'instances', instanceType: 'ml.m5.large', count: 1 },
  dataCapture: false,
  roleArn: ROLE,
  ...over,
});

describe('deploy plan', () => {
  it("accepts the seeds' deployments: one ml.m5.large, or serverless", () => {
    assert.strictEqual(deployPlanProblem(plan()), undefined);
    assert.strictEqual(
      deployPlanProblem(plan({ compute: { kind: 'serverless', memoryMb: 2048, maxConcurrency: 5 } })),
      undefined,
    );
    assert.strictEqual(computeText(plan().compute), '1 × ml.m5.large');
  });

  it('refuses what SageMaker would refuse, saying why', () => {
    assert.match(
      deployPlanProblem(plan({ compute: { kind: 'instances', instanceType: 'ml.m5.large', count: 0 } }))!,
      /at least 1 instance/,
    );
    assert.match(
      deployPlanProblem(plan({ endpointName: 'abalone_endpoint' }))!,
      /letters, digits and single or repeated hyphens/,
    );
    assert.match(deployPlanProblem(plan({ endpointName: 'a'.repeat(64) }))!, /at most 63 characters \(64 now\)/);
    assert.match(
      deployPlanProblem(plan({ compute: { kind: 'instances', instanceType: 'm5.large', count: 1 } }))!,
      /not a SageMaker instance type/,
    );
    assert.match(
      deployPlanProblem(plan({ compute: { kind: 'serverless', memoryMb: 1500, maxConcurrency: 5 } }))!,
      /one of 1024, 2048/,
    );
    assert.strictEqual(
      deployPlanProblem(
        plan({ compute: { kind: 'serverless', memoryMb: 2048, maxConcurrency: 5 }, dataCapture: true }),
      ),
      'Data capture is not available on serverless endpoints',
    );
    assert.match(deployPlanProblem(plan({ roleArn: 'AmazonSageMaker-ExecutionRole' }))!, /IAM role ARN/);
    assert.match(resourceNameProblem('', 'A model package group name')!, /A model package group name is required/);
  });

  it('names what a deployment creates uniquely and within 63 characters', () => {
    const names = deploymentNames('abalone-endpoint', new Date('2026-11-25T03:04:05Z'));
    assert.deepStrictEqual(names, {
      model: 'abalone-endpoint-20261125030405',
      config: 'abalone-endpoint-20261125030405',
    });
    assert.ok(deploymentNames('x'.repeat(63), new Date()).model.length <= 63);
    assert.strictEqual(suggestEndpointName('AbalonePackageGroup v4'), 'abalonepackagegroup-v4-endpoint');
    assert.strictEqual(
      resourceNameProblem(
        suggestEndpointName('abalone-v0-WeightedEnsemble-L3-FULL-t1 with a very long candidate name indeed'),
      ),
      undefined,
    );
  });
});
