// Application Auto Scaling for SageMaker endpoint variants: scalable targets (min/max instance count) and
// scaling policies, seeded with the CMAPSS endpoint's Invocations-ScalingPolicy of seed 002.
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';

interface ScalableTarget {
  ResourceId: string;
  ScalableDimension: string;
  MinCapacity: number;
  MaxCapacity: number;
  RoleARN: string;
  CreationTime: Date;
}

interface ScalingPolicy {
  PolicyName: string;
  ResourceId: string;
  ScalableDimension: string;
  PolicyType: string;
  TargetTrackingScalingPolicyConfiguration?: Record<string, unknown>;
  StepScalingPolicyConfiguration?: Record<string, unknown>;
  CreationTime: Date;
}

interface Scaling {
  targets: Map<string, ScalableTarget>;
  policies: Map<string, ScalingPolicy>;
}

const NAMESPACE = 'sagemaker';
const DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

function scaling(world: World): Scaling {
  return world.state('autoscaling', () => ({ targets: new Map(), policies: new Map() }));
}

/**
 * The range the API reference gives MaxResults in prose ("This value can be between 1 and N"), which the
 * model leaves out, refused in the words of AWS's validation errors.
 */
function maxResultsAtMost(value: unknown, max: number): void {
  if (typeof value !== 'number') return;
  if (value < 1)
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1`,
    );
  if (value > max)
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
}

const targetKey = (resourceId: string, dimension: string) => `${resourceId}|${dimension}`;

function handlers(world: World): Record<string, OperationHandler> {
  const s = scaling(world);
  const policyArn = (p: ScalingPolicy, region: string) =>
    `arn:aws:autoscaling:${region}:${world.accountId}:scalingPolicy:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0:resource/${NAMESPACE}/${p.ResourceId}:policyName/${p.PolicyName}`;
  const onlySageMaker = (namespace: string) => {
    if (namespace !== NAMESPACE)
      throw new AwsError('ValidationException', `This emulator scales SageMaker variants only, not ${namespace}`);
  };
  return {
    RegisterScalableTarget: (input) => {
      onlySageMaker(input.ServiceNamespace);
      const key = targetKey(input.ResourceId, input.ScalableDimension);
      const existing = s.targets.get(key);
      const min = input.MinCapacity ?? existing?.MinCapacity;
      const max = input.MaxCapacity ?? existing?.MaxCapacity;
      if (min === undefined || max === undefined)
        throw new AwsError(
          'ValidationException',
          'MinCapacity and MaxCapacity are required when registering a new scalable target',
        );
      if (min > max)
        throw new AwsError(
          'ValidationException',
          `Minimum capacity ${min} cannot be greater than maximum capacity ${max}`,
        );
      s.targets.set(key, {
        ResourceId: input.ResourceId,
        ScalableDimension: input.ScalableDimension,
        MinCapacity: min,
        MaxCapacity: max,
        RoleARN:
          input.RoleARN ??
          `arn:aws:iam::${world.accountId}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
        CreationTime: existing?.CreationTime ?? new Date(world.clock.now()),
      });
      return {};
    },
    DescribeScalableTargets: (input) => {
      onlySageMaker(input.ServiceNamespace);
      // "This value can be between 1 and 50. The default value is 50." (the model itself sets no range).
      maxResultsAtMost(input.MaxResults, 50);
      const ids: string[] | undefined = input.ResourceIds;
      const all = [...s.targets.values()].filter(
        (t) =>
          (!ids || ids.includes(t.ResourceId)) &&
          (!input.ScalableDimension || t.ScalableDimension === input.ScalableDimension),
      );
      const { items, NextToken } = page(all, input.NextToken, input.MaxResults, 50);
      return { ScalableTargets: items.map((t) => ({ ServiceNamespace: NAMESPACE, ...t })), NextToken };
    },
    DeregisterScalableTarget: (input) => {
      onlySageMaker(input.ServiceNamespace);
      if (!s.targets.delete(targetKey(input.ResourceId, input.ScalableDimension)))
        throw new AwsError(
          'ObjectNotFoundException',
          `No scalable target registered for service namespace: sagemaker, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}`,
        );
      for (const [key, p] of s.policies) if (p.ResourceId === input.ResourceId) s.policies.delete(key);
      return {};
    },
    PutScalingPolicy: (input, ctx) => {
      onlySageMaker(input.ServiceNamespace);
      if (!s.targets.has(targetKey(input.ResourceId, input.ScalableDimension)))
        throw new AwsError(
          'ObjectNotFoundException',
          `No scalable target registered for service namespace: sagemaker, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}`,
        );
      const policy: ScalingPolicy = {
        PolicyName: input.PolicyName,
        ResourceId: input.ResourceId,
        ScalableDimension: input.ScalableDimension,
        PolicyType: input.PolicyType ?? 'StepScaling',
        TargetTrackingScalingPolicyConfiguration: input.TargetTrackingScalingPolicyConfiguration,
        StepScalingPolicyConfiguration: input.StepScalingPolicyConfiguration,
        CreationTime: new Date(world.clock.now()),
      };
      s.policies.set(`${input.ResourceId}|${input.PolicyName}`, policy);
      return { PolicyARN: policyArn(policy, ctx.region), Alarms: [] };
    },
    DescribeScalingPolicies: (input, ctx) => {
      onlySageMaker(input.ServiceNamespace);
      // "This value can be between 1 and 10. The default value is 10."
      maxResultsAtMost(input.MaxResults, 10);
      const names: string[] | undefined = input.PolicyNames;
      const all = [...s.policies.values()].filter(
        (p) => (!input.ResourceId || p.ResourceId === input.ResourceId) && (!names || names.includes(p.PolicyName)),
      );
      const { items, NextToken } = page(all, input.NextToken, input.MaxResults, 10);
      return {
        ScalingPolicies: items.map((p) => ({
          PolicyARN: policyArn(p, ctx.region),
          ServiceNamespace: NAMESPACE,
          ...p,
          Alarms: [],
        })),
        NextToken,
      };
    },
    DeleteScalingPolicy: (input) => {
      onlySageMaker(input.ServiceNamespace);
      if (!s.policies.delete(`${input.ResourceId}|${input.PolicyName}`))
        throw new AwsError(
          'ObjectNotFoundException',
          `No scaling policy found for service namespace: sagemaker, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}, policy name: ${input.PolicyName}`,
        );
      return {};
    },
  };
}

function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const s = scaling(world);
  const created = new Date(world.clock.now() - 39 * 86_400_000);
  const resourceId = 'endpoint/cmapss-XGBoostEndpoint-2021-01-07-16-30-12/variant/AllTraffic';
  s.targets.set(targetKey(resourceId, DIMENSION), {
    ResourceId: resourceId,
    ScalableDimension: DIMENSION,
    MinCapacity: 1,
    MaxCapacity: 5,
    CreationTime: created,
    RoleARN: `arn:aws:iam::${world.accountId}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
  });
  s.policies.set(`${resourceId}|Invocations-ScalingPolicy`, {
    PolicyName: 'Invocations-ScalingPolicy',
    ResourceId: resourceId,
    ScalableDimension: DIMENSION,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 10.0,
      PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
      ScaleInCooldown: 600,
      ScaleOutCooldown: 300,
    },
    CreationTime: created,
  });
}

export const autoScalingModule: ServiceModule = {
  name: 'application auto scaling',
  handlers: (world) => ({ 'application-autoscaling': handlers(world) }),
  seed,
};
