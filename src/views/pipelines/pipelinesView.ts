// The Pipelines view: CodePipeline releases first (one ListPipelines call per page, then each shown
// pipeline's state, which carries the approval tokens), then SageMaker Pipelines and the CodeCommit
// repositories as groups that list only when expanded. The view's badge counts waiting approvals.
import type { PipelineSummary } from '@aws-sdk/client-codepipeline';
import { listCodePipelinesPage } from '../../aws/codepipeline/codePipelineApi';
import { listRepositoriesPage } from '../../aws/codecommit/codeCommitApi';
import { listSageMakerPipelinesPage } from '../../aws/sagemaker/pipelinesApi';
import type { AwsSession } from '../../aws/session';
import { toUserError } from '../../aws/showAwsError';
import type { ExplorerNode } from '../tree/explorerNode';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import type { ListSource, ResourceListProvider } from '../tree/resourceListProvider';
import { RepositoryNode } from './codeCommitNodes';
import { CodePipelineNode } from './codePipelineNode';
import { PipelineStateWatch } from './pipelineStateWatch';
import { SageMakerPipelineNode } from './sageMakerPipelineNodes';

export interface PipelinesSource extends ListSource<PipelineSummary> {
  watch: PipelineStateWatch;
}

export function pipelinesSource(session: AwsSession): PipelinesSource {
  let provider: ResourceListProvider<PipelineSummary> | undefined;
  // Kept across re-renders so a pipeline's state is read once, not on every render.
  const nodes = new Map<string, CodePipelineNode>();
  const changed = (node: ExplorerNode) => provider?.refresh(node);
  const watch = new PipelineStateWatch(() => nodes.values());
  const hooks = { changed, stateRead: (node: CodePipelineNode, before: string | undefined) => watch.stateRead(node, before) };
  return {
    key: 'pipelines',
    noun: 'pipelines',
    service: 'codepipeline',
    operation: 'ListPipelines',
    // ListPipelines carries no status; the name filter is applied to each page.
    statuses: [],
    watch,
    fetchPage: (token, filter) => listCodePipelinesPage(session.clients, token, filter),
    toNode: (summary) => {
      const region = session.current.region;
      const id = `codePipeline:${region}:${summary.name ?? ''}`;
      let node = nodes.get(id);
      if (!node) {
        node = new CodePipelineNode(summary, session, region, hooks);
        nodes.set(id, node);
      }
      return node;
    },
    groupsLast: true,
    groups: (p) => {
      provider = p;
      nodes.clear();
      watch.stop();
      watch.updateBadge();
      const region = session.current.region;
      return [
        new PagedGroupNode({
          id: `pipelines:${region}:sageMakerPipelines`,
          label: 'SageMaker Pipelines',
          icon: 'type-hierarchy',
          noun: 'SageMaker pipelines',
          contextValue: 'sageMakerPipelinesGroup',
          fetch: (token) => listSageMakerPipelinesPage(session.clients, token),
          toNode: (s) => new SageMakerPipelineNode(s, session, region, changed),
          changed,
          describeError: (e) => toUserError(e, session, 'sagemaker', 'ListPipelines').message,
        }),
        new PagedGroupNode({
          id: `pipelines:${region}:codeCommit`,
          label: 'CodeCommit Repositories',
          icon: 'repo',
          noun: 'repositories',
          contextValue: 'codeCommitGroup',
          fetch: (token) => listRepositoriesPage(session.clients, token),
          toNode: (r) => new RepositoryNode(r, session, region, changed),
          changed,
          describeError: (e) => toUserError(e, session, 'codecommit', 'ListRepositories').message,
        }),
      ];
    },
    attach: (view) => watch.attach(view),
  };
}
