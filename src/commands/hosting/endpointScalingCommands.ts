// Configure Autoscaling on an endpoint variant (seed 002): min and max instances and a target-tracking
// policy on SageMakerVariantInvocationsPerInstance, prefilled with what is set now (or seed 002's values),
// each value checked as typed, confirmed, then RegisterScalableTarget + PutScalingPolicy.
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { describeVariantPolicies, setVariantScaling } from '../../aws/autoscaling/endpointScalingApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { DEFAULT_SCALING, scalingProblem, scalingSummary, type ScalingChoice } from '../../model/autoscalingInput';
import type { VariantNode } from '../../views/endpoints/variantNode';

const FIELDS: Array<[keyof ScalingChoice, string]> = [
  ['minCapacity', 'Minimum instances'],
  ['maxCapacity', 'Maximum instances'],
  ['targetValue', 'Target invocations per instance per minute'],
  ['scaleInCooldown', 'Scale-in cooldown (seconds)'],
  ['scaleOutCooldown', 'Scale-out cooldown (seconds)'],
];

export interface ScalingPrompts {
  value(
    field: keyof ScalingChoice,
    title: string,
    current: string,
    check: (text: string) => string | undefined,
  ): Thenable<string | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

export const scalingDialogs: ScalingPrompts = {
  value: (_field, title, current, check) =>
    window.showInputBox({ title, value: current, ignoreFocusOut: true, validateInput: check }),
  confirm: confirmModal,
};

export async function configureVariantScaling(
  session: AwsSession,
  variant: VariantNode,
  prompts: ScalingPrompts = scalingDialogs,
): Promise<{ outcome: 'set' | 'cancelled' | 'failed' | 'refused'; message?: string }> {
  if (variant.facts.serverless)
    return {
      outcome: 'refused',
      message: 'A serverless variant scales by itself (max concurrency); it has no instance autoscaling.',
    };
  let current: ScalingChoice = { ...DEFAULT_SCALING };
  let policyName = `${variant.endpointName}-invocations-target`.slice(0, 256);
  if (variant.facts.scaling) {
    const policies = await describeVariantPolicies(session.clients, variant.resourceId).catch(() => []);
    const tracking = policies.find((p) => p.PolicyType === 'TargetTrackingScaling');
    const config = tracking?.TargetTrackingScalingPolicyConfiguration;
    if (tracking?.PolicyName) policyName = tracking.PolicyName;
    current = {
      minCapacity: variant.facts.scaling.min ?? current.minCapacity,
      maxCapacity: variant.facts.scaling.max ?? current.maxCapacity,
      targetValue: config?.TargetValue ?? current.targetValue,
      scaleInCooldown: config?.ScaleInCooldown ?? current.scaleInCooldown,
      scaleOutCooldown: config?.ScaleOutCooldown ?? current.scaleOutCooldown,
    };
  }
  const chosen: Partial<ScalingChoice> = {};
  for (const [i, [field, label]] of FIELDS.entries()) {
    const text = await prompts.value(
      field,
      `Autoscaling of ${variant.endpointName}/${variant.facts.name} (${i + 1}/${FIELDS.length}): ${label}`,
      String(current[field]),
      (t) => scalingProblem(field, t, chosen),
    );
    if (text === undefined) return { outcome: 'cancelled' };
    const problem = scalingProblem(field, text, chosen);
    if (problem) return { outcome: 'refused', message: problem };
    chosen[field] = Number(text.trim());
  }
  const choice = chosen as ScalingChoice;
  const detail = `Variant ${variant.resourceId}\nPolicy ${policyName}: ${scalingSummary(choice)}${variant.facts.scaling ? `\nNow: ${scalingSummary(current)}` : '\nNo autoscaling is set now.'}`;
  if (!(await prompts.confirm(`Set autoscaling of ${variant.endpointName}?`, detail, 'Set Autoscaling')))
    return { outcome: 'cancelled' };
  try {
    await setVariantScaling(session.clients, variant.resourceId, policyName, choice);
  } catch (error) {
    return {
      outcome: 'failed',
      message: toUserError(error, session, 'application-autoscaling', 'PutScalingPolicy').message,
    };
  }
  variant.endpointChanged();
  return {
    outcome: 'set',
    message: `Autoscaling of ${variant.endpointName}/${variant.facts.name}: ${scalingSummary(choice)}.`,
  };
}
