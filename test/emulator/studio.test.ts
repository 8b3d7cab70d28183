// SageMaker Studio in the emulator (issue 21): seed 003's Quick-setup domain, its user profile, spaces, apps and
// Studio lifecycle configuration as the SDK and the AWS CLI list and describe them, with AWS's list defaults and
// errors. Lifecycles (spaces, apps) and the presigned domain URL have test files of their own.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { promisify } from 'node:util';
import * as sm from '@aws-sdk/client-sagemaker';
import { clientsFor, emulatorForTest, recorded } from './support';
import type { RunningEmulator } from './index';

const DOMAIN = 'd-abcdefghijkl';
const PROFILE = 'default-1625508201457';

describe('emulator: SageMaker Studio lists and describes', function () {
  // The AWS CLI test starts Python three times.
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let sagemaker: sm.SageMakerClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  afterEach(async () => emulator.close());

  it('seeds the Quick-setup domain of seed 003 with its default user profile', async () => {
    const domains = await sagemaker.send(new sm.ListDomainsCommand({}));
    assert.deepEqual(
      domains.Domains?.map((d) => [d.DomainId, d.DomainName, d.Status, d.Url]),
      [[DOMAIN, 'QuickSetupDomain-20210705T170715', 'InService', `https://${DOMAIN}.studio.us-east-1.sagemaker.aws`]],
    );
    const domain = await sagemaker.send(new sm.DescribeDomainCommand({ DomainId: DOMAIN }));
    assert.equal(domain.AuthMode, 'IAM');
    assert.match(domain.DefaultUserSettings?.ExecutionRole ?? '', /role\/service-role\/AmazonSageMaker-ExecutionRole-/);
    assert.deepEqual(domain.DefaultUserSettings?.JupyterLabAppSettings?.LifecycleConfigArns, [
      'arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/install-image-build-cli',
    ]);
    const profiles = await sagemaker.send(new sm.ListUserProfilesCommand({ DomainIdEquals: DOMAIN }));
    assert.deepEqual(
      profiles.UserProfiles?.map((p) => [p.UserProfileName, p.Status]),
      [[PROFILE, 'InService']],
    );
    const profile = await sagemaker.send(
      new sm.DescribeUserProfileCommand({ DomainId: DOMAIN, UserProfileName: PROFILE }),
    );
    assert.equal(profile.UserProfileArn, `arn:aws:sagemaker:us-east-1:123456789012:user-profile/${DOMAIN}/${PROFILE}`);
  });

  it('lists spaces oldest first (SortOrder "The default is Ascending") with app type, storage, sharing and owner', async () => {
    const out = await sagemaker.send(new sm.ListSpacesCommand({ DomainIdEquals: DOMAIN }));
    assert.deepEqual(
      out.Spaces?.map((s) => [
        s.SpaceName,
        s.SpaceSettingsSummary?.AppType,
        s.SpaceSettingsSummary?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb,
        s.SpaceSharingSettingsSummary?.SharingType,
        s.OwnershipSettingsSummary?.OwnerUserProfileName,
      ]),
      [
        ['autopilot-experiments', 'JupyterLab', 20, 'Private', PROFILE],
        ['autogluon-image-build', 'JupyterLab', 50, 'Private', PROFILE],
        ['mlops-pipeline-code', 'CodeEditor', 10, 'Shared', PROFILE],
      ],
    );
    const newest = await sagemaker.send(new sm.ListSpacesCommand({ SortOrder: 'Descending', MaxResults: 1 }));
    assert.deepEqual(
      newest.Spaces?.map((s) => s.SpaceName),
      ['mlops-pipeline-code'],
    );
    assert.ok(newest.NextToken, 'one of three: a next page');
    const contains = await sagemaker.send(new sm.ListSpacesCommand({ SpaceNameContains: 'AUTO' }));
    assert.deepEqual(
      contains.Spaces?.map((s) => s.SpaceName),
      ['autopilot-experiments', 'autogluon-image-build'],
    );
  });

  it('describes a space with its JupyterLab settings: instance type, SageMaker Distribution image, lifecycle configuration, idle shutdown', async () => {
    const space = await sagemaker.send(
      new sm.DescribeSpaceCommand({ DomainId: DOMAIN, SpaceName: 'autopilot-experiments' }),
    );
    assert.equal(space.Status, 'InService');
    assert.equal(space.SpaceSettings?.AppType, 'JupyterLab');
    const lab = space.SpaceSettings?.JupyterLabAppSettings;
    assert.equal(lab?.DefaultResourceSpec?.InstanceType, 'ml.t3.medium');
    assert.equal(
      lab?.DefaultResourceSpec?.SageMakerImageArn,
      'arn:aws:sagemaker:us-east-1:885854791233:image/sagemaker-distribution-cpu',
    );
    assert.equal(lab?.DefaultResourceSpec?.SageMakerImageVersionAlias, '2.1.0');
    assert.match(
      lab?.DefaultResourceSpec?.LifecycleConfigArn ?? '',
      /studio-lifecycle-config\/install-image-build-cli$/,
    );
    assert.equal(lab?.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes, 120);
    assert.match(space.Url ?? '', /^https:\/\/[0-9a-f]{16}\.studio\.us-east-1\.sagemaker\.aws$/);
  });

  it('lists the running space app InService and the stopped space app Deleted, as AWS keeps it', async () => {
    const out = await sagemaker.send(new sm.ListAppsCommand({ DomainIdEquals: DOMAIN }));
    const apps = (out.Apps ?? []).map((a) => [a.SpaceName, a.AppType, a.AppName, a.Status]);
    assert.deepEqual(apps, [
      ['autogluon-image-build', 'JupyterLab', 'default', 'Deleted'],
      ['autopilot-experiments', 'JupyterLab', 'default', 'InService'],
    ]);
    const running = await sagemaker.send(
      new sm.DescribeAppCommand({
        DomainId: DOMAIN,
        SpaceName: 'autopilot-experiments',
        AppType: 'JupyterLab',
        AppName: 'default',
      }),
    );
    assert.equal(
      running.AppArn,
      `arn:aws:sagemaker:us-east-1:123456789012:app/${DOMAIN}/autopilot-experiments/jupyterlab/default`,
    );
    assert.equal(running.ResourceSpec?.InstanceType, 'ml.t3.medium');
    const spaceOnly = await sagemaker.send(new sm.ListAppsCommand({ SpaceNameEquals: 'autopilot-experiments' }));
    assert.equal(spaceOnly.Apps?.length, 1);
  });

  it('lists and describes the Studio lifecycle configuration (LastModifiedTime equals CreationTime: immutable)', async () => {
    const list = await sagemaker.send(new sm.ListStudioLifecycleConfigsCommand({ AppTypeEquals: 'JupyterLab' }));
    assert.deepEqual(
      list.StudioLifecycleConfigs?.map((c) => [c.StudioLifecycleConfigName, c.StudioLifecycleConfigAppType]),
      [['install-image-build-cli', 'JupyterLab']],
    );
    const none = await sagemaker.send(new sm.ListStudioLifecycleConfigsCommand({ AppTypeEquals: 'CodeEditor' }));
    assert.deepEqual(none.StudioLifecycleConfigs, []);
    const config = await sagemaker.send(
      new sm.DescribeStudioLifecycleConfigCommand({ StudioLifecycleConfigName: 'install-image-build-cli' }),
    );
    assert.equal(config.LastModifiedTime?.getTime(), config.CreationTime?.getTime());
    const script = Buffer.from(config.StudioLifecycleConfigContent ?? '', 'base64').toString('utf8');
    assert.match(script, /pip install --upgrade sagemaker-studio-image-build/);
  });

  it('answers ResourceNotFound for an unknown domain, profile, space, app or configuration, ValidationException for a bad name', async () => {
    const expectError = async (call: Promise<unknown>, name: string, message: RegExp) =>
      assert.rejects(call, (e: Error) => e.name === name && message.test(e.message));
    await expectError(
      sagemaker.send(new sm.DescribeDomainCommand({ DomainId: 'd-000000000000' })),
      'ResourceNotFound',
      /Domain 'arn:aws:sagemaker:us-east-1:123456789012:domain\/d-000000000000' does not exist/,
    );
    await expectError(
      sagemaker.send(new sm.DescribeSpaceCommand({ DomainId: DOMAIN, SpaceName: 'no-such-space' })),
      'ResourceNotFound',
      /space\/d-abcdefghijkl\/no-such-space' does not exist/,
    );
    await expectError(
      sagemaker.send(
        new sm.DescribeAppCommand({
          DomainId: DOMAIN,
          SpaceName: 'mlops-pipeline-code',
          AppType: 'CodeEditor',
          AppName: 'default',
        }),
      ),
      'ResourceNotFound',
      /app\/d-abcdefghijkl\/mlops-pipeline-code\/codeeditor\/default' does not exist/,
    );
    await expectError(
      sagemaker.send(new sm.DescribeStudioLifecycleConfigCommand({ StudioLifecycleConfigName: 'missing' })),
      'ResourceNotFound',
      /studio-lifecycle-config\/missing' does not exist/,
    );
    await expectError(
      sagemaker.send(new sm.DescribeSpaceCommand({ DomainId: DOMAIN, SpaceName: 'bad_name' })),
      'ValidationException',
      /Value 'bad_name' at 'spaceName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await expectError(
      sagemaker.send(new sm.DescribeDomainCommand({ DomainId: 'domain-1' })),
      'ValidationException',
      /at 'domainId' failed to satisfy constraint/,
    );
  });

  it('lists Studio lifecycle configurations newest first ("The default value is Descending"), user profiles oldest first', async () => {
    const script = Buffer.from('#!/bin/bash\necho idle checker\n').toString('base64');
    await sagemaker.send(
      new sm.CreateStudioLifecycleConfigCommand({
        StudioLifecycleConfigName: 'auto-shutdown',
        StudioLifecycleConfigAppType: 'CodeEditor',
        StudioLifecycleConfigContent: script,
      }),
    );
    const configs = await sagemaker.send(new sm.ListStudioLifecycleConfigsCommand({}));
    assert.deepEqual(
      configs.StudioLifecycleConfigs?.map((c) => c.StudioLifecycleConfigName),
      ['auto-shutdown', 'install-image-build-cli'],
    );
    const byName = await sagemaker.send(
      new sm.ListStudioLifecycleConfigsCommand({ SortBy: 'Name', SortOrder: 'Ascending', MaxResults: 1 }),
    );
    assert.deepEqual(
      byName.StudioLifecycleConfigs?.map((c) => c.StudioLifecycleConfigName),
      ['auto-shutdown'],
    );
    await sagemaker.send(new sm.CreateUserProfileCommand({ DomainId: DOMAIN, UserProfileName: 'analyst' }));
    const profiles = await sagemaker.send(new sm.ListUserProfilesCommand({}));
    assert.deepEqual(
      profiles.UserProfiles?.map((p) => p.UserProfileName),
      [PROFILE, 'analyst'],
    );
    await assert.rejects(
      sagemaker.send(new sm.CreateUserProfileCommand({ DomainId: DOMAIN, UserProfileName: 'analyst' })),
      (e: Error) =>
        e.name === 'ResourceInUse' && /user-profile\/d-abcdefghijkl\/analyst' already exists/.test(e.message),
    );
    await assert.rejects(
      sagemaker.send(
        new sm.CreateUserProfileCommand({
          DomainId: DOMAIN,
          UserProfileName: 'lab-user',
          UserSettings: { JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'system' } } },
        }),
      ),
      /Invalid instance type 'system' for JupyterLab App/,
    );
  });

  it('answers every call within the models (strict outputs)', async () => {
    await sagemaker.send(new sm.DescribeDomainCommand({ DomainId: DOMAIN }));
    await sagemaker.send(new sm.ListSpacesCommand({}));
    await sagemaker.send(new sm.DescribeSpaceCommand({ DomainId: DOMAIN, SpaceName: 'mlops-pipeline-code' }));
    await sagemaker.send(new sm.ListAppsCommand({}));
    await sagemaker.send(new sm.ListUserProfilesCommand({}));
    await sagemaker.send(new sm.ListStudioLifecycleConfigsCommand({}));
    const calls = await recorded(emulator.url);
    assert.equal(calls.length, 6);
    for (const call of calls) assert.deepEqual(call.outputProblems ?? [], [], call.operation);
  });

  it('the AWS CLI lists spaces and describes one', async () => {
    assert.ok(fs.existsSync('/usr/bin/aws'), 'the AWS CLI is missing: install it with `sudo apt-get install awscli`');
    const run = promisify(execFile);
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1' };
    const cli = async (...args: string[]) =>
      JSON.parse((await run('/usr/bin/aws', ['sagemaker', ...args, '--endpoint-url', emulator.url], { env })).stdout);
    const list = await cli('list-spaces', '--domain-id-equals', DOMAIN);
    assert.deepEqual(
      list.Spaces.map((s: { SpaceName: string }) => s.SpaceName),
      ['autopilot-experiments', 'autogluon-image-build', 'mlops-pipeline-code'],
    );
    const space = await cli('describe-space', '--domain-id', DOMAIN, '--space-name', 'autogluon-image-build');
    assert.equal(space.Status, 'InService');
    const apps = await cli('list-apps', '--space-name-equals', 'autopilot-experiments');
    assert.equal(apps.Apps[0].Status, 'InService');
  });
});

describe('emulator: SageMaker Studio in the large scenario', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await emulatorForTest('large');
  });
  after(async () => emulator.close());

  it('pages through 253 spaces, MaxResults at most 100 a page (10 unless asked)', async () => {
    const sagemaker = clientsFor(emulator.url).sagemaker;
    const first = await sagemaker.send(new sm.ListSpacesCommand({ DomainIdEquals: DOMAIN }));
    assert.equal(first.Spaces?.length, 10);
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await sagemaker.send(new sm.ListSpacesCommand({ MaxResults: 100, NextToken: token }));
      names.push(...(page.Spaces ?? []).map((s) => s.SpaceName ?? ''));
      token = page.NextToken;
    } while (token);
    assert.equal(names.length, 253);
    assert.equal(new Set(names).size, 253);
    await assert.rejects(
      sagemaker.send(new sm.ListSpacesCommand({ MaxResults: 101 })),
      /maxResults' failed to satisfy constraint: Member must have value less than or equal to 100/,
    );
    const running = await sagemaker.send(new sm.ListAppsCommand({ MaxResults: 100 }));
    assert.ok((running.Apps ?? []).filter((a) => a.Status === 'InService').length > 60);
  });
});
