// The Model Registry view: model package groups, one ListModelPackageGroups call per page (filtered by name
// server-side); versions are listed when a group is expanded, metrics read when a version is expanded.
import * as vscode from 'vscode';
import type { ModelPackageGroupSummary } from '@aws-sdk/client-sagemaker';
import { listModelPackageGroupsPage } from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import { withKeptNodes } from '../tree/keptNodes';
import type { ListSource } from '../tree/resourceListProvider';
import { ModelPackageGroupNode } from './modelPackageGroupNode';

export function modelRegistrySource(session: AwsSession): ListSource<ModelPackageGroupSummary> {
  return withKeptNodes(
    session,
    {
      key: 'modelRegistry',
      noun: vscode.l10n.t('model package groups'),
      service: 'sagemaker',
      operation: 'ListModelPackageGroups',
      // ListModelPackageGroups filters by name only; group statuses are rarely anything but Completed.
      statuses: [],
      fetchPage: (token, filter) => listModelPackageGroupsPage(session.clients, token, filter),
    },
    {
      idOf: (summary, region) => `modelPackageGroup:${region}:${summary.ModelPackageGroupName ?? ''}`,
      create: (summary, region, changed) => new ModelPackageGroupNode(summary, session, region, changed),
    },
  );
}
