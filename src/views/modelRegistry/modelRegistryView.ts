// The Model Registry view: model package groups, one ListModelPackageGroups call per page (filtered by name
// server-side); versions are listed when a group is expanded, metrics read when a version is expanded.
import type { ModelPackageGroupSummary } from '@aws-sdk/client-sagemaker';
import { listModelPackageGroupsPage } from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../aws/session';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ListSource, ResourceListProvider } from '../tree/resourceListProvider';
import { ModelPackageGroupNode } from './modelPackageGroupNode';

export function modelRegistrySource(session: AwsSession): ListSource<ModelPackageGroupSummary> {
  let provider: ResourceListProvider<ModelPackageGroupSummary> | undefined;
  // Nodes are kept across re-renders (Load more) so an expanded group keeps its listed versions.
  const nodes = new Map<string, ModelPackageGroupNode>();
  const changed = (node: ExplorerNode) => provider?.refresh(node);
  return {
    key: 'modelRegistry',
    noun: 'model package groups',
    service: 'sagemaker',
    operation: 'ListModelPackageGroups',
    // ListModelPackageGroups filters by name only; group statuses are rarely anything but Completed.
    statuses: [],
    fetchPage: (token, filter) => listModelPackageGroupsPage(session.clients, token, filter),
    toNode: (summary) => {
      const region = session.current.region;
      const id = `modelPackageGroup:${region}:${summary.ModelPackageGroupName ?? ''}`;
      let node = nodes.get(id);
      if (!node) {
        node = new ModelPackageGroupNode(summary, session, region, changed);
        nodes.set(id, node);
      }
      return node;
    },
    // No groups: this hook runs on the first listing and after every full refresh (filter, refresh button,
    // region change), so it is where the provider introduces itself and where kept nodes are dropped.
    groups: (p) => {
      provider = p;
      nodes.clear();
      return [];
    },
  };
}
