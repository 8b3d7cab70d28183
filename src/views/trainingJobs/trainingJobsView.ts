// The Training Jobs view: one ListTrainingJobs call per page (MaxResults 50, however many jobs the account has),
// filtered and sorted server-side; each job is described only when expanded.
import type { TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import { listTrainingJobsPage, TRAINING_JOB_STATUSES } from '../../aws/sagemaker/trainingJobsApi';
import type { AwsSession } from '../../aws/session';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ListSource, ResourceListProvider } from '../tree/resourceListProvider';
import { TrainingJobNode } from './trainingJobNode';

export function trainingJobsSource(session: AwsSession): ListSource<TrainingJobSummary> {
  let provider: ResourceListProvider<TrainingJobSummary> | undefined;
  // Nodes are kept across re-renders (Load more, polling) so a described job keeps its details.
  const nodes = new Map<string, TrainingJobNode>();
  const changed = (node: ExplorerNode) => provider?.refresh(node);
  return {
    key: 'trainingJobs',
    noun: 'training jobs',
    service: 'sagemaker',
    operation: 'ListTrainingJobs',
    statuses: TRAINING_JOB_STATUSES,
    fetchPage: (token, filter) => listTrainingJobsPage(session.clients, token, filter),
    statusOf: (summary) => summary.TrainingJobStatus,
    keyOf: (summary) => summary.TrainingJobName ?? '',
    toNode: (summary) => {
      const region = session.current.region;
      const id = `trainingJob:${region}:${summary.TrainingJobName ?? ''}`;
      const existing = nodes.get(id);
      if (existing) {
        existing.update(summary);
        return existing;
      }
      const node = new TrainingJobNode(summary, session, region, changed);
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
