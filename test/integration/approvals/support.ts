// The seeded abalone release as the Pipelines view shows it: its node, its stages and the waiting approval's
// node, taken from the running view provider (what a menu passes to the commands).
import * as assert from 'assert';
import type { CodePipelineNode } from '../../../src/views/pipelines/codePipelineNode';
import type { ApprovalActionNode, StageNode } from '../../../src/views/pipelines/codePipelineStageNodes';
import { RELEASE } from '../support/answers/releases';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';

/** The release's node after a full refresh of the view, once its state shows the approval waiting. */
export async function waitingRelease(): Promise<CodePipelineNode> {
  const provider = (await host()).views.providers.pipelines;
  provider.refresh();
  const release = (await childNamed(provider as never, RELEASE)) as CodePipelineNode;
  await until(
    'the release waiting for approval',
    async () => String((await release.getTreeItem()).description).startsWith('Waiting for approval') || undefined,
  );
  assert.strictEqual(release.approvals.length, 1, 'one approval waits');
  return release;
}

export async function stageNode(release: CodePipelineNode, stage: string): Promise<StageNode> {
  return (await childNamed(release, stage)) as StageNode;
}

/** The EvaluationApproval node under the Approval stage (Approve / Reject / Review hang on it). */
export async function approvalNode(release: CodePipelineNode): Promise<ApprovalActionNode> {
  return (await childNamed(await stageNode(release, 'Approval'), 'EvaluationApproval')) as ApprovalActionNode;
}
