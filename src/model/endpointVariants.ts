// What an endpoint's variants are, merged from the three answers that describe them: DescribeEndpoint (live
// counts, weights, images), DescribeEndpointConfig (instance type, serverless memory) and
// DescribeScalableTargets (autoscaling bounds). Pure, so the merge rules are unit-tested.
import * as l10n from '@vscode/l10n';

export interface VariantFacts {
  name: string;
  shadow: boolean;
  instanceType?: string;
  currentInstances?: number;
  desiredInstances?: number;
  serverless?: { memoryMb?: number; maxConcurrency?: number };
  weight?: number;
  status?: string;
  images: string[];
  modelName?: string;
  scaling?: { min?: number; max?: number; resourceId: string };
}

interface LiveVariant {
  VariantName?: string;
  CurrentWeight?: number;
  CurrentInstanceCount?: number;
  DesiredInstanceCount?: number;
  CurrentServerlessConfig?: { MemorySizeInMB?: number; MaxConcurrency?: number };
  DeployedImages?: Array<{ SpecifiedImage?: string }>;
  VariantStatus?: Array<{ Status?: string }>;
}

interface ConfiguredVariant {
  VariantName?: string;
  ModelName?: string;
  InstanceType?: string;
  InitialInstanceCount?: number;
  InitialVariantWeight?: number;
  ServerlessConfig?: { MemorySizeInMB?: number; MaxConcurrency?: number };
}

export interface EndpointAnswers {
  endpointName: string;
  live?: { ProductionVariants?: LiveVariant[]; ShadowProductionVariants?: LiveVariant[] };
  config?: { ProductionVariants?: ConfiguredVariant[]; ShadowProductionVariants?: ConfiguredVariant[] };
  targets?: Array<{ ResourceId?: string; MinCapacity?: number; MaxCapacity?: number }>;
}

/** How Application Auto Scaling names a SageMaker variant. */
export function variantResourceId(endpointName: string, variantName: string): string {
  return `endpoint/${endpointName}/variant/${variantName}`;
}

export function mergeVariants(a: EndpointAnswers): VariantFacts[] {
  const facts: VariantFacts[] = [];
  const add = (shadow: boolean, live: LiveVariant[] = [], configured: ConfiguredVariant[] = []) => {
    // The configuration lists every variant; a failed endpoint has no live ones.
    const names = [...new Set([...configured.map((c) => c.VariantName), ...live.map((l) => l.VariantName)])].filter(
      (n): n is string => !!n,
    );
    for (const name of names) {
      const l = live.find((v) => v.VariantName === name);
      const c = configured.find((v) => v.VariantName === name);
      const resourceId = variantResourceId(a.endpointName, name);
      const target = a.targets?.find((t) => t.ResourceId === resourceId);
      const serverless = l?.CurrentServerlessConfig ?? c?.ServerlessConfig;
      facts.push({
        name,
        shadow,
        instanceType: serverless ? undefined : c?.InstanceType,
        currentInstances: serverless ? undefined : (l?.CurrentInstanceCount ?? c?.InitialInstanceCount),
        desiredInstances: serverless ? undefined : l?.DesiredInstanceCount,
        serverless: serverless
          ? { memoryMb: serverless.MemorySizeInMB, maxConcurrency: serverless.MaxConcurrency }
          : undefined,
        weight: l?.CurrentWeight ?? c?.InitialVariantWeight,
        status: l?.VariantStatus?.at(-1)?.Status,
        images: (l?.DeployedImages ?? []).map((i) => i.SpecifiedImage).filter((i): i is string => !!i),
        modelName: c?.ModelName,
        scaling: target ? { min: target.MinCapacity, max: target.MaxCapacity, resourceId } : undefined,
      });
    }
  };
  add(false, a.live?.ProductionVariants, a.config?.ProductionVariants);
  add(true, a.live?.ShadowProductionVariants, a.config?.ShadowProductionVariants);
  return facts;
}

/** "2 × ml.m5.large", "1 → 3 × ml.m5.large" while scaling, or "serverless · 2048 MB · 5 concurrent". */
export function capacityText(v: VariantFacts): string {
  if (v.serverless) {
    return [
      l10n.t('serverless'),
      v.serverless.memoryMb ? l10n.t('{0} MB', v.serverless.memoryMb) : undefined,
      v.serverless.maxConcurrency ? l10n.t('{0} concurrent', v.serverless.maxConcurrency) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  const count =
    v.desiredInstances !== undefined && v.currentInstances !== undefined && v.desiredInstances !== v.currentInstances
      ? `${v.currentInstances} → ${v.desiredInstances}`
      : String(v.currentInstances ?? '?');
  return `${count} × ${v.instanceType ?? '?'}`;
}

/** The endpoint's own capacity line: one variant's text, or how many instances across variants. */
export function endpointCapacityText(variants: readonly VariantFacts[]): string | undefined {
  const production = variants.filter((v) => !v.shadow);
  if (production.length === 0) return undefined;
  if (production.length === 1) return capacityText(production[0]);
  return l10n.t('{0} variants', production.length);
}

export function scalingText(v: VariantFacts): string | undefined {
  return v.scaling ? l10n.t('autoscaling {0}–{1}', v.scaling.min ?? '?', v.scaling.max ?? '?') : undefined;
}
