// The target-tracking policy seed 002 puts on an endpoint variant (SageMakerVariantInvocationsPerInstance),
// as the user types it: checked before any call so a bad bound is a message, not a half-applied change.

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
  if (text.trim() === '' || !Number.isFinite(value)) return 'Enter a number';
  switch (field) {
    case 'minCapacity':
      if (!Number.isInteger(value) || value < 1)
        return 'An endpoint variant keeps at least 1 instance: enter a whole number ≥ 1';
      return undefined;
    case 'maxCapacity':
      if (!Number.isInteger(value) || value < 1) return 'Enter a whole number ≥ 1';
      if (sofar.minCapacity !== undefined && value < sofar.minCapacity)
        return `The maximum must be at least the minimum (${sofar.minCapacity})`;
      return undefined;
    case 'targetValue':
      if (value <= 0) return 'The target is invocations per instance per minute: enter a number > 0';
      return undefined;
    default:
      if (!Number.isInteger(value) || value < 0) return 'Cooldowns are whole seconds ≥ 0';
      return undefined;
  }
}

export function scalingSummary(c: ScalingChoice): string {
  return `${c.minCapacity}–${c.maxCapacity} instances, target ${c.targetValue} invocations per instance per minute, cooldowns ${c.scaleInCooldown} s in / ${c.scaleOutCooldown} s out`;
}
