// Application Auto Scaling of endpoint variants: one DescribeScalableTargets call for all variants of an
// endpoint, and a variant's policies when that variant is expanded.
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  type ScalableTarget,
  type ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import type { AwsClients } from '../clients';

/** How Application Auto Scaling names a SageMaker variant. */
export function variantResourceId(endpointName: string, variantName: string): string {
  return `endpoint/${endpointName}/variant/${variantName}`;
}

export async function describeVariantTargets(clients: AwsClients, endpointName: string, variantNames: readonly string[]): Promise<ScalableTarget[]> {
  if (variantNames.length === 0) return [];
  const out = await clients.autoscaling().send(new DescribeScalableTargetsCommand({
    ServiceNamespace: 'sagemaker',
    ResourceIds: variantNames.map((v) => variantResourceId(endpointName, v)),
    ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
  }));
  return out.ScalableTargets ?? [];
}

export async function describeVariantPolicies(clients: AwsClients, resourceId: string): Promise<ScalingPolicy[]> {
  const out = await clients.autoscaling().send(new DescribeScalingPoliciesCommand({
    ServiceNamespace: 'sagemaker',
    ResourceId: resourceId,
    ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
  }));
  return out.ScalingPolicies ?? [];
}
