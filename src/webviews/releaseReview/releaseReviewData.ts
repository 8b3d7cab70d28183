// Everything the approver needs beside the buttons, read in one go when the panel opens or refreshes:
// the pipeline (artifact bucket, the approval's question), its state (stages, the token), the execution,
// the source commits, this execution's evaluation.json and the one of the last succeeded release.
import type { Commit } from '@aws-sdk/client-codecommit';
import * as vscode from 'vscode';
import type { GetPipelineCommandOutput, PipelineExecutionSummary } from '@aws-sdk/client-codepipeline';
import { getCommit } from '../../aws/codecommit/codeCommitApi';
import { artifactBucket, findEvaluationReportIn, type FoundReport } from '../../aws/codepipeline/approvalApi';
import { getPipeline, getPipelineState, listCodePipelineExecutionsPage } from '../../aws/codepipeline/codePipelineApi';
import type { AwsClients } from '../../aws/clients';
import { latestExecutionStatus, pendingApprovals, type PendingApproval } from '../../model/codePipelineState';
import { consoleUrls } from '../../model/consoleUrls';
import { gitDate } from '../../model/durations';
import type { ReleaseReviewModel, ReportView } from '../protocol/releaseReview';

export interface ReleaseReviewData {
  model: ReleaseReviewModel;
  /** The approval as AWS has it now (fresh token), if it still waits. */
  approval?: PendingApproval;
}

function reportView(found: FoundReport): ReportView {
  return {
    location: `s3://${found.bucket}/${found.key}`,
    form: found.report.form,
    metrics: found.report.metrics.map((m) => ({ name: m.name, value: m.value, computed: m.computed })),
    actual: found.report.actual,
    predicted: found.report.predicted,
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function reportOf(
  clients: AwsClients,
  bucket: string | undefined,
  pipelineName: string,
  executionId: string,
  reportLocation: string | undefined,
): Promise<{ report?: ReportView; reportError?: string }> {
  if (!bucket) return { reportError: vscode.l10n.t('the pipeline has no artifact bucket') };
  try {
    const found = await findEvaluationReportIn(clients, bucket, pipelineName, executionId, reportLocation);
    return found
      ? { report: reportView(found) }
      : { reportError: vscode.l10n.t('no evaluation.json under s3://{0}/{1}/', bucket, executionId) };
  } catch (error) {
    return { reportError: message(error) };
  }
}

function customDataOf(pipeline: GetPipelineCommandOutput, stageName: string, actionName: string): string | undefined {
  const action = pipeline.pipeline?.stages
    ?.find((s) => s.name === stageName)
    ?.actions?.find((a) => a.name === actionName);
  return action?.configuration?.CustomData;
}

async function sourceCommits(
  clients: AwsClients,
  region: string,
  pipeline: GetPipelineCommandOutput,
  revisions: Array<{ actionName: string; commitId: string }>,
): Promise<ReleaseReviewModel['commits']> {
  const sources =
    pipeline.pipeline?.stages
      ?.flatMap((s) => s.actions ?? [])
      .filter((a) => a.actionTypeId?.provider === 'CodeCommit') ?? [];
  const commits = await Promise.all(
    revisions.map(async (r) => {
      const action = sources.find((a) => a.name === r.actionName);
      const repository = action?.configuration?.RepositoryName;
      if (!repository) return undefined;
      let commit: Commit | undefined;
      try {
        commit = await getCommit(clients, repository, r.commitId);
      } catch {
        commit = undefined; // Shown with its id only; the rest of the panel still helps.
      }
      return {
        actionName: r.actionName,
        repository,
        branch: action?.configuration?.BranchName,
        commitId: r.commitId,
        message: (commit?.message ?? vscode.l10n.t('(commit not readable)')).trim(),
        author: commit?.author?.name,
        date: gitDate(commit?.author?.date)?.toISOString(),
        consoleUrl: consoleUrls.codeCommitCommit(region, repository, r.commitId),
      };
    }),
  );
  return commits.filter((c): c is NonNullable<typeof c> => !!c);
}

/** `reportLocation`: the configured template of this pipeline's evaluation.json, if the team set one. */
export async function loadReleaseReview(
  clients: AwsClients,
  region: string,
  pipelineName: string,
  reportLocation?: string,
): Promise<ReleaseReviewData> {
  const [pipeline, state, executions] = await Promise.all([
    getPipeline(clients, pipelineName),
    getPipelineState(clients, pipelineName),
    listCodePipelineExecutionsPage(clients, pipelineName, undefined),
  ]);
  const approval = pendingApprovals(state)[0];
  const latest = latestExecutionStatus(state);
  const executionId = approval?.pipelineExecutionId ?? latest.executionId;
  const execution: PipelineExecutionSummary | undefined = executions.items.find(
    (e) => e.pipelineExecutionId === executionId,
  );
  const bucket = artifactBucket(pipeline);
  const previousExecution = executions.items.find(
    (e) => e.status === 'Succeeded' && e.pipelineExecutionId !== executionId,
  );
  const revisions = (execution?.sourceRevisions ?? [])
    .map((r) => ({ actionName: r.actionName ?? '', commitId: r.revisionId ?? '' }))
    .filter((r) => r.commitId);
  type Found = { report?: ReportView; reportError?: string };
  const [current, previous, commits] = await Promise.all([
    executionId
      ? reportOf(clients, bucket, pipelineName, executionId, reportLocation)
      : Promise.resolve<Found>({ reportError: vscode.l10n.t('the pipeline has not run yet') }),
    previousExecution?.pipelineExecutionId
      ? reportOf(clients, bucket, pipelineName, previousExecution.pipelineExecutionId, reportLocation)
      : Promise.resolve(undefined),
    sourceCommits(clients, region, pipeline, revisions),
  ]);
  const model: ReleaseReviewModel = {
    pipelineName,
    region,
    approval: approval && {
      stageName: approval.stageName,
      actionName: approval.actionName,
      executionId: approval.pipelineExecutionId,
      waitingSince: approval.waitingSince?.toISOString(),
      customData: customDataOf(pipeline, approval.stageName, approval.actionName),
      reviewUrl: approval.reviewUrl,
    },
    execution: executionId
      ? {
          id: executionId,
          status: execution?.status ?? latest.status,
          startTime: execution?.startTime?.toISOString(),
          trigger: execution?.trigger?.triggerType,
        }
      : undefined,
    stages: (state.stageStates ?? []).map((s) => ({
      name: s.stageName ?? '',
      status: s.latestExecution?.status,
      ranForOlderExecution: !!s.latestExecution && s.latestExecution.pipelineExecutionId !== executionId,
      actions: (s.actionStates ?? []).map((a) => ({
        name: a.actionName ?? '',
        status: a.latestExecution?.status,
        summary: a.latestExecution?.summary,
        changedAt: a.latestExecution?.lastStatusChange?.toISOString(),
      })),
    })),
    commits,
    report: current.report,
    reportError: current.reportError,
    previous: previousExecution?.pipelineExecutionId
      ? { executionId: previousExecution.pipelineExecutionId, ...previous }
      : undefined,
    loadedAt: new Date().toISOString(),
  };
  return { model, approval };
}
