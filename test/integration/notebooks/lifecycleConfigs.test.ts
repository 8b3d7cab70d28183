// Lifecycle configurations and notebook sync in the real extension host: create from the S3-sync template
// (an unknown bucket refused), scripts edited as files with the 16,384-character limit enforced on save,
// compare with deployed, delete refused while in use; create an instance with a new configuration; publish
// and fetch notebooks at the S3 location the instance's script pulls from.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LifecycleConfigPrompts } from '../../../src/commands/notebooks/lifecycleConfigCommands';
import type { SyncPrompts } from '../../../src/commands/notebooks/notebookSyncCommands';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { workbench } from '../support/workbench';

const ROLE = 'arn:aws:iam::123456789012:role/sm-notebook-instance-role';
const confirm = async () => true;

function configPrompts(name: string, s3Uri: string): LifecycleConfigPrompts {
  return { name: async () => name, template: async () => ({ kind: 's3-sync', s3Uri }), confirm };
}

const sync = (keyPick?: (keys: string[]) => string | undefined): SyncPrompts => ({ clearOutputs: async () => true, confirm, pickNotebook: async (keys) => keyPick?.(keys) ?? keys[0] });
const updates = async () => (await recordedRequests()).filter((r) => r.operation === 'UpdateNotebookInstanceLifecycleConfig');

