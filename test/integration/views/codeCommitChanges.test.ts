// CodeCommit commits in the real extension host, through the commands of a commit's menu in the Pipelines
// view: "Open Changes" (the files a commit changed, in VS Code's diff editor against the parent commit,
// read through GetDifferences and GetBlob), "Open File at Commit…" and "Compare with Earlier Commit…".
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CommitOutcome } from '../../../src/commands/releases/commitCommands';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { run, withWindow } from '../support/testWindow';
import { childNamed, label } from '../support/tree';
import { host } from '../support/workbench';

const REPO = 'abalone-cicd-pipeline';

/** The commit nodes of a branch, by their label (the commit message's first line). */
async function commits(branch: string): Promise<Map<string, ExplorerNode>> {
  const group = await childNamed((await host()).views.providers.pipelines as never, 'CodeCommit Repositories');
  const nodes = await (await childNamed(await childNamed(group, REPO), branch)).getChildren!();
  const byLabel = new Map<string, ExplorerNode>();
  for (const c of nodes) byLabel.set(label(await c.getTreeItem()), c);
  return byLabel;
}

const idOf = (node: ExplorerNode) => node.resource!.name;

async function activeDiff(): Promise<{ original: string; modified: string; label: string }> {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `a diff editor is active (got ${tab?.label})`);
  const input = tab.input as vscode.TabInputTextDiff;
  const [original, modified] = await Promise.all([
    vscode.workspace.openTextDocument(input.original),
    vscode.workspace.openTextDocument(input.modified),
  ]);
  return { original: original.getText(), modified: modified.getText(), label: tab.label };
}

describe('CodeCommit changes', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the one file a commit changed against its parent', async () => {
    const node = (await commits('main')).get('Checkpoint')!;
    const item = await node.getTreeItem();
    assert.strictEqual(
      item.command?.command,
      'sagemakerWorkbench.openCommitChanges',
      'clicking a commit opens its changes',
    );
    const id = idOf(node);
    const result = await withWindow(() => run<CommitOutcome>('openCommitChanges', ...(item.command?.arguments ?? [])));
    assert.deepStrictEqual(
      result.differences?.map((d) => `${d.changeType} ${d.afterBlob?.path}`),
      ['M app.py'],
    );
    const diff = await activeDiff();
    assert.strictEqual(diff.label, `app.py (modified in ${id.slice(0, 8)})`);
    assert.match(diff.original, /CDK_VERSION = "2\.3\.0"/);
    assert.match(diff.modified, /CDK_VERSION = "2\.4\.0"/);
  });

  it('shows an added file against nothing, and lets the user choose among several', async () => {
    const added = (await commits('model')).get('Added Integration artifacts')!;
    await withWindow(() => run('openCommitChanges', added));
    const diff = await activeDiff();
    assert.strictEqual(diff.original, '');
    assert.match(diff.modified, /def test_endpoint_answers_with_a_number_of_rings/);

    const initial = (await commits('main')).get('Initial commit of Pipeline Artifacts')!;
    let offered: string[] = [];
    await withWindow(async (ui) => {
      ui.onQuickPick(/— 4 files changed$/, (p) => {
        offered = p.items.map((i) => i.label);
        p.pick('cdk.json');
      });
      await run('openCommitChanges', initial);
    });
    assert.deepStrictEqual(offered, [
      'abalone_cicd_pipeline/abalone_cicd_pipeline_stack.py',
      'app.py',
      'cdk.json',
      'requirements.txt',
    ]);
    assert.match((await activeDiff()).modified, /"app": "python3 app.py"/);
  });

  it('opens a file as it was at a commit, read-only', async () => {
    const initial = (await commits('model')).get('Initial commit of model artifacts')!;
    let offered: string[] = [];
    const result = await withWindow(async (ui) => {
      ui.onQuickPick(`Files at ${idOf(initial).slice(0, 8)} (${REPO})`, (p) => {
        offered = p.items.map((i) => i.label);
        p.pick('artifacts/scripts/build.py');
      });
      return run<CommitOutcome>('openFileAtCommit', initial);
    });
    assert.deepStrictEqual(offered, [
      'artifacts/Dockerfile',
      'artifacts/scripts/build.py',
      'artifacts/scripts/evaluate.py',
    ]);
    const doc = vscode.window.activeTextEditor?.document;
    assert.strictEqual(doc?.uri.toString(), result.document?.uri.toString(), 'the file is the active editor');
    assert.match(doc?.getText() ?? '', /"max_depth": 6,/, 'the hyperparameters before tuning');
    assert.strictEqual(doc?.uri.scheme, 'sagemaker-workbench-codecommit');
  });

  it('compares a commit with an earlier one of its branch', async () => {
    const head = (await commits('model')).get('Added Integration artifacts')!;
    let choices: string[] = [];
    const result = await withWindow(async (ui) => {
      ui.onQuickPick(`Compare ${idOf(head).slice(0, 8)} with…`, (p) => {
        choices = p.items.map((i) => i.label);
        p.pick('Initial commit of model artifacts');
      });
      ui.onQuickPick(/^2 files differ between [0-9a-f]{8} and [0-9a-f]{8}$/, (p) =>
        p.pick('artifacts/scripts/build.py'),
      );
      return run<CommitOutcome>('compareCommits', head);
    });
    assert.deepStrictEqual(choices, [
      'Tune XGBoost max_depth to 5 and eta to 0.2',
      'Initial commit of model artifacts',
    ]);
    assert.deepStrictEqual(
      result.differences?.map((d) => `${d.changeType} ${d.afterBlob?.path}`),
      ['M artifacts/scripts/build.py', 'A artifacts/tests/test_integration.py'],
    );
    const diff = await activeDiff();
    assert.match(diff.original, /"max_depth": 6,/);
    assert.match(diff.modified, /"max_depth": 5,/);
  });
});
