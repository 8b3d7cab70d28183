// The target-tracking policy seed 002 puts on an endpoint variant (SageMakerVariantInvocationsPerInstance),
// as the user types it: checked before any call so a bad bound is a message, not a half-applied change.
import * as l10n from '@vscode/l10n';

export interface ScalingChoice {
  minCapacity: number;
  maxCapacity: number;
  /** Invocations per instance per minute the policy keeps the variant at. */
  targetValue: number;
  scaleInCooldown: number;
  scaleOutCooldown: number;
}

export const DEFAULT_SCALING: ScalingChoice = {
  minCapacity: 1,
  maxCapacity: 5,
  targetValue: 10,
  scaleInCooldown: 600,
  scaleOutCooldown: 300,
};

/** Why `text` is not a valid value for `field` given the choices so far, or undefined. */
export function scalingProblem(
  field: keyof ScalingChoice,
  text: string,
  sofar: Partial<ScalingChoice>,
): string | undefined {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return l10n.t('Enter a number');
  switch (field) {
    case 'minCapacity':
      if (!Number.isInteger(value) || value < 1)
        return l10n.t('An endpoint variant keeps at least 1 instance: enter a whole number ≥ 1');
      return undefined;
    case 'maxCapacity':
      if (!Number.isInteger(value) || value < 1) return l10n.t('Enter a whole number ≥ 1');
      if (sofar.minCapacity !== undefined && value < sofar.minCapacity)
        return l10n.t('The maximum must be at least the minimum ({0})', sofar.minCapacity);
      return undefined;
    case 'targetValue':
      if (value <= 0) return l10n.t('The target is invocations per instance per minute: enter a number > 0');
      return undefined;
    default:
      if (!Number.isInteger(value) || value < 0) return l10n.t('Cooldowns are whole seconds ≥ 0');
      return undefined;
  }
}

export function scalingSummary(c: ScalingChoice): string {
  return l10n.t(
    '{0}–{1} instances, target {2} invocations per instance per minute, cooldowns {3} s in / {4} s out',
    c.minCapacity,
    c.maxCapacity,
    c.targetValue,
    c.scaleInCooldown,
    c.scaleOutCooldown,
  );
}
