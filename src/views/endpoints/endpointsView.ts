// The Endpoints view: one ListEndpoints call per page, filtered and sorted server-side; an endpoint is
// described (with its configuration and autoscaling targets) only when expanded.
import type { EndpointSummary } from '@aws-sdk/client-sagemaker';
import { ENDPOINT_STATUSES, listEndpointsPage } from '../../aws/sagemaker/endpointsApi';
import type { AwsSession } from '../../aws/session';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ListSource, ResourceListProvider } from '../tree/resourceListProvider';
import { EndpointNode } from './endpointNode';

export function endpointsSource(session: AwsSession): ListSource<EndpointSummary> {
  let provider: ResourceListProvider<EndpointSummary> | undefined;
  // Nodes are kept across re-renders (Load more, polling) so an expanded endpoint keeps its variants.
  const nodes = new Map<string, EndpointNode>();
  const changed = (node: ExplorerNode) => provider?.refresh(node);
  return {
    key: 'endpoints',
    noun: 'endpoints',
    service: 'sagemaker',
    operation: 'ListEndpoints',
    statuses: ENDPOINT_STATUSES,
    fetchPage: (token, filter) => listEndpointsPage(session.clients, token, filter),
    statusOf: (summary) => summary.EndpointStatus,
    keyOf: (summary) => summary.EndpointName ?? '',
    toNode: (summary) => {
      const region = session.current.region;
      const id = `endpoint:${region}:${summary.EndpointName ?? ''}`;
      const existing = nodes.get(id);
      if (existing) {
        existing.update(summary);
        return existing;
      }
      const node = new EndpointNode(summary, session, region, changed);
      nodes.set(id, node);
      return node;
    },
    // No groups: this hook runs on the first listing and after every full refresh, so it is where the
    // provider introduces itself and where kept nodes are dropped.
    groups: (p) => {
      provider = p;
      nodes.clear();
      return [];
    },
  };
}
