// The Autopilot view: AutoML jobs (V1 and V2 alike), one ListAutoMLJobs call per page, filtered and sorted
// server-side; a job is described and its candidates listed only when expanded.
import type { AutoMLJobSummary } from '@aws-sdk/client-sagemaker';
import { AUTOML_JOB_STATUSES, listAutoMlJobsPage } from '../../aws/sagemaker/autoMlApi';
import type { AwsSession } from '../../aws/session';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ListSource, ResourceListProvider } from '../tree/resourceListProvider';
import { AutoMlJobNode } from './autoMlJobNode';

export function autopilotSource(session: AwsSession): ListSource<AutoMLJobSummary> {
  let provider: ResourceListProvider<AutoMLJobSummary> | undefined;
  // Nodes are kept across re-renders (Load more, polling) so an expanded job keeps its candidates.
  const nodes = new Map<string, AutoMlJobNode>();
  const changed = (node: ExplorerNode) => provider?.refresh(node);
  return {
    key: 'autopilot',
    noun: 'Autopilot jobs',
    service: 'sagemaker',
    operation: 'ListAutoMLJobs',
    statuses: AUTOML_JOB_STATUSES,
    fetchPage: (token, filter) => listAutoMlJobsPage(session.clients, token, filter),
    statusOf: (summary) => summary.AutoMLJobStatus,
    keyOf: (summary) => summary.AutoMLJobName ?? '',
    toNode: (summary) => {
      const region = session.current.region;
      const id = `autoMlJob:${region}:${summary.AutoMLJobName ?? ''}`;
      const existing = nodes.get(id);
      if (existing) {
        existing.update(summary);
        return existing;
      }
      const node = new AutoMlJobNode(summary, session, region, changed);
      nodes.set(id, node);
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
