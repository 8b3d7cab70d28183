// Configure Autoscaling on an endpoint variant (seed 002): min and max instances and a target-tracking
// policy on SageMakerVariantInvocationsPerInstance, prefilled with what is set now (or seed 002's values),
// each value checked as typed, confirmed, then RegisterScalableTarget + PutScalingPolicy.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { describeVariantPolicies, setVariantScaling } from '../../aws/autoscaling/endpointScalingApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { DEFAULT_SCALING, scalingProblem, scalingSummary, type ScalingChoice } from '../../model/autoscalingInput';
import type { VariantNode } from '../../views/endpoints/variantNode';

const FIELDS: Array<[keyof ScalingChoice, string]> = [
  ['minCapacity', vscode.l10n.t('Minimum instances')],
  ['maxCapacity', vscode.l10n.t('Maximum instances')],
  ['targetValue', vscode.l10n.t('Target invocations per instance per minute')],
  ['scaleInCooldown', vscode.l10n.t('Scale-in cooldown (seconds)')],
  ['scaleOutCooldown', vscode.l10n.t('Scale-out cooldown (seconds)')],
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
      message: vscode.l10n.t(
        'A serverless variant scales by itself (max concurrency); it has no instance autoscaling.',
      ),
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
      vscode.l10n.t(
        'Autoscaling of {0}/{1} ({2}/{3}): {4}',
        variant.endpointName,
        variant.facts.name,
        i + 1,
        FIELDS.length,
        label,
      ),
      String(current[field]),
      (t) => scalingProblem(field, t, chosen),
    );
    if (text === undefined) return { outcome: 'cancelled' };
    const problem = scalingProblem(field, text, chosen);
    if (problem) return { outcome: 'refused', message: problem };
    chosen[field] = Number(text.trim());
  }
  const choice = chosen as ScalingChoice;
  const detail = [
    vscode.l10n.t('Variant {0}', variant.resourceId),
    vscode.l10n.t('Policy {0}: {1}', policyName, scalingSummary(choice)),
    variant.facts.scaling
      ? vscode.l10n.t('Now: {0}', scalingSummary(current))
      : vscode.l10n.t('No autoscaling is set now.'),
  ].join('\n');
  const question = vscode.l10n.t('Set autoscaling of {0}?', variant.endpointName);
  if (!(await prompts.confirm(question, detail, vscode.l10n.t('Set Autoscaling')))) return { outcome: 'cancelled' };
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
    message: vscode.l10n.t(
      'Autoscaling of {0}/{1}: {2}.',
      variant.endpointName,
      variant.facts.name,
      scalingSummary(choice),
    ),
  };
}
