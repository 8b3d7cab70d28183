// The Pipelines view: CodePipeline releases first (one ListPipelines call per page, then each shown
// pipeline's state, which carries the approval tokens), then SageMaker Pipelines and the CodeCommit
// repositories as groups that list only when expanded. The view's badge counts waiting approvals: those of
// every pipeline in the account, whose states are read in the background while the view is visible.
import * as vscode from 'vscode';
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
import { PipelineStateSweep } from './pipelineStateSweep';
import { PipelineStateWatch } from './pipelineStateWatch';
import { SageMakerPipelineNode } from './sageMakerPipelineNodes';

export interface PipelinesSource extends ListSource<PipelineSummary> {
  watch: PipelineStateWatch;
  sweep: PipelineStateSweep;
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
      noun: vscode.l10n.t('pipelines'),
      service: 'codepipeline',
      operation: 'ListPipelines',
      // ListPipelines carries no status; the name filter is applied to each page.
      statuses: [],
      fetchPage: (token, filter) => {
        if (!token) stateReadsLeft = AUTO_STATE_READS;
        return listCodePipelinesPage(session.clients, token, filter, pageSize(), sweep.pageListener(!token));
      },
      groupsLast: true,
      attach: (view) => vscode.Disposable.from(watch.attach(view), sweep.attach(view), sweep),
    },
    {
      idOf: (summary, r) => `codePipeline:${r}:${summary.name ?? ''}`,
      create: (summary, r, changed) =>
        new CodePipelineNode(
          summary,
          session,
          r,
          {
            changed,
            stateRead: (node, before) => {
              sweep.nodeRead(node);
              watch.stateRead(node, before);
            },
            readStarted: (node) => sweep.started(node.name),
            throttled: () => sweep.throttled(),
            knownState: (name) => sweep.stateOf(name),
            pendingState: (name) => sweep.pendingState(name),
            readingInBackground: () => sweep.running,
          },
          stateReadsLeft-- > 0,
        ),
      groups: (changed) => {
        watch.stop();
        sweep.refreshAll();
        watch.updateBadge();
        return [
          new PagedGroupNode({
            id: `pipelines:${region()}:sageMakerPipelines`,
            label: vscode.l10n.t('SageMaker Pipelines'),
            icon: 'type-hierarchy',
            noun: vscode.l10n.t('SageMaker pipelines'),
            contextValue: 'sageMakerPipelinesGroup',
            fetch: (token) => listSageMakerPipelinesPage(session.clients, token, pageSize()),
            toNode: (s) => new SageMakerPipelineNode(s, session, region(), changed),
            changed,
            describeError: (e) => toUserError(e, session, 'sagemaker', 'ListPipelines').message,
          }),
          new PagedGroupNode({
            id: `pipelines:${region()}:codeCommit`,
            label: vscode.l10n.t('CodeCommit Repositories'),
            icon: 'repo',
            noun: vscode.l10n.t('repositories'),
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
  const sweep: PipelineStateSweep = new PipelineStateSweep(session, {
    nodeOf: (name) => watch.find(name),
    approvalsChanged: () => watch.updateBadge(),
  });
  const watch: PipelineStateWatch = new PipelineStateWatch(
    (): Iterable<CodePipelineNode> => source.nodes(),
    () => sweep.approvals,
  );
  return { ...source, watch, sweep };
}
