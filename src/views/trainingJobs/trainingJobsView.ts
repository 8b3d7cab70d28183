// The Training Jobs view: one ListTrainingJobs call per page (MaxResults from sagemakerWorkbench.pageSize, 50 unless
// set, however many jobs the account has), filtered and sorted server-side; each job is described only when expanded.
import * as vscode from 'vscode';
import type { TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import { listTrainingJobsPage, TRAINING_JOB_STATUSES } from '../../aws/sagemaker/trainingJobsApi';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import { withKeptNodes } from '../tree/keptNodes';
import type { ListSource } from '../tree/resourceListProvider';
import { TrainingJobNode } from './trainingJobNode';

export function trainingJobsSource(session: AwsSession): ListSource<TrainingJobSummary> {
  return withKeptNodes(
    session,
    {
      key: 'trainingJobs',
      noun: vscode.l10n.t('training jobs'),
      singular: vscode.l10n.t('Training job'),
      service: 'sagemaker',
      operation: 'ListTrainingJobs',
      statuses: TRAINING_JOB_STATUSES,
      fetchPage: (token, filter) => listTrainingJobsPage(session.clients, token, filter, pageSize()),
      statusOf: (summary) => summary.TrainingJobStatus,
      keyOf: (summary) => summary.TrainingJobName ?? '',
    },
    {
      idOf: (summary, region) => `trainingJob:${region}:${summary.TrainingJobName ?? ''}`,
      create: (summary, region, changed) => new TrainingJobNode(summary, session, region, changed),
      update: (node, summary) => node.update(summary),
    },
  );
}