describe('Lifecycle configurations and notebook sync', function () {
  this.timeout(90_000);
  before(async () => {
    (await workbench()).notebooks.context.pollSeconds = 1;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    (await workbench()).views.providers.notebookInstances.refresh();
  });

  it('creates the S3 notebook sync configuration and opens its script; refuses an unknown bucket and a bad name', async () => {
    const api = await workbench();
    await clearRequests();
    const missing = await api.notebooks.createConfig(configPrompts('lab-sync', 's3://no-such-bucket-here/notebooks/'));
    assert.deepStrictEqual([missing.outcome, missing.message], ['refused', 'The bucket no-such-bucket-here does not exist; check the name (notebooks are synced from an existing bucket).']);
    const badName = await api.notebooks.createConfig(configPrompts('lab_sync', 's3://ml-pipeline-bucket/lab-1/scripts/'));
    assert.match(badName.message!, /^A lifecycle configuration name uses letters, digits/);
    assert.deepStrictEqual((await recordedRequests()).filter((r) => r.operation.startsWith('Create')), [], 'nothing was created');
    const created = await api.notebooks.createConfig(configPrompts('lab-sync', 's3://ml-pipeline-bucket/lab-1/scripts/'));
    assert.strictEqual(created.outcome, 'done', created.message);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), created.script!.toString());
    assert.match(editor.document.getText(), /aws s3 cp s3:\/\/ml-pipeline-bucket\/lab-1\/scripts\/ \/home\/ec2-user\/SageMaker\//);
    assert.strictEqual(editor.document.languageId, 'shellscript');
  });

  it('saves an edited script to the configuration (base64, both hooks) and refuses a 20,000-character one', async () => {
    const api = await workbench();
    const uri = vscode.Uri.parse('sagemaker-lifecycle:/us-east-1/foo/on-start.sh');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.match(document.getText(), /jupyter nbconvert --ClearOutputPreprocessor\.enabled=True --inplace/);
    await clearRequests();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), 'echo "Lab notebooks are ready"\n');
    await vscode.workspace.applyEdit(edit);
    assert.ok(await document.save(), 'saved');
    const [update] = await updates();
    const input = update.input as { OnStart: Array<{ Content: string }>; OnCreate: Array<{ Content: string }> };
    assert.match(Buffer.from(input.OnStart[0].Content, 'base64').toString('utf8'), /echo "Lab notebooks are ready"\n$/);
    assert.strictEqual(Buffer.from(input.OnCreate[0].Content, 'base64').toString('utf8'), 'echo foo\n', 'the other hook is kept');

    await clearRequests();
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('x'.repeat(20_000)))), /The on-start script has 20,000 characters; SageMaker takes at most 16,384/);
    assert.deepStrictEqual(await updates(), [], 'nothing was sent');

    await vscode.commands.executeCommand('sagemakerWorkbench.diffLifecycleScript');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor opened');
    assert.strictEqual((tab.input as vscode.TabInputTextDiff).original.query, 'deployed');
    assert.strictEqual(tab.label, 'foo on-start.sh: deployed ↔ editing');
    void api;
  });

  it('refuses to delete a configuration an instance uses, deletes an unused one', async () => {
    const api = await workbench();
    const used = await api.notebooks.deleteConfig('foo', { confirm });
    assert.deepStrictEqual([used.outcome, used.message], ['refused', 'foo is used by ml-pipeline-lab-notebook; attach another configuration to it (or delete it) first.']);
    await api.notebooks.createConfig(configPrompts('lab-sync', 's3://ml-pipeline-bucket/lab-1/scripts/'));
    const deleted = await api.notebooks.deleteConfig('lab-sync', { confirm });
    assert.deepStrictEqual([deleted.outcome, deleted.message], ['done', 'Deleted lifecycle configuration lab-sync.']);
  });

  it('creates an instance with a new sync configuration that comes InService; refuses a name with an underscore', async () => {
    const api = await workbench();
    const base = { instanceType: 'ml.t3.medium', roleArn: ROLE, volumeSizeInGB: 10, rootAccess: false, directInternetAccess: true, defaultCodeRepository: 'abalone-cicd-pipeline' };
    await clearRequests();
    const bad = await api.notebooks.create({ plan: async () => ({ ...base, name: 'abalone_lab', lifecycle: { kind: 'none' } }), confirm });
    assert.strictEqual(bad.message, 'A notebook instance name uses letters, digits and single or repeated hyphens, starting and ending with a letter or digit');
    let offered: string[] = [];
    let roles: string[] = [];
    const created = await api.notebooks.create({
      plan: async (choices) => ((offered = choices.repositories.map((r) => r.label)), (roles = choices.roles.map((r) => r.arn)), { ...base, name: 'abalone-lab', lifecycle: { kind: 'new', name: 'abalone-lab-sync', template: { kind: 's3-sync', s3Uri: 's3://ml-pipeline-bucket/lab-1/scripts/' } } }),
      confirm,
    });
    assert.deepStrictEqual([created.outcome, created.message], ['done', 'abalone-lab is InService.']);
    assert.ok(offered.includes('abalone-cicd-pipeline (CodeCommit)'), offered.join(', '));
    assert.deepStrictEqual(roles.sort(), [
      'arn:aws:iam::123456789012:role/abalone-cicd-pipeline-SageMakerRole',
      'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715',
      'arn:aws:iam::123456789012:role/sm-notebook-instance-role',
    ], 'only roles SageMaker may assume are offered (not the CodeBuild or Lambda ones)');
    const creates = (await recordedRequests()).filter((r) => r.operation.startsWith('Create'));
    assert.deepStrictEqual(creates.map((r) => r.operation), ['CreateNotebookInstanceLifecycleConfig', 'CreateNotebookInstance']);
    const input = creates[1].input as Record<string, unknown>;
    assert.deepStrictEqual([input.LifecycleConfigName, input.VolumeSizeInGB, input.RootAccess, input.DefaultCodeRepository], ['abalone-lab-sync', 10, 'Disabled', 'abalone-cicd-pipeline']);
  });

  it('publishes a local notebook with outputs cleared to the lab script\'s S3 location and fetches one into the notebook editor', async () => {
    const api = await workbench();
    assert.deepStrictEqual(await api.notebooks.syncLocation('ml-pipeline-lab-notebook'), { bucket: 'ml-pipeline-bucket', prefix: 'lab-1/scripts/', source: 's3://ml-pipeline-bucket/lab-1/scripts/' });
    const dir = vscode.Uri.file(path.join(os.tmpdir(), `smw-sync-${process.pid}`));
    await vscode.workspace.fs.createDirectory(dir);
    try {
      const local = vscode.Uri.joinPath(dir, 'Lab1-abalone.ipynb');
      const notebook = { cells: [{ cell_type: 'code', execution_count: 2, outputs: [{ output_type: 'stream', name: 'stdout', text: 'rmse 1.48' }], metadata: {}, source: 'print(rmse)' }], metadata: {}, nbformat: 4, nbformat_minor: 5 };
      await vscode.workspace.fs.writeFile(local, Buffer.from(JSON.stringify(notebook)));
      await clearRequests();
      const published = await api.notebooks.publish('ml-pipeline-lab-notebook', local, sync());
      assert.deepStrictEqual([published.outcome, published.s3Uri], ['done', 's3://ml-pipeline-bucket/lab-1/scripts/Lab1-abalone.ipynb']);
      const put = (await recordedRequests()).find((r) => r.operation === 'PutObject');
      assert.ok(put, 'PutObject was sent');

      const fetched = await api.notebooks.fetch('ml-pipeline-lab-notebook', dir, sync((keys) => keys.find((k) => k.endsWith('Lab1-abalone.ipynb'))));
      assert.strictEqual(fetched.outcome, 'done', fetched.message);
      const shown = vscode.window.activeNotebookEditor?.notebook;
      assert.strictEqual(shown?.uri.toString(), fetched.file!.toString(), 'open in the notebook editor');
      assert.strictEqual(shown.cellAt(0).outputs.length, 0, 'the published copy has no outputs');
      assert.strictEqual(shown.cellAt(0).document.getText(), 'print(rmse)');
      assert.match(fetched.file!.path, /Lab1-abalone-2\.ipynb$/, 'the local notebook of the same name is not overwritten');
      const none = await api.notebooks.publish('abalone-autopilot-notebook', local, sync());
      assert.match(none.message!, /has no lifecycle configuration/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });
});
