import * as assert from 'assert';
import { expandReportLocation, ReportLocationError } from '../../../src/model/reportLocation';

describe('expandReportLocation', () => {
  it('fills in the execution and pipeline', () => {
    assert.deepStrictEqual(
      expandReportLocation(
        's3://abalone-cicd-pipeline-artifacts-123456789012/{pipelineName}/{executionId}/evaluation.json',
        'abalone-cicd-pipeline',
        'e-1',
      ),
      { bucket: 'abalone-cicd-pipeline-artifacts-123456789012', key: 'abalone-cicd-pipeline/e-1/evaluation.json' },
    );
  });

  it('names what is wrong with a bad template', () => {
    assert.throws(() => expandReportLocation('https://bucket/{executionId}', 'p', 'e'), /not an S3 URI/);
    assert.throws(
      () => expandReportLocation('s3://Bad_Bucket/{executionId}/x.json', 'p', 'e'),
      /not a valid S3 bucket name/,
    );
    assert.throws(
      () => expandReportLocation('s3://bucket/{execution}/x.json', 'p', 'e'),
      /Unknown placeholder \{execution\}/,
    );
    assert.throws(() => expandReportLocation('s3://bucket/latest/evaluation.json', 'p', 'e'), ReportLocationError);
  });
});
