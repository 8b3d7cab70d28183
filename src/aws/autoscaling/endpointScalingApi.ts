// Application Auto Scaling of endpoint variants: one DescribeScalableTargets call for all variants of an
// endpoint, and a variant's policies (every page) when that variant is expanded.
import type { ScalableTarget, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import type { ScalingChoice } from '../../model/autoscalingInput';
import { variantResourceId } from '../../model/endpointVariants';
import type { AwsClients } from '../clients';

export async function describeVariantTargets(
  clients: AwsClients,
  endpointName: string,
  variantNames: readonly string[],
): Promise<ScalableTarget[]> {
  const { DescribeScalableTargetsCommand } = await import('./autoScalingSdk.js');
  if (variantNames.length === 0) return [];
  const autoscaling = await clients.autoscaling();
  const out = await autoscaling.send(
    new DescribeScalableTargetsCommand({
      ServiceNamespace: 'sagemaker',
      ResourceIds: variantNames.map((v) => variantResourceId(endpointName, v)),
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    }),
  );
  return out.ScalableTargets ?? [];
}

/** Every page of the variant's policies (at most 10 a page, the API's limit). */
export async function describeVariantPolicies(clients: AwsClients, resourceId: string): Promise<ScalingPolicy[]> {
  const { paginateDescribeScalingPolicies } = await import('./autoScalingSdk.js');
  const policies: ScalingPolicy[] = [];
  for await (const page of paginateDescribeScalingPolicies(
    { client: await clients.autoscaling(), pageSize: 10 },
    {
      ServiceNamespace: 'sagemaker',
      ResourceId: resourceId,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    },
  ))
    policies.push(...(page.ScalingPolicies ?? []));
  return policies;
}

/** Registers the variant as scalable (min/max) and puts the target-tracking policy on invocations per instance. */
export async function setVariantScaling(
  clients: AwsClients,
  resourceId: string,
  policyName: string,
  c: ScalingChoice,
): Promise<void> {
  const { PutScalingPolicyCommand, RegisterScalableTargetCommand } = await import('./autoScalingSdk.js');
  const client = await clients.autoscaling();
  await client.send(
    new RegisterScalableTargetCommand({
      ServiceNamespace: 'sagemaker',
      ResourceId: resourceId,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      MinCapacity: c.minCapacity,
      MaxCapacity: c.maxCapacity,
    }),
  );
  await client.send(
    new PutScalingPolicyCommand({
      ServiceNamespace: 'sagemaker',
      ResourceId: resourceId,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      PolicyName: policyName,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: c.targetValue,
        PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
        ScaleInCooldown: c.scaleInCooldown,
        ScaleOutCooldown: c.scaleOutCooldown,
      },
    }),
  );
}
