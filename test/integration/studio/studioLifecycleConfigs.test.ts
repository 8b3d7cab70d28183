// Studio lifecycle configurations from the Studio view, as its menus and the editor run them: a script opened
// as a file and saved — SageMaker's configurations being immutable — as a new version that takes the old one's
// place in the domain defaults, the user profile and the stopped space (a running space keeps the old one),
// asked first; a version nothing else uses offers to delete the old one; created from each template; deleted
// only when nothing uses it; names, empty and oversized scripts refused before any call.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { UpdateSpaceCommand, UpdateUserProfileCommand } from '@aws-sdk/client-sagemaker';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed, items, label } from '../support/tree';
import { host } from '../support/workbench';

const DOMAIN_ID = 'd-abcdefghijkl';
const DOMAIN = 'QuickSetupDomain-20210705T170715';
const PROFILE = 'default-1625508201457';
const SEEDED = 'install-image-build-cli';
const ARN = (name: string) => `arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/${name}`;
type Outcome = { outcome: string; message?: string };
type Input = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const inputsOf = async (operation: string) =>
  (await recordedRequests()).filter((r) => r.operation === operation && r.status < 400).map((r) => r.input as Input);
const writes = async () =>
  (await recordedRequests())
    .filter((r) => /^(Create|Update|Delete)/.test(r.operation) && r.service === 'sagemaker')
    .map((r) => r.operation);
const decoded = (input: Input) => Buffer.from(input.StudioLifecycleConfigContent, 'base64').toString('utf8');

async function studioRoot(): Promise<{ getChildren(): Promise<ExplorerNode[]> }> {
  const provider = (await host()).views.providers.studio;
  provider.refresh();
  return provider as unknown as { getChildren(): Promise<ExplorerNode[]> };
}
const configGroup = async () => childNamed(await studioRoot(), 'Lifecycle Configurations');
const configNode = async (name: string) => childNamed(await configGroup(), name);
const configNames = async () => (await items(await (await configGroup()).getChildren!())).map(label);
/** "label: description" of a node's children. */
const facts = async (n: ExplorerNode) =>
  (await items(await n.getChildren!())).map((i) => `${label(i)}: ${String(i.description ?? '')}`);

