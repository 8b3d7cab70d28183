// Lifecycle configurations and notebook sync in the real extension host, run as the Notebook Instances view,
// the editor title and the Explorer run them: create from the S3-sync template (an unknown bucket refused),
// scripts edited as files with the limit of 16,384 base64 characters enforced on save, compare with deployed, delete
// refused while in use; create an instance with a new configuration; publish and fetch notebooks at the S3
// location the instance's script pulls from.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pace } from '../../../src/ui/pace';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { answerCreateNotebookWizard, answerLifecycleConfigWizard } from '../support/answers/notebooks';
import { run, withWindow } from '../support/testWindow';
import { childNamed, label } from '../support/tree';
import { host } from '../support/workbench';

const ROLE = 'arn:aws:iam::123456789012:role/sm-notebook-instance-role';
const LAB = 'ml-pipeline-lab-notebook';
const LAB_SYNC = { kind: 's3-sync', s3Uri: 's3://ml-pipeline-bucket/lab-1/scripts/' } as const;
type Outcome = { outcome: string; message?: string; script?: vscode.Uri; file?: vscode.Uri; s3Uri?: string };
const updates = async () =>
  (await recordedRequests()).filter((r) => r.operation === 'UpdateNotebookInstanceLifecycleConfig');
const creates = async () => (await recordedRequests()).filter((r) => r.operation.startsWith('Create'));

type Parent = { getChildren(): Promise<ExplorerNode[]> };
async function view(): Promise<Parent> {
  const provider = (await host()).views.providers.notebookInstances;
  provider.refresh();
  return provider as unknown as Parent;
}
/** The "Lifecycle Configurations" group of the Notebook Instances view, read afresh. */
const configGroup = async () => childNamed(await view(), 'Lifecycle Configurations');
const configNode = async (name: string) => childNamed(await configGroup(), name);

