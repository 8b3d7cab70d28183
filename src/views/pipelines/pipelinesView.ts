// The Pipelines view: CodePipeline releases first (one ListPipelines call per page, then each shown
// pipeline's state, which carries the approval tokens), then SageMaker Pipelines and the CodeCommit
// repositories as groups that list only when expanded. The view's badge counts waiting approvals.
import type { PipelineSummary } from '@aws-sdk/client-codepipeline';
import { listCodePipelinesPage } from '../../aws/codepipeline/codePipelineApi';
import { listRepositoriesPage } from '../../aws/codecommit/codeCommitApi';
import { listSageMakerPipelinesPage } from '../../aws/sagemaker/pipelinesApi';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import { toUserError } from '../../ui/showAwsError';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { withKeptNodes } from '../tree/keptNodes';
import type { ListSource } from '../tree/resourceListProvider';
import { RepositoryNode } from './codeCommitNodes';
import { AUTO_STATE_READS, CodePipelineNode } from './codePipelineNode';
import { PipelineStateWatch } from './pipelineStateWatch';
import { SageMakerPipelineNode } from './sageMakerPipelineNodes';

export interface PipelinesSource extends ListSource<PipelineSummary> {
  watch: PipelineStateWatch;
}

export function pipelinesSource(session: AwsSession): PipelinesSource {
  const region = () => session.current.region;
  // Each listing from the first page on may read AUTO_STATE_READS new pipelines' states at once.
  let stateReadsLeft = AUTO_STATE_READS;
  // Pipeline nodes are kept across re-renders so each pipeline's state is read once, not on every render.
  const source: ListSource<PipelineSummary> & { nodes(): Iterable<CodePipelineNode> } = withKeptNodes(
    session,
    {
      key: 'pipelines',
      noun: 'pipelines',
      service: 'codepipeline',
      operation: 'ListPipelines',
      // ListPipelines carries no status; the name filter is applied to each page.
      statuses: [],
      fetchPage: (token, filter) => {
        if (!token) stateReadsLeft = AUTO_STATE_READS;
        return listCodePipelinesPage(session.clients, token, filter, pageSize());
      },
      groupsLast: true,
      attach: (view) => watch.attach(view),
    },
    {
      idOf: (summary, r) => `codePipeline:${r}:${summary.name ?? ''}`,
      create: (summary, r, changed) =>
        new CodePipelineNode(
          summary,
          session,
          r,
          { changed, stateRead: (node, before) => watch.stateRead(node, before) },
          stateReadsLeft-- > 0,
        ),
      groups: (changed) => {
        watch.stop();
        watch.updateBadge();
        return [
          new PagedGroupNode({
            id: `pipelines:${region()}:sageMakerPipelines`,
            label: 'SageMaker Pipelines',
            icon: 'type-hierarchy',
            noun: 'SageMaker pipelines',
            contextValue: 'sageMakerPipelinesGroup',
            fetch: (token) => listSageMakerPipelinesPage(session.clients, token, pageSize()),
            toNode: (s) => new SageMakerPipelineNode(s, session, region(), changed),
            changed,
            describeError: (e) => toUserError(e, session, 'sagemaker', 'ListPipelines').message,
          }),
          new PagedGroupNode({
            id: `pipelines:${region()}:codeCommit`,
            label: 'CodeCommit Repositories',
            icon: 'repo',
            noun: 'repositories',
            contextValue: 'codeCommitGroup',
            fetch: (token) => listRepositoriesPage(session.clients, token),
            toNode: (r) => new RepositoryNode(r, session, region(), changed),
            changed,
            describeError: (e) => toUserError(e, session, 'codecommit', 'ListRepositories').message,
          }),
        ];
      },
    },
  );
  const watch: PipelineStateWatch = new PipelineStateWatch((): Iterable<CodePipelineNode> => source.nodes());
  return { ...source, watch };
}
