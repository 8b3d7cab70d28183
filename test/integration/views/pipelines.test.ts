// The Pipelines view in the real extension host against the seeded abalone release: CodePipeline first
// (the release waiting at EvaluationApproval is unmissable: bell icon, view badge), SageMaker Pipelines and
// CodeCommit as groups listed on expand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PipelineSummary } from '@aws-sdk/client-codepipeline';
import { isAwsConsoleUrl } from '../../../src/model/consoleUrls';
import { DEFAULT_FILTER } from '../../../src/model/viewFilter';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import type { ActionNode, ApprovalActionNode } from '../../../src/views/pipelines/codePipelineStageNodes';
import { clearRequests, resetEmulator } from '../support/emulatorControl';
import { calls, childNamed, items, label } from '../support/tree';
import { run, withWindow } from '../support/testWindow';
import { host, until } from '../support/workbench';

type Provider = ResourceListProvider<PipelineSummary>;
const RELEASE = 'abalone-cicd-pipeline';

async function provider(): Promise<Provider> {
  return (await host()).views.providers.pipelines as unknown as Provider;
}

async function waitingRelease(): Promise<ExplorerNode> {
  const release = await childNamed(await provider(), RELEASE);
  await until(
    'the release state',
    async () => String((await release.getTreeItem()).description).startsWith('Waiting for approval') || undefined,
  );
  return release;
}

