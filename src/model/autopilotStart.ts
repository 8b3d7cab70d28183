// What starting an Autopilot experiment offers and says, without VS Code or AWS: the plan a new start begins
// from, the confirmation's account of what will run (and be billed), and where an uploaded CSV lands.
import * as l10n from '@vscode/l10n';
import type { AutoMlPlan } from './autoMlPlan';
import { parseS3Uri, type S3Location } from './modelQualityMetrics';

/** A new plan for `inputS3Uri`: a dated job name, output next to the data's bucket, the last role used. */
export function defaultPlan(inputS3Uri: string, lastRole: string | undefined, now = new Date()): AutoMlPlan {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(2, 12);
  const bucket = parseS3Uri(inputS3Uri)?.bucket;
  const jobName = `autopilot-${stamp}`;
  return {
    jobName,
    inputS3Uri,
    target: '',
    problemType: 'auto',
    mode: 'AUTO',
    outputS3Uri: bucket ? `s3://${bucket}/autopilot/${jobName}/output` : '',
    roleArn: lastRole ?? '',
    autoDeploy: false,
  };
}

/** The confirmation's detail: the data read, the problem, the limits, where output goes, what is billed. */
export function startDetail(plan: AutoMlPlan, data: { columns: string[]; object: string }): string {
  return [
    l10n.t(
      'Data: {0} (header of {1}: {2} columns), target {3}.',
      plan.inputS3Uri,
      data.object,
      data.columns.length,
      plan.target,
    ),
    l10n.t(
      'Problem: {0}; objective {1}; mode {2}.',
      plan.problemType === 'auto' ? l10n.t('detected by SageMaker') : plan.problemType,
      plan.objective ?? l10n.t("SageMaker's default"),
      plan.mode,
    ),
    l10n.t(
      'Limits: {0} candidates, {1}.',
      plan.maxCandidates ?? l10n.t('default'),
      plan.maxRuntimeSeconds ? l10n.t('{0} s', plan.maxRuntimeSeconds) : l10n.t('no runtime limit'),
    ),
    l10n.t('Output: {0}. Role: {1}.', plan.outputS3Uri, plan.roleArn),
    plan.autoDeploy
      ? l10n.t('The best candidate is deployed to an endpoint when the job ends (billed until deleted).')
      : l10n.t('Nothing is deployed automatically.'),
    l10n.t('Training instances are billed while the job runs.'),
  ].join('\n');
}

/** Where a local file uploaded under an S3 prefix (`s3://bucket/a/b` or `s3://bucket/a/b/`) lands. */
export function uploadLocation(prefix: string, fileName: string): S3Location | undefined {
  const location = parseS3Uri(prefix.trim());
  if (!location) return undefined;
  return { bucket: location.bucket, key: `${location.key.replace(/\/?$/, '/').replace(/^\//, '')}${fileName}` };
}
