// What a deployment asks for (endpoint name, compute, data capture, role), checked as SageMaker would
// check it, before any call: a bad value is a message and nothing is created.
import * as l10n from '@vscode/l10n';

export type Compute =
  | { kind: 'instances'; instanceType: string; count: number }
  | { kind: 'serverless'; memoryMb: number; maxConcurrency: number };

export interface DeployPlan {
  endpointName: string;
  compute: Compute;
  dataCapture: boolean;
  roleArn: string;
}

/** Real-time instance types the seeds deploy to, cheapest first; any other ml.* type may be typed. */
export const INSTANCE_TYPES = [
  'ml.t2.medium',
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.m5.2xlarge',
  'ml.g4dn.xlarge',
];
export const SERVERLESS_MEMORY_MB = [1024, 2048, 3072, 4096, 5120, 6144];

const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/;

/** SageMaker's rule for endpoint, configuration and model names. */
export function resourceNameProblem(name: string, what = l10n.t('An endpoint name')): string | undefined {
  if (!name) return l10n.t('{0} is required', what);
  if (name.length > 63) return l10n.t('{0} has at most 63 characters ({1} now)', what, name.length);
  if (!NAME.test(name))
    return l10n.t(
      '{0} uses letters, digits and single or repeated hyphens, starting and ending with a letter or digit',
      what,
    );
  return undefined;
}

export function instanceTypeProblem(type: string): string | undefined {
  return /^ml\.[a-z0-9]+\.[a-z0-9]+$/.test(type)
    ? undefined
    : l10n.t('"{0}" is not a SageMaker instance type (like ml.m5.large)', type);
}

export function instanceCountProblem(text: string): string | undefined {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n)) return l10n.t('Enter a whole number of instances');
  if (n < 1) return l10n.t('An endpoint needs at least 1 instance');
  if (n > 100) return l10n.t('At most 100 instances per variant');
  return undefined;
}

export function maxConcurrencyProblem(text: string): string | undefined {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= 200
    ? undefined
    : l10n.t('Max concurrency is a whole number from 1 to 200');
}

export function roleArnProblem(arn: string): string | undefined {
  return ROLE_ARN.test(arn.trim())
    ? undefined
    : l10n.t('Enter an IAM role ARN like arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole');
}

/** The first thing wrong with a whole plan, or undefined. */
export function deployPlanProblem(plan: DeployPlan): string | undefined {
  const c = plan.compute;
  return (
    resourceNameProblem(plan.endpointName) ??
    (c.kind === 'instances'
      ? (instanceTypeProblem(c.instanceType) ?? instanceCountProblem(String(c.count)))
      : ((SERVERLESS_MEMORY_MB.includes(c.memoryMb)
          ? undefined
          : l10n.t('Serverless memory is one of {0} MB', SERVERLESS_MEMORY_MB.join(', '))) ??
        maxConcurrencyProblem(String(c.maxConcurrency)))) ??
    (plan.dataCapture && c.kind === 'serverless'
      ? l10n.t('Data capture is not available on serverless endpoints')
      : undefined) ??
    roleArnProblem(plan.roleArn)
  );
}

export function computeText(c: Compute): string {
  return c.kind === 'instances'
    ? `${c.count} × ${c.instanceType}`
    : l10n.t('serverless · {0} MB · {1} concurrent', c.memoryMb, c.maxConcurrency);
}

/** Names of what one deployment creates, unique per run (a UTC timestamp, as the SDK's estimators name them). */
export function deploymentNames(endpointName: string, at: Date): { model: string; config: string } {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const base = endpointName.slice(0, 63 - stamp.length - 1);
  return { model: `${base}-${stamp}`, config: `${base}-${stamp}` };
}

/** A name for a new endpoint from its source (e.g. AbalonePackageGroup v4 → abalonepackagegroup-v4). */
export function suggestEndpointName(source: string): string {
  const cleaned = source
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return (cleaned || 'endpoint').slice(0, 54).replace(/-+$/, '') + '-endpoint';
}
