// An Autopilot experiment as the start wizard plans it (CreateAutoMLJobV2, tabular), checked as SageMaker
// checks it before the call: the job name's 32-character pattern, S3 locations, an objective valid for
// the problem type, limits within AWS's ranges.
import * as l10n from '@vscode/l10n';
import { roleArnProblem } from './deployPlan';

export type ProblemChoice = 'auto' | 'Regression' | 'BinaryClassification' | 'MulticlassClassification';
export type ModeChoice = 'AUTO' | 'ENSEMBLING' | 'HYPERPARAMETER_TUNING';

export interface AutoMlPlan {
  jobName: string;
  /** s3://bucket/key.csv or a prefix of CSV/Parquet files. */
  inputS3Uri: string;
  target: string;
  problemType: ProblemChoice;
  /** Absent: SageMaker picks the default for the problem type. */
  objective?: string;
  mode: ModeChoice;
  maxCandidates?: number;
  maxRuntimeSeconds?: number;
  outputS3Uri: string;
  roleArn: string;
  autoDeploy: boolean;
}

/**
 * Objectives per problem type, as the installed SageMaker API model allows them (AutoMLMetricEnum);
 * the first is SageMaker's default.
 */
export const OBJECTIVES: Record<Exclude<ProblemChoice, 'auto'>, string[]> = {
  Regression: ['MSE'],
  BinaryClassification: ['F1', 'Accuracy', 'AUC'],
  MulticlassClassification: ['Accuracy', 'F1macro'],
};

export function jobNameProblem(name: string): string | undefined {
  if (!name) return l10n.t('A job name is required');
  if (name.length > 32) return l10n.t('An Autopilot job name has at most 32 characters ({0} now)', name.length);
  if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}$/.test(name))
    return l10n.t('An Autopilot job name uses letters, digits and hyphens, starting and ending with a letter or digit');
  return undefined;
}

export function s3UriProblem(uri: string, what: string): string | undefined {
  return /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(uri.trim())
    ? undefined
    : l10n.t('{0} must be an S3 location like s3://my-bucket/abalone/input/', what);
}

export function maxCandidatesProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= 750
    ? undefined
    : l10n.t('Max candidates is a whole number from 1 to 750 (empty: SageMaker decides)');
}

export function maxRuntimeProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 600 && n <= 2_592_000
    ? undefined
    : l10n.t('The job runtime limit is in seconds, from 600 to 2,592,000 (30 days); empty: no limit');
}

export function autoMlPlanProblem(plan: AutoMlPlan, columns?: string[]): string | undefined {
  return (
    jobNameProblem(plan.jobName) ??
    s3UriProblem(plan.inputS3Uri, l10n.t('The training data')) ??
    (plan.target ? undefined : l10n.t('Choose the target column')) ??
    (columns && !columns.includes(plan.target)
      ? l10n.t('The data has no column "{0}"; columns: {1}', plan.target, columns.join(', '))
      : undefined) ??
    (plan.objective && plan.problemType === 'auto'
      ? l10n.t('Choose the problem type to choose an objective metric (or let SageMaker pick both)')
      : undefined) ??
    (plan.objective && plan.problemType !== 'auto' && !OBJECTIVES[plan.problemType].includes(plan.objective)
      ? l10n.t(
          '{0} is not an objective for {1}; use one of {2}',
          plan.objective,
          plan.problemType,
          OBJECTIVES[plan.problemType].join(', '),
        )
      : undefined) ??
    maxCandidatesProblem(String(plan.maxCandidates ?? '')) ??
    maxRuntimeProblem(String(plan.maxRuntimeSeconds ?? '')) ??
    s3UriProblem(plan.outputS3Uri, l10n.t('The output location')) ??
    roleArnProblem(plan.roleArn)
  );
}
