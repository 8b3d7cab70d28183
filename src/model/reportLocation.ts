// Where a pipeline writes its evaluation report, when a team configured it: an S3 URI template with
// {executionId} and {pipelineName}, e.g. `s3://my-artifacts/{executionId}/evaluation/evaluation.json`.
// Checked before any call, so a typo is reported as such rather than as "report not found".
import * as l10n from '@vscode/l10n';
import { parseS3Uri, type S3Location } from './modelQualityMetrics';

export class ReportLocationError extends Error {}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function expandReportLocation(template: string, pipelineName: string, executionId: string): S3Location {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1])
    .filter((n) => n !== 'executionId' && n !== 'pipelineName');
  if (unknown.length)
    throw new ReportLocationError(
      l10n.t(
        'Unknown placeholder {0} in the report location {1}: use {executionId} or {pipelineName}',
        `{${unknown[0]}}`,
        template,
      ),
    );
  const uri = template.replace(/\{executionId\}/g, executionId).replace(/\{pipelineName\}/g, pipelineName);
  const location = parseS3Uri(uri);
  if (!location)
    throw new ReportLocationError(
      l10n.t(
        'The report location {0} is not an S3 URI like s3://bucket/{executionId}/evaluation/evaluation.json',
        template,
      ),
    );
  if (!BUCKET.test(location.bucket) || location.bucket.includes('..'))
    throw new ReportLocationError(
      l10n.t('"{0}" is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)', location.bucket),
    );
  if (!template.includes('{executionId}'))
    throw new ReportLocationError(
      l10n.t('The report location {0} has no {executionId}: every release would show the same report', template),
    );
  return location;
}