describe('Pipelines view', function () {
  this.timeout(60_000);
  // These tests count the reads rendering makes; the status polling of running releases is tested on its own.
  // The view hidden (an earlier suite may have left the SageMaker sidebar showing): VS Code rendering the visible
  // view at the same time as a test would be a second render, with reads of its own.
  before(async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  });
  after(async () =>
    vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global),
  );

  beforeEach(async () => {
    const p = await provider();
    await p.setFilter(DEFAULT_FILTER);
    await clearRequests();
  });

  it('lists CodePipeline pipelines with one ListPipelines call, then the groups', async () => {
    const nodes = await (await provider()).getChildren();
    // (Rendering reads each pipeline's state; the end-to-end suite covers the visible view.)
    const own = (await calls()).filter((c) => c.startsWith('codepipeline.') && c !== 'codepipeline.GetPipelineState');
    assert.deepStrictEqual(own, ['codepipeline.ListPipelines'], 'the first page is one call');
    assert.deepStrictEqual((await items(nodes)).map(label), [
      RELEASE,
      'SageMaker Pipelines',
      'CodeCommit Repositories',
    ]);
  });

  it('marks the release waiting at EvaluationApproval with the bell and counts it on the view badge', async () => {
    const release = await waitingRelease();
    const item = await release.getTreeItem();
    assert.strictEqual(item.description, 'Waiting for approval · EvaluationApproval');
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'bell-dot');
    assert.strictEqual(item.contextValue, 'resource:codePipeline:InProgress:approvalPending');
    assert.deepStrictEqual(
      (await calls()).filter((c) => c === 'codepipeline.GetPipelineState').length,
      1,
      'its state is read once',
    );
    const view = (await host()).views.treeViews.pipelines!;
    await until('the badge', () => view.badge?.value === 1 || undefined);
    assert.strictEqual(view.badge?.tooltip, '1 release waiting for your approval');
  });

  it('shows the stages with their actions; the waiting approval carries its token', async () => {
    const release = await waitingRelease();
    await clearRequests();
    const children = await release.getChildren!();
    assert.deepStrictEqual(await calls(), [], 'stages come from the state already read');
    const stageItems = await items(children);
    assert.deepStrictEqual(stageItems.map(label), ['Source', 'Build', 'Approval', 'Deploy', 'Recent executions']);
    assert.deepStrictEqual(
      stageItems.slice(0, 4).map((i) => i.description),
      ['Succeeded', 'Succeeded', 'Waiting for approval', 'Succeeded · previous execution'],
    );
    assert.strictEqual((stageItems[2].iconPath as vscode.ThemeIcon).id, 'bell-dot');
    assert.strictEqual(
      stageItems[2].collapsibleState,
      vscode.TreeItemCollapsibleState.Expanded,
      'the waiting stage opens by itself',
    );

    const approval = (await childNamed(children[2], 'EvaluationApproval')) as ApprovalActionNode;
    const approvalItem = await approval.getTreeItem();
    assert.strictEqual(approvalItem.contextValue, 'pipelineApproval:pending');
    assert.match(String(approvalItem.description), /^Waiting for approval · \d+\w ago$/);
    assert.match(approval.approval.token, /^[0-9a-f-]{36}$/);
    assert.strictEqual(approval.approval.stageName, 'Approval');

    const build = await items(await children[1].getChildren!());
    assert.deepStrictEqual(build.map(label), ['ContainerBuild', 'Preprocess', 'Train', 'Evaluate']);
    assert.ok(
      build.every((b) => b.contextValue === 'pipelineAction:Succeeded:link'),
      'each build links to its CodeBuild log',
    );
    const sources = await items(await children[0].getChildren!());
    assert.deepStrictEqual(sources.map(label), ['MainSource', 'ModelSource']);
    assert.match(String(sources[0].description), /^Succeeded · [0-9a-f]{8} · Checkpoint · /);
    assert.match(String(sources[1].description), /Added Integration artifacts/);
  });

  it("opens an action's page (a build's CodeBuild log) in the browser from its menu", async () => {
    const release = await waitingRelease();
    const train = (await childNamed(await childNamed(release, 'Build'), 'Train')) as ActionNode;
    assert.strictEqual(
      (await train.getTreeItem()).contextValue,
      'pipelineAction:Succeeded:link',
      'the menu offers Open Action Link',
    );
    const link = train.link!;
    assert.ok(isAwsConsoleUrl(link), `a console page: ${link}`);
    const opened = await withWindow(async (ui) => {
      await run('openActionLink', train);
      return ui.opened.map(String);
    });
    assert.deepStrictEqual(opened, [String(vscode.Uri.parse(link))]);
  });

  it('lists recent executions of the release, newest first', async () => {
    const release = await waitingRelease();
    const group = await childNamed(release, 'Recent executions');
    await clearRequests();
    const executions = await items(await group.getChildren!());
    assert.deepStrictEqual(await calls(), ['codepipeline.ListPipelineExecutions']);
    assert.deepStrictEqual(
      executions.map((e) => String(e.description).split(' · ')[0]),
      ['InProgress', 'Succeeded', 'Failed', 'Succeeded'],
    );
    // Expanding a past execution shows each stage with its duration, from one ListActionExecutions call.
    const approved = (await group.getChildren!())[1];
    await clearRequests();
    const stages = await items(await approved.getChildren!());
    assert.deepStrictEqual(await calls(), ['codepipeline.ListActionExecutions']);
    assert.deepStrictEqual(
      stages.map((st) => `${label(st)}: ${st.description}`),
      ['Source: Succeeded · 1m', 'Build: Succeeded · 10m', 'Approval: Succeeded · 5m', 'Deploy: Succeeded · 10m'],
    );
  });

  it('lists SageMaker Pipelines, their executions and the steps in the order they ran', async () => {
    const group = await childNamed(await provider(), 'SageMaker Pipelines');
    await clearRequests();
    const pipeline = await childNamed(group, 'AbalonePipeline');
    // (Rendering the release may read its state meanwhile; only the SageMaker calls matter here.)
    assert.deepStrictEqual(
      (await calls()).filter((c) => c.startsWith('sagemaker.')),
      ['sagemaker.ListPipelines'],
    );
    const executions = await pipeline.getChildren!();
    const executionItems = await items(executions);
    assert.strictEqual(executionItems.length, 4);
    assert.deepStrictEqual(
      executionItems.slice(1).map((e) => String(e.description).split(' · ')[0]),
      ['Succeeded', 'Failed', 'Succeeded'],
    );
    // A run lists its parameters first, then its steps.
    const failedSteps = (await items(await executions[2].getChildren!())).slice(1);
    assert.deepStrictEqual(
      failedSteps.map((s) => `${label(s)}:${String(s.description).split(' · ')[0]}`),
      ['AbaloneProcess:Succeeded', 'AbaloneTrain:Failed'],
    );
    assert.strictEqual((failedSteps[1].iconPath as vscode.ThemeIcon).id, 'error');
    const steps = (await items(await executions[1].getChildren!())).slice(1);
    assert.deepStrictEqual(steps.map(label), [
      'AbaloneProcess',
      'AbaloneTrain',
      'AbaloneEval',
      'CheckMSEAbaloneEvaluation',
      'RegisterAbaloneModel-RegisterModel',
      'CreateAbaloneModel',
    ]);
    assert.match(
      String(steps[4].description),
      /abalonepackagegroup\/4$/,
      'the register step names the model package it made',
    );
  });

  it('lists CodeCommit branches and the recent commits of a branch', async () => {
    const group = await childNamed(await provider(), 'CodeCommit Repositories');
    const repo = await childNamed(group, RELEASE);
    assert.deepStrictEqual((await items(await repo.getChildren!())).map(label), ['main', 'model']);
    const main = await childNamed(repo, 'main');
    await clearRequests();
    const commits = await items(await main.getChildren!());
    assert.deepStrictEqual(commits.map(label), [
      'Checkpoint',
      'Add evaluation step writing evaluation.json',
      'Initial commit of Pipeline Artifacts',
    ]);
    assert.deepStrictEqual(await calls(), [
      'codecommit.GetBranch',
      'codecommit.GetCommit',
      'codecommit.GetCommit',
      'codecommit.GetCommit',
    ]);
    assert.match(String(commits[0].description), /^[0-9a-f]{8} · Sam Okafor · 1d ago$/);
  });

  it('filters pipelines by name and keeps the groups', async () => {
    const p = await provider();
    await p.setFilter({ ...DEFAULT_FILTER, nameContains: 'no-such-pipeline' });
    const labels = (await items(await p.getChildren())).map(label);
    assert.deepStrictEqual(labels, ['No pipelines match the filter', 'SageMaker Pipelines', 'CodeCommit Repositories']);
  });

  it("shows a pipeline's details as JSON, which also makes its ARN known for Copy ARN", async () => {
    const release = await childNamed(await provider(), RELEASE);
    assert.strictEqual(release.resource?.arn, undefined, 'ListPipelines returns no ARN');
    const doc = JSON.parse((await (await host()).details.open(release.resource!)).document.getText()) as {
      pipeline?: { name?: string; stages?: unknown[] };
    };
    assert.strictEqual(doc.pipeline?.name, RELEASE);
    assert.strictEqual(doc.pipeline?.stages?.length, 4);
    assert.strictEqual(release.resource?.arn, 'arn:aws:codepipeline:us-east-1:123456789012:abalone-cicd-pipeline');
  });

  it('with the view hidden, reads the state of only the first ten of 200 pipelines at once; the others when expanded', async () => {
    // Hidden, no background reads (the visible view's are tested in pipelinesAtScale.test.ts).
    await vscode.commands.executeCommand('workbench.view.explorer');
    await resetEmulator('large');
    try {
      const p = await provider();
      p.refresh();
      const nodes = (await p.getChildren()).filter((n) => n.resource?.kind === 'codepipeline');
      const shown = await items(nodes);
      await until('the first ten states', async () =>
        (await items(nodes)).every((i) => i.description !== 'reading state…') ? true : undefined,
      );
      const reads = (await calls()).filter((c) => c === 'codepipeline.GetPipelineState');
      assert.strictEqual(nodes.length, 50, 'the first page of 200');
      assert.strictEqual(reads.length, 10);
      // (The release's state, read by the tests before, stays shown: the rows list it among the 40 others.)
      const unread = shown.filter((i) => i.description === 'expand for its state' && i.label !== RELEASE);
      assert.strictEqual(unread.length, 39);
      const last = nodes.find((n) => n.resource?.name === 'team-049-release')!;
      assert.strictEqual((await last.getTreeItem()).description, 'expand for its state');
      await clearRequests();
      const stages = await last.getChildren!();
      assert.deepStrictEqual((await items(stages)).map(label).slice(0, 3), ['Source', 'Build', 'Deploy']);
      assert.deepStrictEqual(await calls(), ['codepipeline.GetPipelineState'], "expanding reads that pipeline's state");
      assert.match(String((await last.getTreeItem()).description), /^Succeeded/);
    } finally {
      await resetEmulator();
      (await provider()).refresh();
    }
  });
});
