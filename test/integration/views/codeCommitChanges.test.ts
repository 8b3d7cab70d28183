// "Open Changes" on a CodeCommit commit, in the real extension host: the files the commit changed,
// opened in VS Code's diff editor against the parent commit, read through GetDifferences and GetBlob.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { childNamed } from '../support/tree';
import { workbench } from '../support/workbench';

const REPO = 'abalone-cicd-pipeline';

async function commitIds(branch: string): Promise<Map<string, string>> {
  const api = await workbench();
  const group = await childNamed(api.views.providers.pipelines as never, 'CodeCommit Repositories');
  const commits = await (await childNamed(await childNamed(group, REPO), branch)).getChildren!();
  const ids = new Map<string, string>();
  for (const c of commits) ids.set(String((await c.getTreeItem()).label), c.resource!.name);
  return ids;
}

async function activeDiff(): Promise<{ original: string; modified: string; label: string }> {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `a diff editor is active (got ${tab?.label})`);
  const input = tab.input as vscode.TabInputTextDiff;
  const [original, modified] = await Promise.all([vscode.workspace.openTextDocument(input.original), vscode.workspace.openTextDocument(input.modified)]);
  return { original: original.getText(), modified: modified.getText(), label: tab.label };
}

describe('CodeCommit changes', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the one file a commit changed against its parent', async () => {
    const id = (await commitIds('main')).get('Checkpoint')!;
    const differences = await (await workbench()).commits.openChanges(REPO, id);
    assert.deepStrictEqual(differences.map((d) => `${d.changeType} ${d.afterBlob?.path}`), ['M app.py']);
    const diff = await activeDiff();
    assert.strictEqual(diff.label, `app.py (modified in ${id.slice(0, 8)})`);
    assert.match(diff.original, /CDK_VERSION = "2\.3\.0"/);
    assert.match(diff.modified, /CDK_VERSION = "2\.4\.0"/);
  });

  it('shows an added file against nothing, and lets the user choose among several', async () => {
    const added = (await commitIds('model')).get('Added Integration artifacts')!;
    await (await workbench()).commits.openChanges(REPO, added);
    const diff = await activeDiff();
    assert.strictEqual(diff.original, '');
    assert.match(diff.modified, /def test_endpoint_answers_with_a_number_of_rings/);

    const initial = (await commitIds('main')).get('Initial commit of Pipeline Artifacts')!;
    let offered: string[] = [];
    await (await workbench()).commits.openChanges(REPO, initial, async (ds) => {
      offered = ds.map((d) => d.afterBlob?.path ?? '');
      return ds.find((d) => d.afterBlob?.path === 'cdk.json');
    });
    assert.deepStrictEqual(offered, ['abalone_cicd_pipeline/abalone_cicd_pipeline_stack.py', 'app.py', 'cdk.json', 'requirements.txt']);
    assert.match((await activeDiff()).modified, /"app": "python3 app.py"/);
  });

  it('opens a file as it was at a commit, read-only', async () => {
    const initial = (await commitIds('model')).get('Initial commit of model artifacts')!;
    let offered: string[] = [];
    const doc = await (await workbench()).commits.openFile(REPO, initial, async (paths) => {
      offered = paths;
      return 'artifacts/scripts/build.py';
    });
    assert.deepStrictEqual(offered, ['artifacts/Dockerfile', 'artifacts/scripts/build.py', 'artifacts/scripts/evaluate.py']);
    assert.match(doc?.getText() ?? '', /"max_depth": 6,/, 'the hyperparameters before tuning');
    assert.strictEqual(doc?.uri.scheme, 'sagemaker-workbench-codecommit');
  });

  it('compares a commit with an earlier one of its branch', async () => {
    const ids = await commitIds('model');
    const head = ids.get('Added Integration artifacts')!;
    let choices: string[] = [];
    const differences = await (await workbench()).commits.compare(REPO, head, async (cs) => {
      choices = cs.map((c) => c.message);
      return cs.find((c) => c.message === 'Initial commit of model artifacts')?.commitId;
    }, async (ds) => ds.find((d) => d.afterBlob?.path === 'artifacts/scripts/build.py'));
    assert.deepStrictEqual(choices, ['Tune XGBoost max_depth to 5 and eta to 0.2', 'Initial commit of model artifacts']);
    assert.deepStrictEqual(differences.map((d) => `${d.changeType} ${d.afterBlob?.path}`), ['M artifacts/scripts/build.py', 'A artifacts/tests/test_integration.py']);
    const diff = await activeDiff();
    assert.match(diff.original, /"max_depth": 6,/);
    assert.match(diff.modified, /"max_depth": 5,/);
  });
});
