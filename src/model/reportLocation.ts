// Where a pipeline writes its evaluation report, when a team configured it: an S3 URI template with
// {executionId} and {pipelineName}, e.g. `s3://my-artifacts/{executionId}/evaluation/evaluation.json`.
// Checked before any call, so a typo is reported as such rather than as "report not found".
import { parseS3Uri, type S3Location } from './modelQualityMetrics';

export class ReportLocationError extends Error {}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function expandReportLocation(template: string, pipelineName: string, executionId: string): S3Location {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1])
    .filter((n) => n !== 'executionId' && n !== 'pipelineName');
  if (unknown.length)
    throw new ReportLocationError(
      `Unknown placeholder {${unknown[0]}} in the report location ${template}: use {executionId} or {pipelineName}`,
    );
  const uri = template.replace(/\{executionId\}/g, executionId).replace(/\{pipelineName\}/g, pipelineName);
  const location = parseS3Uri(uri);
  if (!location)
    throw new ReportLocationError(
      `The report location ${template} is not an S3 URI like s3://bucket/{executionId}/evaluation/evaluation.json`,
    );
  if (!BUCKET.test(location.bucket) || location.bucket.includes('..'))
    throw new ReportLocationError(
      `"${location.bucket}" is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)`,
    );
  if (!template.includes('{executionId}'))
    throw new ReportLocationError(
      `The report location ${template} has no {executionId}: every release would show the same report`,
    );
  return location;
}
