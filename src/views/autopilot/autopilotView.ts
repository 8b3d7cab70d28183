// The Autopilot view: AutoML jobs (V1 and V2 alike), one ListAutoMLJobs call per page, filtered and sorted
// server-side, a page the size of the pageSize setting; a job is described and its candidates listed only when expanded.
import * as vscode from 'vscode';
import type { AutoMLJobSummary } from '@aws-sdk/client-sagemaker';
import { AUTOML_JOB_STATUSES, listAutoMlJobsPage } from '../../aws/sagemaker/autoMlApi';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import { withKeptNodes } from '../tree/keptNodes';
import type { ListSource } from '../tree/resourceListProvider';
import { AutoMlJobNode } from './autoMlJobNode';

export function autopilotSource(session: AwsSession): ListSource<AutoMLJobSummary> {
  return withKeptNodes(
    session,
    {
      key: 'autopilot',
      noun: vscode.l10n.t('Autopilot jobs'),
      singular: vscode.l10n.t('Autopilot job'),
      service: 'sagemaker',
      operation: 'ListAutoMLJobs',
      statuses: AUTOML_JOB_STATUSES,
      fetchPage: (token, filter) => listAutoMlJobsPage(session.clients, token, filter, pageSize()),
      statusOf: (summary) => summary.AutoMLJobStatus,
      keyOf: (summary) => summary.AutoMLJobName ?? '',
      reasonOf: (summary) => summary.FailureReason,
    },
    {
      idOf: (summary, region) => `autoMlJob:${region}:${summary.AutoMLJobName ?? ''}`,
      create: (summary, region, changed) => new AutoMlJobNode(summary, session, region, changed),
      update: (node, summary) => node.update(summary),
    },
  );
}
