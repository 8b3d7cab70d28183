// The Endpoints view: one ListEndpoints call per page, filtered and sorted server-side; an endpoint is
// described (with its configuration and autoscaling targets) only when expanded.
import * as vscode from 'vscode';
import type { EndpointSummary } from '@aws-sdk/client-sagemaker';
import { ENDPOINT_STATUSES, listEndpointsPage } from '../../aws/sagemaker/endpointsApi';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import { withKeptNodes } from '../tree/keptNodes';
import type { ListSource } from '../tree/resourceListProvider';
import { EndpointNode } from './endpointNode';

export function endpointsSource(session: AwsSession): ListSource<EndpointSummary> {
  return withKeptNodes(
    session,
    {
      key: 'endpoints',
      noun: vscode.l10n.t('endpoints'),
      singular: vscode.l10n.t('Endpoint'),
      followedAs: 'endpoints',
      service: 'sagemaker',
      operation: 'ListEndpoints',
      statuses: ENDPOINT_STATUSES,
      fetchPage: (token, filter) => listEndpointsPage(session.clients, token, filter, pageSize()),
      statusOf: (summary) => summary.EndpointStatus,
      keyOf: (summary) => summary.EndpointName ?? '',
    },
    {
      idOf: (summary, region) => `endpoint:${region}:${summary.EndpointName ?? ''}`,
      create: (summary, region, changed) => new EndpointNode(summary, session, region, changed),
      update: (node, summary) => node.update(summary),
    },
  );
}
