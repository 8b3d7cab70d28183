// A notebook instance as the create wizard plans it, checked as SageMaker would check it before any call.
import * as l10n from '@vscode/l10n';
import { resourceNameProblem, roleArnProblem } from './deployPlan';
import {
  idleMinutesProblem,
  packagesProblem,
  s3PrefixProblem,
  scriptProblem,
  templateScript,
  type TemplateChoice,
} from './lifecycleTemplates';

export const NOTEBOOK_INSTANCE_TYPES = [
  'ml.t3.medium',
  'ml.t3.large',
  'ml.t3.xlarge',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.c5.2xlarge',
  'ml.g4dn.xlarge',
  'ml.p3.2xlarge',
];

export interface NotebookInstancePlan {
  name: string;
  instanceType: string;
  roleArn: string;
  volumeSizeInGB: number;
  lifecycle:
    { kind: 'none' } | { kind: 'existing'; name: string } | { kind: 'new'; name: string; template: TemplateChoice };
  /** A SageMaker code repository name or a Git URL (CodeCommit clone URL); absent for none. */
  defaultCodeRepository?: string;
  rootAccess: boolean;
  directInternetAccess: boolean;
}

export function volumeProblem(text: string): string | undefined {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 5 && n <= 16384
    ? undefined
    : l10n.t('The ML storage volume is a whole number of GB from 5 to 16384');
}

export function notebookPlanProblem(plan: NotebookInstancePlan, existingConfigs: string[]): string | undefined {
  const l = plan.lifecycle;
  return (
    resourceNameProblem(plan.name, l10n.t('A notebook instance name')) ??
    (/^ml\.[a-z0-9]+\.[a-z0-9]+$/.test(plan.instanceType)
      ? undefined
      : l10n.t('"{0}" is not a notebook instance type (like ml.t3.medium)', plan.instanceType)) ??
    roleArnProblem(plan.roleArn) ??
    volumeProblem(String(plan.volumeSizeInGB)) ??
    (l.kind === 'existing' && !existingConfigs.includes(l.name)
      ? l10n.t('There is no lifecycle configuration named {0}', l.name)
      : undefined) ??
    (l.kind === 'new'
      ? (resourceNameProblem(l.name, l10n.t('A lifecycle configuration name')) ??
        (existingConfigs.includes(l.name)
          ? l10n.t('A lifecycle configuration named {0} exists; pick it instead', l.name)
          : undefined))
      : undefined) ??
    (l.kind === 'new' && l.template.kind === 's3-sync' ? s3PrefixProblem(l.template.s3Uri ?? '') : undefined) ??
    (l.kind === 'new' && l.template.kind === 'auto-stop'
      ? idleMinutesProblem(String(l.template.idleMinutes ?? ''))
      : undefined) ??
    (l.kind === 'new' && l.template.kind === 'conda-packages'
      ? packagesProblem((l.template.packages ?? []).join(' '))
      : undefined) ??
    (l.kind === 'new' ? scriptProblem(templateScript(l.template), 'on-start') : undefined)
  );
}