describe('Studio lifecycle configurations', function () {
  this.timeout(90_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    (await host()).views.providers.studio.refresh();
  });

  it('saves an edited script as <name>-v2 and re-points the domain defaults, the profile and the stopped space; the running space keeps the old one', async () => {
    const sagemaker = await (await host()).session.clients.sagemaker();
    // The profile lists the configuration too, and the stopped space starts with it.
    await sagemaker.send(
      new UpdateUserProfileCommand({
        DomainId: DOMAIN_ID,
        UserProfileName: PROFILE,
        UserSettings: { JupyterLabAppSettings: { LifecycleConfigArns: [ARN(SEEDED)] } },
      }),
    );
    await sagemaker.send(
      new UpdateSpaceCommand({
        DomainId: DOMAIN_ID,
        SpaceName: 'autogluon-image-build',
        SpaceSettings: {
          JupyterLabAppSettings: {
            DefaultResourceSpec: { InstanceType: 'ml.m5.large', LifecycleConfigArn: ARN(SEEDED) },
          },
        },
      }),
    );
    await withWindow(async () => run('openStudioLifecycleConfig', await configNode(SEEDED)));
    const document = vscode.window.activeTextEditor!.document;
    const uri = document.uri;
    assert.strictEqual(uri.toString(), 'sagemaker-studio-lifecycle:/us-east-1/install-image-build-cli.sh');
    assert.strictEqual(document.languageId, 'shellscript');
    assert.match(document.getText(), /^#!\/bin\/bash/);

    // Bad input is refused before any call, and the editor keeps what was typed.
    await clearRequests();
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('  \n'))),
      /The script is empty/,
    );
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('x'.repeat(12_289)))),
      /The script is 16,388 characters base64-encoded; SageMaker takes at most 16,384/,
    );
    assert.deepStrictEqual(await writes(), [], 'nothing was sent');

    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), 'pip install --quiet autogluon==1.1.1\n');
    await vscode.workspace.applyEdit(edit);
    const edited = document.getText();
    await withWindow(async (ui) => {
      ui.onMessage(
        'Save install-image-build-cli as the new configuration install-image-build-cli-v2?',
        'Create install-image-build-cli-v2 and Re-point',
      );
      assert.ok(await document.save(), 'saved');
      const [asked] = ui.messages;
      assert.strictEqual(asked.modal, true);
      assert.strictEqual(
        asked.detail,
        [
          'Studio lifecycle configurations cannot be changed, so saving creates a new JupyterLab configuration, install-image-build-cli-v2, with this script.',
          '',
          'These will use install-image-build-cli-v2 instead of install-image-build-cli:',
          `• domain ${DOMAIN} (defaults)`,
          `• user profile ${PROFILE} (${DOMAIN})`,
          `• space autogluon-image-build (${DOMAIN})`,
          '',
          'These keep install-image-build-cli until they are stopped (SageMaker does not change a running space):',
          `• space autopilot-experiments (${DOMAIN}), running`,
          '',
          'install-image-build-cli itself is kept.',
        ].join('\n'),
      );
      assert.deepStrictEqual(ui.shown('info'), [
        `Saved as install-image-build-cli-v2; domain ${DOMAIN} (defaults), user profile ${PROFILE} (${DOMAIN}), space autogluon-image-build (${DOMAIN}) now use it.`,
      ]);
    });
    assert.deepStrictEqual(await writes(), [
      'CreateStudioLifecycleConfig',
      'UpdateDomain',
      'UpdateUserProfile',
      'UpdateSpace',
    ]);
    const [created] = await inputsOf('CreateStudioLifecycleConfig');
    assert.strictEqual(created.StudioLifecycleConfigName, 'install-image-build-cli-v2');
    assert.strictEqual(created.StudioLifecycleConfigAppType, 'JupyterLab');
    assert.strictEqual(decoded(created), edited);
    const [domain] = await inputsOf('UpdateDomain');
    assert.deepStrictEqual(domain.DefaultUserSettings.JupyterLabAppSettings.LifecycleConfigArns, [
      ARN('install-image-build-cli-v2'),
    ]);
    const [profile] = await inputsOf('UpdateUserProfile');
    assert.deepStrictEqual(profile.UserSettings.JupyterLabAppSettings.LifecycleConfigArns, [
      ARN('install-image-build-cli-v2'),
    ]);
    const [space] = await inputsOf('UpdateSpace');
    assert.strictEqual(space.SpaceName, 'autogluon-image-build');
    assert.strictEqual(
      space.SpaceSettings.JupyterLabAppSettings.DefaultResourceSpec.LifecycleConfigArn,
      ARN('install-image-build-cli-v2'),
    );
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      'sagemaker-studio-lifecycle:/us-east-1/install-image-build-cli-v2.sh',
      'the new version is open',
    );

    // The tree: both versions listed, the new one attached where the old one was.
    assert.deepStrictEqual(await configNames(), [SEEDED, 'install-image-build-cli-v2']);
    const v2 = await facts(await configNode('install-image-build-cli-v2'));
    assert.ok(v2.includes(`Attached to: domain ${DOMAIN} (defaults)`), v2.join('\n'));
    assert.ok(v2.includes(`Attached to: user profile ${PROFILE} (${DOMAIN})`), v2.join('\n'));
    assert.ok(v2.some((f) => f.startsWith('Script: pip install --quiet autogluon') || f.startsWith('Script: ')));
    const domainFacts = await facts(await childNamed(await studioRoot(), DOMAIN));
    assert.ok(
      domainFacts.includes('Default JupyterLab lifecycle configurations: install-image-build-cli-v2'),
      domainFacts.join('\n'),
    );
  });

  it('creates a configuration from each template; refuses bad names; a new version of an unused one offers to delete the old', async () => {
    await clearRequests();
    await withWindow(async (ui) => {
      const refusals: Array<string | undefined> = [];
      ui.onInputBox('New Studio lifecycle configuration', async (p) => {
        refusals.push(await p.type('lab_setup'));
        refusals.push(await p.type('a'.repeat(64)));
        refusals.push(await p.type(SEEDED));
        refusals.push(await p.type('lab-'));
        p.cancel();
      });
      assert.strictEqual((await run<Outcome>('createStudioLifecycleConfig', await configGroup())).outcome, 'cancelled');
      assert.deepStrictEqual(refusals, [
        'A Studio lifecycle configuration name uses letters, digits and hyphens, starting and ending with a letter or digit',
        'A Studio lifecycle configuration name has at most 63 characters (64 now)',
        `There is a Studio lifecycle configuration named ${SEEDED} already`,
        'A Studio lifecycle configuration name uses letters, digits and hyphens, starting and ending with a letter or digit',
      ]);
    });
    assert.deepStrictEqual(await writes(), [], 'nothing was created');

    const create = async (name: string, app: string, template: string, input: [string, string], offered?: string[]) =>
      withWindow(async (ui) => {
        ui.onInputBox('New Studio lifecycle configuration', name);
        ui.onQuickPick(`${name}: for which app?`, (p) => p.pick(app));
        ui.onQuickPick('Start from', (p) => {
          if (offered)
            assert.deepStrictEqual(
              p.items.map((i) => i.label),
              offered,
            );
          p.pick(template);
        });
        ui.onInputBox(input[0], input[1]);
        const out = await run<Outcome>('createStudioLifecycleConfig', await configGroup());
        assert.deepStrictEqual(
          [out.outcome, out.message],
          ['done', `Created Studio lifecycle configuration ${name} (${app}).`],
        );
        assert.strictEqual(
          vscode.window.activeTextEditor?.document.uri.toString(),
          `sagemaker-studio-lifecycle:/us-east-1/${name}.sh`,
        );
      });
    await create('lab-packages', 'JupyterLab', 'Install packages into the JupyterLab environment', [
      'Packages to install',
      'autogluon==1.1.1 seaborn',
    ]);
    await create(
      'editor-notebooks',
      'Code Editor',
      'Sync notebooks from S3',
      ['Sync notebooks from', 's3://sagemaker-studio-bucket/notebooks/'],
      ['Install packages into the JupyterLab environment', 'Sync notebooks from S3'],
    );
    await create('lab-idle-kernels', 'JupyterLab', 'Shut down idle kernels', ['Idle minutes', '45']);
    const made = await inputsOf('CreateStudioLifecycleConfig');
    assert.deepStrictEqual(
      made.map((c) => [c.StudioLifecycleConfigName, c.StudioLifecycleConfigAppType]),
      [
        ['lab-packages', 'JupyterLab'],
        ['editor-notebooks', 'CodeEditor'],
        ['lab-idle-kernels', 'JupyterLab'],
      ],
    );
    assert.match(
      decoded(made[0]),
      /nohup bash -c 'pip install --quiet --upgrade autogluon==1\.1\.1 seaborn' > \/home\/sagemaker-user\/\.lifecycle-pip\.log/,
    );
    assert.match(
      decoded(made[1]),
      /aws s3 sync s3:\/\/sagemaker-studio-bucket\/notebooks\/ \/home\/sagemaker-user\/notebooks\/ --exclude "\*" --include "\*\.ipynb"/,
    );
    assert.match(decoded(made[2]), /IDLE = datetime\.timedelta\(seconds=2700\)/);
    assert.match(decoded(made[2]), /localhost:8888\/jupyterlab\/default\/api\/kernels/);
    assert.deepStrictEqual(
      (await configNames()).sort(),
      ['editor-notebooks', SEEDED, 'lab-idle-kernels', 'lab-packages'].sort(),
    );

    // A new version of a configuration nothing uses: nothing to re-point, and the old one may go.
    const document = vscode.window.activeTextEditor!.document;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), '#!/bin/bash\necho idle check off\n');
    await vscode.workspace.applyEdit(edit);
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onMessage('Save lab-idle-kernels as the new configuration lab-idle-kernels-v2?', 'Create lab-idle-kernels-v2');
      assert.ok(await document.save(), 'saved');
      assert.match(
        ui.messages[0].detail ?? '',
        /No domain, user profile or space names lab-idle-kernels, so nothing is re-pointed\./,
      );
      assert.deepStrictEqual(ui.shown('info').slice(-1), [
        'Saved as lab-idle-kernels-v2. Nothing uses lab-idle-kernels any more: delete it from the Studio view if it is not needed.',
      ]);
    });
    assert.deepStrictEqual(await writes(), ['CreateStudioLifecycleConfig']);
    const names = await configNames();
    assert.ok(names.includes('lab-idle-kernels-v2') && names.includes('lab-idle-kernels'), names.join(', '));
  });

  it('refuses to delete a configuration while it is attached, naming where; deletes an unattached one when confirmed', async () => {
    await clearRequests();
    await withWindow(async (ui) => {
      const refused = await run<Outcome>('deleteStudioLifecycleConfig', await configNode(SEEDED));
      const message = `${SEEDED} is attached to domain ${DOMAIN} (defaults), space autopilot-experiments (${DOMAIN}), running; attach another configuration there (or stop the space) first.`;
      assert.deepStrictEqual([refused.outcome, refused.message], ['refused', message]);
      assert.deepStrictEqual(ui.shown('warning'), [message]);
    });
    await withWindow(async (ui) => {
      ui.onInputBox('New Studio lifecycle configuration', 'spare-packages');
      ui.onQuickPick('spare-packages: for which app?', (p) => p.pick('JupyterLab'));
      ui.onQuickPick('Start from', (p) => p.pick('Install packages into the JupyterLab environment'));
      ui.onInputBox('Packages to install', 'pandas');
      assert.strictEqual((await run<Outcome>('createStudioLifecycleConfig')).outcome, 'done');
    });
    await withWindow(async (ui) => {
      ui.onMessage('Delete Studio lifecycle configuration spare-packages?', undefined);
      assert.strictEqual(
        (await run<Outcome>('deleteStudioLifecycleConfig', await configNode('spare-packages'))).outcome,
        'cancelled',
      );
    });
    await withWindow(async (ui) => {
      ui.onMessage('Delete Studio lifecycle configuration spare-packages?', 'Delete');
      const deleted = await run<Outcome>('deleteStudioLifecycleConfig', await configNode('spare-packages'));
      assert.deepStrictEqual(
        [deleted.outcome, deleted.message],
        ['done', 'Deleted Studio lifecycle configuration spare-packages.'],
      );
    });
    assert.deepStrictEqual(await writes(), ['CreateStudioLifecycleConfig', 'DeleteStudioLifecycleConfig']);
    assert.deepStrictEqual(await configNames(), [SEEDED]);
  });
});
