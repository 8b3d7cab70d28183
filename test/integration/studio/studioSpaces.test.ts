// Studio spaces from the sidebar, as its menus run the commands on the view's nodes: start the stopped
// space (CreateApp followed to InService), open it in the browser through a presigned URL that is never
// logged, stop it (the space and its storage stay), a start that fails with the lifecycle script's reason,
// create a space through the wizard with SageMaker's rules on each typed value, change a stopped space's
// instance type and idle shutdown, and delete a space by typing its name — refused while its app runs.
import * as assert from 'assert';
import {
  CreateSpaceCommand,
  CreateStudioLifecycleConfigCommand,
  CreateUserProfileCommand,
  DescribeSpaceCommand,
} from '@aws-sdk/client-sagemaker';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { pace } from '../../../src/ui/pace';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { answerCreateSpaceWizard } from '../support/answers/studio';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host } from '../support/workbench';

const DOMAIN_ID = 'd-abcdefghijkl';
const DOMAIN = 'QuickSetupDomain-20210705T170715';
const PROFILE = 'default-1625508201457';
type Outcome = { outcome: string; message?: string };

/** A node of the Studio view as it shows now (read afresh): the profile's `name`, or a space under `profile`. */
async function node(name: string, profile = PROFILE): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.studio;
  provider.refresh();
  const domain = await childNamed(provider as unknown as { getChildren(): Promise<ExplorerNode[]> }, DOMAIN);
  const owner = await childNamed(domain, profile);
  return name === profile ? owner : childNamed(owner, name);
}

const contextOf = async (n: ExplorerNode) => (await n.getTreeItem()).contextValue;
// The commands' own calls, on Studio resources: views read in the background meanwhile (the Studio view polls,
// Running Now reads the bill again, describing running training jobs, when a space changes).
const STUDIO_CALL = /Space|App|Domain|UserProfile|StudioLifecycleConfig/;
const operations = async () =>
  (await recordedRequests())
    .filter((r) => r.service === 'sagemaker' && !r.operation.startsWith('List') && STUDIO_CALL.test(r.operation))
    .map((r) => r.operation);
const inputsOf = async (operation: string) =>
  (await recordedRequests()).filter((r) => r.operation === operation).map((r) => r.input as Record<string, unknown>);

