// Deciding a manual approval, and finding the evidence for it: the evaluation.json written under the
// execution ID in the pipeline's artifact bucket (seed 003: `<execution-id>/evaluation/evaluation.json`),
// or where the team says this pipeline writes it (the caller passes the `evaluationReportLocations` setting's
// template for the pipeline).
import * as l10n from '@vscode/l10n';
import type { GetPipelineCommandOutput } from '@aws-sdk/client-codepipeline';
import type { PendingApproval } from '../../model/codePipelineState';
import type { ApprovalDecision } from '../../model/releaseApproval';
import { expandReportLocation } from '../../model/reportLocation';
import { parseEvaluationReport, type EvaluationReport } from '../../model/evaluationReport';
import type { AwsClients } from '../clients';
import { sendOnce } from '../retriedCreate';
import { readSmallObject } from '../s3/smallObjects';
import { getPipeline } from './codePipelineApi';

export type { ApprovalDecision };

/**
 * A decision whose answer was lost meets ApprovalAlreadyCompleted on the SDK's retry; it is this decision when
 * the action of this execution now shows this outcome with this comment.
 */
export async function putApprovalResult(
  clients: AwsClients,
  approval: PendingApproval,
  status: ApprovalDecision,
  summary: string,
): Promise<void> {
  const { GetPipelineStateCommand, PutApprovalResultCommand } = await import('./codePipelineSdk.js');
  const codepipeline = await clients.codepipeline();
  await sendOnce(
    () =>
      codepipeline.send(
        new PutApprovalResultCommand({
          pipelineName: approval.pipelineName,
          stageName: approval.stageName,
          actionName: approval.actionName,
          token: approval.token,
          result: { status, summary },
        }),
      ),
    async () => {
      const state = await codepipeline.send(new GetPipelineStateCommand({ name: approval.pipelineName }));
      const stage = state.stageStates?.find((s) => s.stageName === approval.stageName);
      const action = stage?.actionStates?.find((a) => a.actionName === approval.actionName)?.latestExecution;
      return (
        stage?.latestExecution?.pipelineExecutionId === approval.pipelineExecutionId &&
        action?.status === (status === 'Approved' ? 'Succeeded' : 'Failed') &&
        action?.summary === summary
      );
    },
  );
}

export interface FoundReport {
  bucket: string;
  key: string;
  report: EvaluationReport;
}

/** Reports are small JSON files; anything bigger than this is not an evaluation report. */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;

/**
 * Looks for `evaluation.json` under the execution's folder of the artifact bucket (at the root, as the
 * seeds write it, or under the pipeline's name, where CodePipeline puts its own artifacts). One list call
 * per prefix, first page only: the execution folder holds a handful of objects.
 */
export async function findEvaluationReport(
  clients: AwsClients,
  pipelineName: string,
  executionId: string,
  locationTemplate?: string,
): Promise<FoundReport | undefined> {
  const bucket = artifactBucket(await getPipeline(clients, pipelineName));
  return bucket ? findEvaluationReportIn(clients, bucket, pipelineName, executionId, locationTemplate) : undefined;
}

export function artifactBucket(pipeline: GetPipelineCommandOutput): string | undefined {
  return (
    pipeline.pipeline?.artifactStore?.location ?? Object.values(pipeline.pipeline?.artifactStores ?? {})[0]?.location
  );
}

async function readReport(clients: AwsClients, bucket: string, key: string): Promise<FoundReport> {
  const read = await readSmallObject(clients, bucket, key, MAX_REPORT_BYTES);
  if ('tooLarge' in read)
    throw new Error(l10n.t('s3://{0}/{1} is {2} bytes: too big for an evaluation report', bucket, key, read.tooLarge));
  return { bucket, key, report: parseEvaluationReport(read.text) };
}

/** `locationTemplate`: where the team configured this pipeline's report (`{executionId}` etc.), read directly. */
export async function findEvaluationReportIn(
  clients: AwsClients,
  bucket: string,
  pipelineName: string,
  executionId: string,
  locationTemplate?: string,
): Promise<FoundReport | undefined> {
  const { ListObjectsV2Command } = await import('../s3/s3Sdk.js');
  if (locationTemplate) {
    const location = expandReportLocation(locationTemplate, pipelineName, executionId);
    try {
      return await readReport(clients, location.bucket, location.key);
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
  const prefixes = [
    ...new Set([`${executionId}/`, `${pipelineName.slice(0, 20)}/${executionId}/`, `${pipelineName}/${executionId}/`]),
  ];
  for (const prefix of prefixes) {
    const s3 = await clients.s3();
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1000 }));
    const object = listed.Contents?.find((o) => o.Key?.endsWith('evaluation.json'));
    if (!object?.Key) continue;
    if ((object.Size ?? 0) > MAX_REPORT_BYTES)
      throw new Error(
        l10n.t('s3://{0}/{1} is {2} bytes: too big for an evaluation report', bucket, object.Key, String(object.Size)),
      );
    return readReport(clients, bucket, object.Key);
  }
  return undefined;
}
