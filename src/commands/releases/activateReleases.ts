// Releases: CodePipeline pipelines with their manual approvals, CodeCommit commits, SageMaker Pipelines. The
// commands load on first use; a commit's files are served from activation, so an open one survives a reload.
import * as vscode from 'vscode';
import { registerLazyCommands } from '../../ui/commands';
import { CommitFiles, COMMIT_FILE_SCHEME } from '../../views/codecommit/commitFiles';
import { notifyPendingApprovals } from '../../views/pipelines/pipelineStateWatch';
import type { Workbench } from '../workbench';

const RELEASE_COMMANDS = [
  'sagemakerWorkbench.openCommitChanges',
  'sagemakerWorkbench.openFileAtCommit',
  'sagemakerWorkbench.compareCommits',
  'sagemakerWorkbench.approveRelease',
  'sagemakerWorkbench.rejectRelease',
  'sagemakerWorkbench.reviewPendingApprovals',
  'sagemakerWorkbench.openReleaseReview',
  'sagemakerWorkbench.startPipelineExecution',
  'sagemakerWorkbench.stopPipelineExecution',
  'sagemakerWorkbench.retryStage',
  'sagemakerWorkbench.openActionLink',
  'sagemakerWorkbench.startSageMakerPipeline',
];

export function activateReleases(wb: Workbench, ready: Promise<void>): void {
  const { session, views, log } = wb;
  wb.context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_FILE_SCHEME, new CommitFiles(session)),
    registerLazyCommands(wb, vscode.l10n.t('releases'), RELEASE_COMMANDS, async (host) =>
      (await import(/* webpackChunkName: "releases" */ './releaseCommands.js')).registerReleaseCommands(host),
    ),
  );
  // Opt-in: list the pipelines after activation (never during it) so waiting approvals are announced.
  const watchApprovals = () => {
    if (notifyPendingApprovals())
      void import(/* webpackChunkName: "releases" */ './approvalCommands.js')
        .then(({ pendingApprovalsEverywhere }) => pendingApprovalsEverywhere(views))
        .catch((err: unknown) => log.warn(`Watching approvals failed: ${String(err)}`));
  };
  void ready.then(watchApprovals);
  wb.context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sagemakerWorkbench.notifyPendingApprovals')) watchApprovals();
    }),
  );
}