describe('Studio spaces', function () {
  this.timeout(90_000);
  let followSeconds: number;
  before(() => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
  });
  after(() => {
    pace.followSeconds = followSeconds;
  });
  // Each test reads the calls it made, not those of the suites before it.
  beforeEach(clearRequests);
  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.studio.refresh();
  });

  it('starts the stopped space, opens it in the browser without logging the URL, and stops it keeping its storage', async () => {
    const wb = await host();
    const logged: string[] = [];
    const sub = wb.log.onDidLog((e) => logged.push(e.message));
    try {
      const stopped = await node('autogluon-image-build');
      assert.strictEqual(await contextOf(stopped), 'resource:studioSpace:Stopped:JupyterLab', 'the view offers Start');
      await clearRequests();
      await withWindow(async (ui) => {
        const started = await run<Outcome>('startSpace', stopped);
        assert.deepStrictEqual(started, { outcome: 'done', message: 'autogluon-image-build is InService.' });
        assert.deepStrictEqual(ui.shown('info'), ['autogluon-image-build is InService.']);
      });
      const ops = await operations();
      assert.deepStrictEqual(ops.slice(0, 3), ['DescribeSpace', 'DescribeApp', 'CreateApp']);
      const [created] = await inputsOf('CreateApp');
      assert.deepStrictEqual(
        [
          created.SpaceName,
          created.AppType,
          created.AppName,
          (created.ResourceSpec as { InstanceType?: string }).InstanceType,
        ],
        ['autogluon-image-build', 'JupyterLab', 'default', 'ml.m5.large'],
        "the space's own instance type",
      );

      const running = await node('autogluon-image-build');
      assert.strictEqual(await contextOf(running), 'resource:studioSpace:InService:JupyterLab');
      await withWindow(async (ui) => {
        const opened = await run<Outcome>('openSpaceInBrowser', running);
        assert.deepStrictEqual(opened, {
          outcome: 'done',
          message: `Opened autogluon-image-build (JupyterLab, SageMaker Distribution 2.1.0 (CPU)) in the browser as ${PROFILE}.`,
        });
        assert.strictEqual(ui.opened.length, 1);
      });
      const [presign] = await inputsOf('CreatePresignedDomainUrl');
      assert.deepStrictEqual(
        [presign.DomainId, presign.UserProfileName, presign.SpaceName],
        [DOMAIN_ID, PROFILE, 'autogluon-image-build'],
      );
      assert.ok(
        !logged.some((line) => /authToken|AuthorizedUrl|token=/i.test(line)),
        'the presigned URL is never logged',
      );

      await withWindow(async (ui) => {
        ui.onMessage('Stop space autogluon-image-build?', 'Stop');
        const result = await run<Outcome>('stopSpace', running);
        assert.deepStrictEqual(result, {
          outcome: 'done',
          message: 'autogluon-image-build is Stopped; its storage is kept.',
        });
        const [asked] = ui.messages;
        assert.deepStrictEqual([asked.modal, asked.level, asked.items], [true, 'warning', ['Stop']]);
        assert.match(asked.detail!, /The space and its 50 GB storage \(\/home\/sagemaker-user\) stay/);
      });
      assert.strictEqual(
        await contextOf(await node('autogluon-image-build')),
        'resource:studioSpace:Stopped:JupyterLab',
      );
      assert.ok((await operations()).includes('DeleteApp'));
      assert.ok(!(await operations()).includes('DeleteSpace'), 'stopping never deletes the space');
    } finally {
      sub.dispose();
    }
  });

  it("reports a start that fails with SageMaker's reason (the space's lifecycle script exits 3)", async () => {
    const sagemaker = await (await host()).session.clients.sagemaker();
    const script = Buffer.from('#!/bin/bash\necho "pip: no matching distribution"\nexit 3\n').toString('base64');
    const { StudioLifecycleConfigArn: lcc } = await sagemaker.send(
      new CreateStudioLifecycleConfigCommand({
        StudioLifecycleConfigName: 'broken-install',
        StudioLifecycleConfigAppType: 'JupyterLab',
        StudioLifecycleConfigContent: script,
      }),
    );
    await sagemaker.send(
      new CreateUserProfileCommand({
        DomainId: DOMAIN_ID,
        UserProfileName: 'analyst',
        UserSettings: { JupyterLabAppSettings: { LifecycleConfigArns: [lcc!] } },
      }),
    );
    await sagemaker.send(
      new CreateSpaceCommand({
        DomainId: DOMAIN_ID,
        SpaceName: 'analyst-eda',
        OwnershipSettings: { OwnerUserProfileName: 'analyst' },
        SpaceSharingSettings: { SharingType: 'Private' },
        SpaceSettings: {
          AppType: 'JupyterLab',
          JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.medium', LifecycleConfigArn: lcc } },
        },
      }),
    );
    const space = await node('analyst-eda', 'analyst');
    await withWindow(async (ui) => {
      const result = await run<Outcome>('startSpace', space);
      assert.strictEqual(result.outcome, 'failed');
      assert.match(
        result.message!,
        /^analyst-eda failed to start: The lifecycle configuration broken-install failed with exit code 3\./,
      );
      assert.deepStrictEqual(ui.shown('error').length, 1, 'the failure is shown');
    });
    assert.strictEqual(await contextOf(await node('analyst-eda', 'analyst')), 'resource:studioSpace:Failed:JupyterLab');
  });

  it('refuses to delete a space whose app runs, and deletes a stopped one once its name is typed', async () => {
    await clearRequests();
    await withWindow(async (ui) => {
      const refused = await run<Outcome>('deleteSpace', await node('autopilot-experiments'));
      assert.deepStrictEqual(refused, {
        outcome: 'refused',
        message: 'autopilot-experiments is InService; stop it before deleting it.',
      });
      assert.deepStrictEqual(ui.shown('warning'), ['autopilot-experiments is InService; stop it before deleting it.']);
    });
    assert.ok(!(await operations()).includes('DeleteSpace'), 'nothing was deleted');

    await withWindow(async (ui) => {
      let refusal: string | undefined;
      ui.onInputBox('Delete space mlops-pipeline-code', async (p) => {
        refusal = await p.type('mlops-pipeline');
        assert.strictEqual(await p.type('mlops-pipeline-code'), undefined);
      });
      const deleted = await run<Outcome>('deleteSpace', await node('mlops-pipeline-code'));
      assert.deepStrictEqual(deleted, { outcome: 'done', message: 'Deleting mlops-pipeline-code and its storage.' });
      assert.strictEqual(refusal, 'Type mlops-pipeline-code exactly to delete it');
    });
    assert.deepStrictEqual(await inputsOf('DeleteSpace'), [{ DomainId: DOMAIN_ID, SpaceName: 'mlops-pipeline-code' }]);
  });

  it("creates a space through the wizard, refusing a bad name, an instance type JupyterLab does not run on and storage over the domain's maximum", async () => {
    const profile = await node(PROFILE);
    await clearRequests();
    await withWindow(async (ui) => {
      const seen = answerCreateSpaceWizard(ui, {
        name: 'abalone-eda',
        owner: PROFILE,
        sharing: 'Shared',
        application: 'JupyterLab',
        instanceType: 'ml.m5.xlarge',
        typed: true,
        image: 'SageMaker Distribution 2.1.0 (CPU)',
        storageGb: 30,
        idleMinutes: '90',
        lifecycle: 'install-image-build-cli',
        refusedFirst: {
          name: ['abalone_eda', 'autopilot-experiments'],
          instanceType: ['system'],
          storage: ['500'],
          idle: ['30'],
        },
      });
      const created = await run<Outcome>('createSpace', profile);
      assert.deepStrictEqual(created, {
        outcome: 'done',
        message: 'Created space abalone-eda (Stopped); start it to work in it.',
      });
      assert.deepStrictEqual(seen.refusals, [
        'A space name uses letters, digits and hyphens, starting and ending with a letter or digit',
        'The domain has a space named autopilot-experiments already',
        'system is for JupyterServer (Studio Classic) apps; a JupyterLab space runs on ml.* types like ml.t3.medium',
        "The storage size is from 5 to 100 GB (the domain's maximum)",
        'Idle shutdown is a whole number of minutes from 60 to 525600, or empty for none',
      ]);
      assert.deepStrictEqual(seen.owners, [PROFILE]);
      assert.deepStrictEqual(seen.images, ['SageMaker Distribution 2.1.0 (CPU)', 'SageMaker Distribution 2.1.0 (GPU)']);
      assert.deepStrictEqual(seen.lifecycleConfigs, ['None', 'install-image-build-cli']);
      const confirm = ui.messages.find((m) => m.message === 'Create space abalone-eda?')!;
      assert.match(
        confirm.detail!,
        /^JupyterLab space in d-abcdefghijkl, shared by the domain, owned by default-1625508201457\./,
      );
      assert.match(
        confirm.detail!,
        /Runs on ml\.m5\.xlarge with SageMaker Distribution 2\.1\.0 \(CPU\), 30 GB storage, idle shutdown after 90 min idle/,
      );
    });
    const space = await (
      await (await host()).session.clients.sagemaker()
    ).send(new DescribeSpaceCommand({ DomainId: DOMAIN_ID, SpaceName: 'abalone-eda' }));
    const lab = space.SpaceSettings?.JupyterLabAppSettings;
    assert.deepStrictEqual(
      [
        space.SpaceSharingSettings?.SharingType,
        space.OwnershipSettings?.OwnerUserProfileName,
        lab?.DefaultResourceSpec?.InstanceType,
        lab?.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes,
        space.SpaceSettings?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb,
      ],
      ['Shared', PROFILE, 'ml.m5.xlarge', 90, 30],
    );
    assert.strictEqual((await inputsOf('CreateSpace')).length, 1, 'one CreateSpace');
  });

  it("changes a stopped space's instance type and idle shutdown, refusing a type Code Editor does not run on and a running space", async () => {
    const shared = await node('mlops-pipeline-code');
    await clearRequests();
    await withWindow(async (ui) => {
      let refusal: string | undefined;
      ui.onQuickPick('Instance type of mlops-pipeline-code (Code Editor)', (p) =>
        p.pick('$(edit) Type an instance type…'),
      );
      ui.onInputBox('Instance type of mlops-pipeline-code (Code Editor)', async (p) => {
        refusal = await p.type('system');
        assert.strictEqual(await p.type('ml.m5.large'), undefined);
      });
      const changed = await run<Outcome>('changeSpaceInstanceType', shared);
      assert.deepStrictEqual(changed, {
        outcome: 'done',
        message: 'mlops-pipeline-code runs on ml.m5.large from its next start.',
      });
      assert.strictEqual(
        refusal,
        'system is for JupyterServer (Studio Classic) apps; a Code Editor space runs on ml.* types like ml.t3.medium',
      );
    });
    await withWindow(async (ui) => {
      let refusal: string | undefined;
      ui.onInputBox('Idle shutdown of mlops-pipeline-code', async (p) => {
        assert.strictEqual(p.value, '60', 'it opens on the current setting');
        refusal = await p.type('1000000');
        assert.strictEqual(await p.type('240'), undefined);
      });
      const changed = await run<Outcome>('changeSpaceIdleShutdown', shared);
      assert.deepStrictEqual(changed, {
        outcome: 'done',
        message: 'mlops-pipeline-code shuts down after 4 h idle from its next start.',
      });
      assert.strictEqual(refusal, 'Idle shutdown is a whole number of minutes from 60 to 525600, or empty for none');
    });
    const updates = await inputsOf('UpdateSpace');
    assert.strictEqual(updates.length, 2);
    const described = await (
      await (await host()).session.clients.sagemaker()
    ).send(new DescribeSpaceCommand({ DomainId: DOMAIN_ID, SpaceName: 'mlops-pipeline-code' }));
    const editor = described.SpaceSettings?.CodeEditorAppSettings;
    assert.deepStrictEqual(
      [editor?.DefaultResourceSpec?.InstanceType, editor?.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes],
      ['ml.m5.large', 240],
    );
    assert.ok(editor?.DefaultResourceSpec?.SageMakerImageArn, 'the image is kept');

    await clearRequests();
    // From the palette: the domain (the only one) is taken, the space is picked.
    const running = await withWindow(async (ui) => {
      ui.onQuickPick('Change the instance type of which space?', (p) => p.pick('autopilot-experiments'));
      return run<Outcome>('changeSpaceInstanceType');
    });
    assert.deepStrictEqual(running, {
      outcome: 'refused',
      message:
        'autopilot-experiments is InService; stop it to change its instance type (SageMaker changes a space only while it is stopped).',
    });
    assert.ok(!(await operations()).includes('UpdateSpace'), 'nothing was changed');
  });
});