describe('Lifecycle configurations and notebook sync', function () {
  this.timeout(90_000);
  let followSeconds: number;
  before(() => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
  });
  after(() => {
    pace.followSeconds = followSeconds;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    (await host()).views.providers.notebookInstances.refresh();
  });

  it('creates the S3 notebook sync configuration and opens its script; refuses an unknown bucket and a bad name', async () => {
    const group = await configGroup();
    await clearRequests();
    await withWindow(async (ui) => {
      answerLifecycleConfigWizard(
        ui,
        'lab-sync',
        { kind: 's3-sync', s3Uri: 's3://no-such-bucket-here/notebooks/' },
        { confirm: 'never' },
      );
      const missing = await run<Outcome>('createLifecycleConfig', group);
      const refusal =
        'The bucket no-such-bucket-here does not exist; check the name (notebooks are synced from an existing bucket).';
      assert.deepStrictEqual([missing.outcome, missing.message], ['refused', refusal]);
      assert.deepStrictEqual(ui.shown('warning'), [refusal]);
    });
    await withWindow(async (ui) => {
      let refusal: string | undefined;
      ui.onInputBox('New lifecycle configuration', async (p) => {
        refusal = await p.type('lab_sync');
        p.cancel();
      });
      const badName = await run<Outcome>('createLifecycleConfig', group);
      assert.match(refusal ?? '', /^A lifecycle configuration name uses letters, digits/);
      assert.strictEqual(badName.outcome, 'cancelled');
    });
    assert.deepStrictEqual(await creates(), [], 'nothing was created');
    await withWindow(async (ui) => {
      answerLifecycleConfigWizard(ui, 'lab-sync', LAB_SYNC);
      const created = await run<Outcome>('createLifecycleConfig', group);
      assert.strictEqual(created.outcome, 'done', created.message);
      assert.deepStrictEqual(ui.shown('info'), ['Created lifecycle configuration lab-sync.']);
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.toString(), created.script!.toString());
      assert.match(
        editor.document.getText(),
        /aws s3 cp s3:\/\/ml-pipeline-bucket\/lab-1\/scripts\/ \/home\/ec2-user\/SageMaker\//,
      );
      assert.strictEqual(editor.document.languageId, 'shellscript');
    });
    assert.deepStrictEqual(
      (await creates()).map((r) => r.operation),
      ['CreateNotebookInstanceLifecycleConfig'],
    );
    await childNamed(await configGroup(), 'lab-sync'); // the view lists it
  });

  it('saves an edited script to the configuration (base64, both hooks) and refuses one over the limit once base64-encoded (13,000 characters)', async () => {
    const onStart = await childNamed(await configNode('foo'), 'On start');
    assert.strictEqual(
      (await onStart.getTreeItem()).command?.command,
      'sagemakerWorkbench.editLifecycleScript',
      'a click edits the script',
    );
    await withWindow(async () => run('editLifecycleScript', onStart));
    const document = vscode.window.activeTextEditor!.document;
    const uri = document.uri;
    assert.strictEqual(uri.toString(), vscode.Uri.parse('sagemaker-lifecycle:/us-east-1/foo/on-start.sh').toString());
    assert.match(document.getText(), /jupyter nbconvert --ClearOutputPreprocessor\.enabled=True --inplace/);
    await clearRequests();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), 'echo "Lab notebooks are ready"\n');
    await vscode.workspace.applyEdit(edit);
    assert.ok(await document.save(), 'saved');
    const [update] = await updates();
    const input = update.input as { OnStart: Array<{ Content: string }>; OnCreate: Array<{ Content: string }> };
    assert.match(Buffer.from(input.OnStart[0].Content, 'base64').toString('utf8'), /echo "Lab notebooks are ready"\n$/);
    assert.strictEqual(
      Buffer.from(input.OnCreate[0].Content, 'base64').toString('utf8'),
      'echo foo\n',
      'the other hook is kept',
    );

    await clearRequests();
    await assert.rejects(
      // Under 16,384 characters, but over once base64-encoded, which is what SageMaker counts.
      Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('x'.repeat(13_000)))),
      /The on-start script has 13,000 characters \(17,336 base64-encoded\); SageMaker takes at most 16,384 base64-encoded/,
    );
    assert.deepStrictEqual(await updates(), [], 'nothing was sent');

    // From the editor title, which passes the script's file.
    await withWindow(async () => run('diffLifecycleScript', uri));
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor opened');
    assert.strictEqual((tab.input as vscode.TabInputTextDiff).original.query, 'deployed');
    assert.strictEqual(tab.label, 'foo on-start.sh: deployed ↔ editing');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // From the script's node in the view.
    const onCreate = await childNamed(await configNode('foo'), 'On create');
    await withWindow(async () => run('diffLifecycleScript', onCreate));
    const fromTree = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(fromTree?.input instanceof vscode.TabInputTextDiff, 'a diff editor opened');
    assert.strictEqual(fromTree.label, 'foo on-create.sh: deployed ↔ editing');
  });

  it('refuses to delete a configuration an instance uses, deletes an unused one', async () => {
    await withWindow(async (ui) => {
      const used = await run<Outcome>('deleteLifecycleConfig', await configNode('foo'));
      const refusal = `foo is used by ${LAB}; attach another configuration to it (or delete it) first.`;
      assert.deepStrictEqual([used.outcome, used.message], ['refused', refusal]);
      assert.deepStrictEqual(ui.shown('warning'), [refusal]);
    });
    await withWindow(async (ui) => {
      answerLifecycleConfigWizard(ui, 'lab-sync', LAB_SYNC);
      assert.strictEqual((await run<Outcome>('createLifecycleConfig', await configGroup())).outcome, 'done');
    });
    await withWindow(async (ui) => {
      ui.onMessage('Delete lifecycle configuration lab-sync?', 'Delete');
      const deleted = await run<Outcome>('deleteLifecycleConfig', await configNode('lab-sync'));
      assert.deepStrictEqual([deleted.outcome, deleted.message], ['done', 'Deleted lifecycle configuration lab-sync.']);
      assert.deepStrictEqual(ui.shown('info'), ['Deleted lifecycle configuration lab-sync.']);
    });
    const labels = await Promise.all(
      (await (await configGroup()).getChildren!()).map(async (n) => label(await n.getTreeItem())),
    );
    assert.ok(!labels.includes('lab-sync'), labels.join(', '));
  });

  it('creates an instance with a new sync configuration that comes InService; refuses a name with an underscore', async () => {
    await clearRequests();
    await withWindow(async (ui) => {
      let refusal: string | undefined;
      ui.onInputBox(/^Name$/, async (p) => {
        refusal = await p.type('abalone_lab');
        p.cancel();
      });
      const bad = await run<Outcome>('createNotebookInstance');
      assert.strictEqual(
        refusal,
        'A notebook instance name uses letters, digits and single or repeated hyphens, starting and ending with a letter or digit',
      );
      assert.strictEqual(bad.outcome, 'cancelled');
    });
    assert.deepStrictEqual(await creates(), [], 'nothing was created');
    await withWindow(async (ui) => {
      const seen = answerCreateNotebookWizard(ui, {
        name: 'abalone-lab',
        instanceType: 'ml.t3.medium',
        roleArn: ROLE,
        volumeSizeInGB: 10,
        rootAccess: false,
        directInternetAccess: true,
        defaultCodeRepository: 'abalone-cicd-pipeline',
        lifecycle: { kind: 'new', name: 'abalone-lab-sync', template: LAB_SYNC },
      });
      const created = await run<Outcome>('createNotebookInstance');
      assert.deepStrictEqual([created.outcome, created.message], ['done', 'abalone-lab is InService.']);
      assert.deepStrictEqual(ui.shown('info'), ['abalone-lab is InService.']);
      assert.ok(seen.repositories.includes('abalone-cicd-pipeline (CodeCommit)'), seen.repositories.join(', '));
      assert.deepStrictEqual(
        [...seen.roles].sort(),
        [
          'arn:aws:iam::123456789012:role/abalone-cicd-pipeline-SageMakerRole',
          'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715',
          'arn:aws:iam::123456789012:role/sm-notebook-instance-role',
        ],
        'only roles SageMaker may assume are offered (not the CodeBuild or Lambda ones)',
      );
      const confirm = ui.messages.find((m) => m.message === 'Create notebook instance abalone-lab?');
      assert.match(
        confirm?.detail ?? '',
        /Creates lifecycle configuration abalone-lab-sync from the "s3-sync" template first\./,
      );
    });
    const made = await creates();
    assert.deepStrictEqual(
      made.map((r) => r.operation),
      ['CreateNotebookInstanceLifecycleConfig', 'CreateNotebookInstance'],
    );
    const input = made[1].input as Record<string, unknown>;
    assert.deepStrictEqual(
      [input.LifecycleConfigName, input.VolumeSizeInGB, input.RootAccess, input.DefaultCodeRepository],
      ['abalone-lab-sync', 10, 'Disabled', 'abalone-cicd-pipeline'],
    );
    const node = await childNamed(await view(), 'abalone-lab');
    assert.strictEqual(
      (await node.getTreeItem()).contextValue,
      'resource:notebookInstance:InService',
      'the view shows it InService',
    );
  });

  it("publishes a local notebook with outputs cleared to the lab script's S3 location and fetches one into the notebook editor", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const local = vscode.Uri.joinPath(folder, 'Lab1-abalone.ipynb');
    const fetchedCopy = vscode.Uri.joinPath(folder, 'Lab1-abalone-2.ipynb');
    const notebook = {
      cells: [
        {
          cell_type: 'code',
          execution_count: 2,
          outputs: [{ output_type: 'stream', name: 'stdout', text: 'rmse 1.48' }],
          metadata: {},
          source: 'print(rmse)',
        },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    await vscode.workspace.fs.writeFile(local, Buffer.from(JSON.stringify(notebook)));
    try {
      await clearRequests();
      await withWindow(async (ui) => {
        ui.onQuickPick(/^Publish Lab1-abalone\.ipynb for which notebook instance\?$/, (p) => p.pick(LAB));
        ui.onQuickPick(/^Publish Lab1-abalone\.ipynb$/, (p) => p.pick('Clear outputs'));
        ui.onMessage(
          'Publish Lab1-abalone.ipynb to s3://ml-pipeline-bucket/lab-1/scripts/Lab1-abalone.ipynb?',
          'Publish',
        );
        // From the Explorer's context menu, which passes the file.
        const published = await run<Outcome>('publishNotebook', local);
        assert.deepStrictEqual(
          [published.outcome, published.s3Uri],
          ['done', 's3://ml-pipeline-bucket/lab-1/scripts/Lab1-abalone.ipynb'],
        );
        const asked = ui.messages.find((m) => m.modal)!;
        assert.match(
          asked.detail!,
          /^ml-pipeline-lab-notebook's lifecycle script copies notebooks from s3:\/\/ml-pipeline-bucket\/lab-1\/scripts\/; the instance picks this one up on its next start\.\nOutputs are cleared in the uploaded copy/,
        );
        assert.deepStrictEqual(ui.shown('info'), [
          'Published Lab1-abalone.ipynb to s3://ml-pipeline-bucket/lab-1/scripts/Lab1-abalone.ipynb.',
        ]);
      });
      const put = (await recordedRequests()).find((r) => r.operation === 'PutObject');
      assert.ok(put, 'PutObject was sent');

      await withWindow(async (ui) => {
        ui.onQuickPick('Fetch which notebook?', (p) => p.pick((i) => i.label.endsWith('Lab1-abalone.ipynb')));
        const fetched = await run<Outcome>('fetchNotebook', await childNamed(await view(), LAB));
        assert.strictEqual(fetched.outcome, 'done', fetched.message);
        const shown = vscode.window.activeNotebookEditor?.notebook;
        assert.strictEqual(shown?.uri.toString(), fetched.file!.toString(), 'open in the notebook editor');
        assert.strictEqual(shown.cellAt(0).outputs.length, 0, 'the published copy has no outputs');
        assert.strictEqual(shown.cellAt(0).document.getText(), 'print(rmse)');
        assert.match(
          fetched.file!.path,
          /Lab1-abalone-2\.ipynb$/,
          'the local notebook of the same name is not overwritten',
        );
        assert.deepStrictEqual(ui.shown('info'), [
          'Fetched s3://ml-pipeline-bucket/lab-1/scripts/Lab1-abalone.ipynb to Lab1-abalone-2.ipynb.',
        ]);
      });
      await withWindow(async (ui) => {
        ui.onQuickPick(/^Publish Lab1-abalone\.ipynb for which notebook instance\?$/, (p) =>
          p.pick('abalone-autopilot-notebook'),
        );
        const none = await run<Outcome>('publishNotebook', local);
        assert.match(none.message!, /has no lifecycle configuration/);
        assert.strictEqual(none.outcome, 'refused');
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const file of [local, fetchedCopy]) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });
});
