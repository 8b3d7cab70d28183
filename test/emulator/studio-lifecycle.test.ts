// Studio spaces and apps on AWS's state machines (issue 21): CreateSpace with JupyterLab or Code Editor settings
// (instance type, SageMaker Distribution image, lifecycle configuration, EBS size, idle shutdown), CreateApp
// Pending -> InService or Failed (a failing lifecycle script, with its output in CloudWatch Logs), DeleteApp
// Deleting -> Deleted, UpdateSpace and DeleteSpace refused while the app runs, and the errors AWS gives.
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { advance, clientsFor, credentials } from './support';
import { startEmulator, type RunningEmulator } from './index';

const DOMAIN = 'd-abcdefghijkl';
const PROFILE = 'default-1625508201457';
const LCC = 'arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/install-image-build-cli';
const b64 = (script: string) => Buffer.from(script).toString('base64');

describe('emulator: Studio spaces and apps', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let sagemaker: sm.SageMakerClient;
  beforeEach(async () => {
    // A slower clock than the other tests' (0.05 s a second: a two-minute start takes 6 s unless advanced), so
    // the transitional statuses asserted below are there when read.
    emulator = await startEmulator({ port: 0, timeScale: 0.05, strictOutputs: true, log: () => {} });
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  afterEach(async () => emulator.close());

  const rejects = (call: Promise<unknown>, name: string, message: RegExp) =>
    assert.rejects(call, (e: Error) => {
      assert.equal(e.name, name, e.message);
      assert.match(e.message, message);
      return true;
    });
  const app = (space: string, appType: 'JupyterLab' | 'CodeEditor' = 'JupyterLab') =>
    sagemaker.send(
      new sm.DescribeAppCommand({ DomainId: DOMAIN, SpaceName: space, AppType: appType, AppName: 'default' }),
    );
  const space = (name: string) => sagemaker.send(new sm.DescribeSpaceCommand({ DomainId: DOMAIN, SpaceName: name }));
  const start = (name: string, spec?: sm.ResourceSpec, appType: 'JupyterLab' | 'CodeEditor' = 'JupyterLab') =>
    sagemaker.send(
      new sm.CreateAppCommand({
        DomainId: DOMAIN,
        SpaceName: name,
        AppType: appType,
        AppName: 'default',
        ResourceSpec: spec,
      }),
    );
  const stop = (name: string) =>
    sagemaker.send(
      new sm.DeleteAppCommand({ DomainId: DOMAIN, SpaceName: name, AppType: 'JupyterLab', AppName: 'default' }),
    );

  it('creates a domain: Pending for a few minutes, then InService; a taken name answers ResourceInUse', async () => {
    const input = {
      DomainName: 'team-domain',
      AuthMode: 'IAM' as const,
      DefaultUserSettings: {
        ExecutionRole: 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715',
      },
      SubnetIds: ['subnet-0a1b2c3d4e5f60718'],
      VpcId: 'vpc-0e7c1a2b3c4d5e6f7',
    };
    const created = await sagemaker.send(new sm.CreateDomainCommand(input));
    const id = /domain\/(d-[a-z0-9]{12})$/.exec(created.DomainArn ?? '')?.[1] ?? '';
    assert.equal(created.Url, `https://${id}.studio.us-east-1.sagemaker.aws`);
    assert.equal((await sagemaker.send(new sm.DescribeDomainCommand({ DomainId: id }))).Status, 'Pending');
    await advance(emulator.url, 241);
    const domain = await sagemaker.send(new sm.DescribeDomainCommand({ DomainId: id }));
    assert.equal(domain.Status, 'InService');
    assert.equal(domain.AppNetworkAccessType, 'PublicInternetOnly');
    await rejects(
      sagemaker.send(new sm.CreateDomainCommand(input)),
      'ResourceInUse',
      /Domain with name team-domain already exists/,
    );
  });

  it('creates a private JupyterLab space with its settings, storage defaulting to the domain default', async () => {
    await sagemaker.send(
      new sm.CreateSpaceCommand({
        DomainId: DOMAIN,
        SpaceName: 'feature-engineering',
        SpaceDisplayName: 'Feature engineering',
        OwnershipSettings: { OwnerUserProfileName: PROFILE },
        SpaceSharingSettings: { SharingType: 'Private' },
        SpaceSettings: {
          AppType: 'JupyterLab',
          JupyterLabAppSettings: {
            DefaultResourceSpec: { InstanceType: 'ml.m5.xlarge', LifecycleConfigArn: LCC },
            AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 90 } },
          },
        },
      }),
    );
    const created = await space('feature-engineering');
    assert.equal(created.SpaceSettings?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb, 5);
    assert.equal(created.SpaceDisplayName, 'Feature engineering');
    await advance(emulator.url, 11);
    assert.equal((await space('feature-engineering')).Status, 'InService');
    await rejects(
      sagemaker.send(new sm.CreateSpaceCommand({ DomainId: DOMAIN, SpaceName: 'feature-engineering' })),
      'ResourceInUse',
      /space\/d-abcdefghijkl\/feature-engineering' already exists/,
    );
  });

  it('refuses bad space settings as SageMaker does', async () => {
    const create = (name: string, settings: sm.SpaceSettings, owned = true) =>
      sagemaker.send(
        new sm.CreateSpaceCommand({
          DomainId: DOMAIN,
          SpaceName: name,
          SpaceSettings: settings,
          ...(owned
            ? { OwnershipSettings: { OwnerUserProfileName: PROFILE }, SpaceSharingSettings: { SharingType: 'Private' } }
            : {}),
        }),
      );
    await rejects(
      create('Bad_Name', { AppType: 'JupyterLab' }),
      'ValidationException',
      /Value 'Bad_Name' at 'spaceName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await rejects(
      create('x', { AppType: 'JupyterLab', SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 2 } } }),
      'ValidationException',
      /ebsVolumeSizeInGb' failed to satisfy constraint: Member must have value greater than or equal to 5/,
    );
    await rejects(
      create('x', { AppType: 'JupyterLab', SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 500 } } }),
      'ValidationException',
      /EbsVolumeSizeInGb 500 exceeds the maximum of 100 GB/,
    );
    await rejects(
      create('x', {
        AppType: 'JupyterLab',
        JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'system' } },
      }),
      'ValidationException',
      /Invalid instance type 'system' for JupyterLab App/,
    );
    await rejects(
      create('x', {
        AppType: 'JupyterLab',
        JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 30 } } },
      }),
      'ValidationException',
      /idleTimeoutInMinutes' failed to satisfy constraint: Member must have value greater than or equal to 60/,
    );
    await rejects(
      create('x', { AppType: 'CodeEditor', JupyterLabAppSettings: {} }),
      'ValidationException',
      /JupyterLabAppSettings can only be set for a space whose AppType is JupyterLab, not CodeEditor/,
    );
    await rejects(
      create('x', {
        AppType: 'CodeEditor',
        CodeEditorAppSettings: { DefaultResourceSpec: { LifecycleConfigArn: LCC } },
      }),
      'ValidationException',
      /is of app type JupyterLab and cannot be used for CodeEditor apps/,
    );
    await rejects(
      sagemaker.send(
        new sm.CreateSpaceCommand({
          DomainId: DOMAIN,
          SpaceName: 'x',
          OwnershipSettings: { OwnerUserProfileName: 'nobody' },
          SpaceSharingSettings: { SharingType: 'Private' },
        }),
      ),
      'ResourceNotFound',
      /user-profile\/d-abcdefghijkl\/nobody' does not exist/,
    );
  });

  it('starts the stopped space: Pending, then InService after about two minutes; stops it: Deleting, then Deleted', async () => {
    const started = await start('autogluon-image-build');
    assert.equal(
      started.AppArn,
      'arn:aws:sagemaker:us-east-1:123456789012:app/d-abcdefghijkl/autogluon-image-build/jupyterlab/default',
    );
    const pending = await app('autogluon-image-build');
    assert.equal(pending.Status, 'Pending');
    assert.equal(pending.ResourceSpec?.InstanceType, 'ml.m5.large', "the space's default instance type");
    await rejects(start('autogluon-image-build'), 'ResourceInUse', /already exists \(Pending\)/);
    await advance(emulator.url, 121);
    assert.equal((await app('autogluon-image-build')).Status, 'InService');
    await stop('autogluon-image-build');
    assert.equal((await app('autogluon-image-build')).Status, 'Deleting');
    await rejects(stop('autogluon-image-build'), 'ResourceInUse', /is Deleting/);
    await advance(emulator.url, 61);
    assert.equal((await app('autogluon-image-build')).Status, 'Deleted');
    const listed = await sagemaker.send(new sm.ListAppsCommand({ SpaceNameEquals: 'autogluon-image-build' }));
    assert.deepEqual(
      listed.Apps?.map((a) => a.Status),
      ['Deleted'],
    );
  });

  it('starts with the instance type asked for; refuses one the app type does not allow and a GPU type without quota', async () => {
    await rejects(
      start('autogluon-image-build', { InstanceType: 'system' }),
      'ValidationException',
      /Invalid instance type 'system' for JupyterLab App/,
    );
    await rejects(
      start('autogluon-image-build', { InstanceType: 'ml.p4d.24xlarge' }),
      'ResourceLimitExceeded',
      /'Studio JupyterLab Apps running on ml.p4d.24xlarge instance' is 0 Apps/,
    );
    await rejects(
      start('mlops-pipeline-code'),
      'ValidationException',
      /Space mlops-pipeline-code runs CodeEditor apps \(SpaceSettings.AppType\); it cannot run a JupyterLab app/,
    );
    await start('autogluon-image-build', { InstanceType: 'ml.g4dn.xlarge' });
    assert.equal((await app('autogluon-image-build')).ResourceSpec?.InstanceType, 'ml.g4dn.xlarge');
    await start('mlops-pipeline-code', undefined, 'CodeEditor');
    await advance(emulator.url, 121);
    assert.equal((await app('mlops-pipeline-code', 'CodeEditor')).Status, 'InService');
  });

  it('a lifecycle configuration whose script fails fails the start, with the reason and the script output in CloudWatch Logs', async () => {
    const failing = await sagemaker.send(
      new sm.CreateStudioLifecycleConfigCommand({
        StudioLifecycleConfigName: 'sync-notebooks',
        StudioLifecycleConfigAppType: 'JupyterLab',
        StudioLifecycleConfigContent: b64(
          '#!/bin/bash\nset -e\necho syncing notebooks\naws s3 cp s3://no-such-bucket-anywhere/notebooks/a.ipynb .\n',
        ),
      }),
    );
    await rejects(
      start('autogluon-image-build', { LifecycleConfigArn: failing.StudioLifecycleConfigArn }),
      'ValidationException',
      /is not attached to the domain d-abcdefghijkl or to the user profile default-1625508201457 for JupyterLab apps/,
    );
    // Attach it to the space's own settings is not enough: the domain or profile must list it (AWS's rule too).
    await sagemaker.send(
      new sm.CreateUserProfileCommand({
        DomainId: DOMAIN,
        UserProfileName: 'analyst',
        UserSettings: { JupyterLabAppSettings: { LifecycleConfigArns: [failing.StudioLifecycleConfigArn!] } },
      }),
    );
    await sagemaker.send(
      new sm.CreateSpaceCommand({
        DomainId: DOMAIN,
        SpaceName: 'analyst-lab',
        OwnershipSettings: { OwnerUserProfileName: 'analyst' },
        SpaceSharingSettings: { SharingType: 'Private' },
        SpaceSettings: {
          AppType: 'JupyterLab',
          JupyterLabAppSettings: { DefaultResourceSpec: { LifecycleConfigArn: failing.StudioLifecycleConfigArn } },
        },
      }),
    );
    await advance(emulator.url, 61);
    await start('analyst-lab');
    await advance(emulator.url, 121);
    const failed = await app('analyst-lab');
    assert.equal(failed.Status, 'Failed');
    assert.match(
      failed.FailureReason ?? '',
      /The lifecycle configuration sync-notebooks failed with exit code 1\. See log stream d-abcdefghijkl\/analyst-lab\/JupyterLab\/default\/LifecycleConfigOnStart in log group \/aws\/sagemaker\/studio/,
    );
    const logs = new CloudWatchLogsClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const events = await logs.send(
      new GetLogEventsCommand({
        logGroupName: '/aws/sagemaker/studio',
        logStreamName: 'd-abcdefghijkl/analyst-lab/JupyterLab/default/LifecycleConfigOnStart',
        startFromHead: true,
      }),
    );
    const lines = (events.events ?? []).map((e) => e.message);
    assert.equal(lines[0], 'syncing notebooks');
    assert.ok(
      lines.some((l) => /NoSuchBucket|does not exist/.test(l ?? '')),
      lines.join('\n'),
    );
    // A failed app does not hold the space: it starts again (and fails again).
    await start('analyst-lab');
    assert.equal((await app('analyst-lab')).Status, 'Pending');
  });

  it('UpdateSpace changes instance type and idle shutdown of a stopped space; refused while its app runs; storage only grows', async () => {
    await rejects(
      sagemaker.send(
        new sm.UpdateSpaceCommand({
          DomainId: DOMAIN,
          SpaceName: 'autopilot-experiments',
          SpaceSettings: { JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.m5.xlarge' } } },
        }),
      ),
      'ResourceInUse',
      /cannot be updated while its JupyterLab app 'default' is InService/,
    );
    await sagemaker.send(
      new sm.UpdateSpaceCommand({
        DomainId: DOMAIN,
        SpaceName: 'autogluon-image-build',
        SpaceSettings: {
          JupyterLabAppSettings: {
            DefaultResourceSpec: { InstanceType: 'ml.m5.xlarge' },
            AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 180 } },
          },
        },
      }),
    );
    assert.equal((await space('autogluon-image-build')).Status, 'Updating');
    await advance(emulator.url, 11);
    const updated = await space('autogluon-image-build');
    assert.equal(updated.Status, 'InService');
    const lab = updated.SpaceSettings?.JupyterLabAppSettings;
    assert.equal(lab?.DefaultResourceSpec?.InstanceType, 'ml.m5.xlarge');
    assert.equal(lab?.DefaultResourceSpec?.SageMakerImageVersionAlias, '2.1.0', 'members not named stay');
    assert.equal(lab?.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes, 180);
    await rejects(
      sagemaker.send(
        new sm.UpdateSpaceCommand({
          DomainId: DOMAIN,
          SpaceName: 'autogluon-image-build',
          SpaceSettings: { SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 10 } } },
        }),
      ),
      'ValidationException',
      /can only be increased \(from 50 GB, asked 10 GB\)/,
    );
  });

  it('DeleteSpace is refused while its app runs (ResourceInUse); a stopped space goes after Deleting', async () => {
    await rejects(
      sagemaker.send(new sm.DeleteSpaceCommand({ DomainId: DOMAIN, SpaceName: 'autopilot-experiments' })),
      'ResourceInUse',
      /cannot be deleted while its JupyterLab app 'default' is InService/,
    );
    await sagemaker.send(new sm.DeleteSpaceCommand({ DomainId: DOMAIN, SpaceName: 'autogluon-image-build' }));
    assert.equal((await space('autogluon-image-build')).Status, 'Deleting');
    await advance(emulator.url, 31);
    await rejects(space('autogluon-image-build'), 'ResourceNotFound', /does not exist/);
    const apps = await sagemaker.send(new sm.ListAppsCommand({ SpaceNameEquals: 'autogluon-image-build' }));
    assert.deepEqual(apps.Apps, []);
  });

  it('DeleteStudioLifecycleConfig is refused while the domain lists it or an app runs it; an unattached one goes', async () => {
    await rejects(
      sagemaker.send(
        new sm.DeleteStudioLifecycleConfigCommand({ StudioLifecycleConfigName: 'install-image-build-cli' }),
      ),
      'ResourceInUse',
      /is in use by domain d-abcdefghijkl, space d-abcdefghijkl\/autopilot-experiments, app arn:aws:sagemaker:us-east-1:123456789012:app\/d-abcdefghijkl\/autopilot-experiments\/jupyterlab\/default/,
    );
    await sagemaker.send(
      new sm.CreateStudioLifecycleConfigCommand({
        StudioLifecycleConfigName: 'auto-shutdown',
        StudioLifecycleConfigAppType: 'CodeEditor',
        StudioLifecycleConfigContent: b64('#!/bin/bash\necho installing the idle checker\n'),
      }),
    );
    await rejects(
      sagemaker.send(
        new sm.CreateStudioLifecycleConfigCommand({
          StudioLifecycleConfigName: 'auto-shutdown',
          StudioLifecycleConfigAppType: 'CodeEditor',
          StudioLifecycleConfigContent: b64('echo again'),
        }),
      ),
      'ResourceInUse',
      /studio-lifecycle-config\/auto-shutdown' already exists/,
    );
    await rejects(
      sagemaker.send(
        new sm.CreateStudioLifecycleConfigCommand({
          StudioLifecycleConfigName: 'too-big',
          StudioLifecycleConfigAppType: 'JupyterLab',
          StudioLifecycleConfigContent: b64('#'.repeat(13_000)),
        }),
      ),
      'ValidationException',
      /studioLifecycleConfigContent' failed to satisfy constraint: Member must have length less than or equal to 16384/,
    );
    await rejects(
      sagemaker.send(
        new sm.CreateStudioLifecycleConfigCommand({
          StudioLifecycleConfigName: 'kernel',
          StudioLifecycleConfigAppType: 'Canvas' as sm.StudioLifecycleConfigAppType,
          StudioLifecycleConfigContent: b64('echo'),
        }),
      ),
      'ValidationException',
      /Member must satisfy enum value set: \[JupyterServer, KernelGateway, CodeEditor, JupyterLab\]/,
    );
    await sagemaker.send(new sm.DeleteStudioLifecycleConfigCommand({ StudioLifecycleConfigName: 'auto-shutdown' }));
    await rejects(
      sagemaker.send(new sm.DescribeStudioLifecycleConfigCommand({ StudioLifecycleConfigName: 'auto-shutdown' })),
      'ResourceNotFound',
      /does not exist/,
    );
  });
});
