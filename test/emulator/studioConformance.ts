// The Studio calls of the conformance run (conformance.test.ts): every Studio operation once, in an order
// that succeeds against the seeded scenario.
type Call = [operation: string, input: Record<string, unknown>];

const DOMAIN = 'd-abcdefghijkl';
const SCRIPT = Buffer.from('#!/bin/bash\nset -e\npip install --upgrade jupyterlab-git\n').toString('base64');

export const STUDIO_CALLS: Call[] = [
  ['ListDomains', {}],
  ['DescribeDomain', { DomainId: DOMAIN }],
  [
    'CreateDomain',
    {
      DomainName: 'conformance-domain',
      AuthMode: 'IAM',
      DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::123456789012:role/r' },
      SubnetIds: ['subnet-0a1b2c3d4e5f60718'],
      VpcId: 'vpc-0e7c1a2b3c4d5e6f7',
    },
  ],
  ['ListUserProfiles', { DomainIdEquals: DOMAIN }],
  ['DescribeUserProfile', { DomainId: DOMAIN, UserProfileName: 'default-1625508201457' }],
  [
    'UpdateUserProfile',
    {
      DomainId: DOMAIN,
      UserProfileName: 'default-1625508201457',
      UserSettings: { JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.large' } } },
    },
  ],
  [
    'UpdateDomain',
    {
      DomainId: DOMAIN,
      DefaultUserSettings: { CodeEditorAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.large' } } },
    },
  ],
  ['CreateUserProfile', { DomainId: DOMAIN, UserProfileName: 'conformance-profile' }],
  ['ListSpaces', {}],
  ['DescribeSpace', { DomainId: DOMAIN, SpaceName: 'autopilot-experiments' }],
  ['ListApps', {}],
  ['DescribeApp', { DomainId: DOMAIN, SpaceName: 'autopilot-experiments', AppType: 'JupyterLab', AppName: 'default' }],
  [
    'CreateStudioLifecycleConfig',
    {
      StudioLifecycleConfigName: 'conformance-lcc',
      StudioLifecycleConfigAppType: 'JupyterLab',
      StudioLifecycleConfigContent: SCRIPT,
    },
  ],
  ['ListStudioLifecycleConfigs', {}],
  ['DescribeStudioLifecycleConfig', { StudioLifecycleConfigName: 'conformance-lcc' }],
  ['DeleteStudioLifecycleConfig', { StudioLifecycleConfigName: 'conformance-lcc' }],
  [
    'CreateSpace',
    {
      DomainId: DOMAIN,
      SpaceName: 'conformance-space',
      OwnershipSettings: { OwnerUserProfileName: 'default-1625508201457' },
      SpaceSharingSettings: { SharingType: 'Private' },
      SpaceSettings: {
        AppType: 'CodeEditor',
        CodeEditorAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.large' } },
        SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 8 } },
      },
    },
  ],
  ['DeleteSpace', { DomainId: DOMAIN, SpaceName: 'conformance-space' }],
  [
    'UpdateSpace',
    {
      DomainId: DOMAIN,
      SpaceName: 'mlops-pipeline-code',
      SpaceSettings: {
        CodeEditorAppSettings: { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 240 } } },
      },
    },
  ],
  ['CreateApp', { DomainId: DOMAIN, SpaceName: 'autogluon-image-build', AppType: 'JupyterLab', AppName: 'default' }],
  ['DeleteApp', { DomainId: DOMAIN, SpaceName: 'autogluon-image-build', AppType: 'JupyterLab', AppName: 'default' }],
  [
    'CreatePresignedDomainUrl',
    {
      DomainId: DOMAIN,
      UserProfileName: 'default-1625508201457',
      SpaceName: 'autopilot-experiments',
      ExpiresInSeconds: 60,
      SessionExpirationDurationInSeconds: 1800,
      LandingUri: 'app:JupyterLab:',
    },
  ],
];
