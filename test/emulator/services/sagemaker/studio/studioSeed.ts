// Seed 003's Studio: the Quick-setup domain d-abcdefghijkl (its ID is in the seed's image URIs,
// sagemaker-studio-d-abcdefghijkl), set up on 5 July 2021 with a new AmazonSageMaker-ExecutionRole, and its
// default user profile (default-1625508201457, the tag of the seed's image in ECR). Its spaces follow the
// seed's Studio work: a running JupyterLab space for the Autopilot notebooks, a stopped one where the
// AutoGluon image was built, a shared Code Editor space; one JupyterLab lifecycle configuration installing
// the image-build CLI the seed pip-installs and copying the Studio bucket's notebook and abalone data into the
// home folder, attached to the domain's defaults and the running space's app.
import type { ScenarioName } from '../../../engine/contract';
import type { World } from '../../world';
import { appKey, key, settled, studioState, type Space, type SpaceAppType } from './studioState';
import { abaloneCsv } from '../abaloneData';
import { distributionImage } from './studioDefaults';
import { abaloneExplorationNotebook } from './studioNotebook';

export const SEEDED_DOMAIN_ID = 'd-abcdefghijkl';
export const SEEDED_USER_PROFILE = 'default-1625508201457';
const REGION = 'us-east-1';
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';

/** The Studio bucket Quick setup created; seed 003 uploads the abalone data to it. */
export const STUDIO_BUCKET = 'sagemaker-studio-mps1qmpm6bs';

const INSTALL_CLI = `#!/bin/bash
set -eux
# The seed builds its AutoGluon container from Studio with this CLI (CodeBuild behind it).
pip install --upgrade sagemaker-studio-image-build
# The notebooks and data kept in the Studio bucket, into the home folder.
aws s3 cp s3://${STUDIO_BUCKET}/notebooks/ /home/sagemaker-user/ --recursive
aws s3 cp s3://${STUDIO_BUCKET}/abalone_with_headers.csv /home/sagemaker-user/abalone_with_headers.csv
`;

export function seedStudio(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const state = studioState(world);
  const at = (iso: string) => new Date(iso);
  world.s3.put(STUDIO_BUCKET, 'abalone_with_headers.csv', abaloneCsv(true), 'text/csv');
  world.s3.put(
    STUDIO_BUCKET,
    'notebooks/abalone-exploration.ipynb',
    abaloneExplorationNotebook(),
    'application/x-ipynb+json',
  );
  const lcc = {
    name: 'install-image-build-cli',
    arn: world.arn('sagemaker', REGION, 'studio-lifecycle-config/install-image-build-cli'),
    appType: 'JupyterLab',
    content: Buffer.from(INSTALL_CLI).toString('base64'),
    creationTime: at('2021-07-12T09:30:00Z'),
  };
  state.lifecycleConfigs.set(lcc.name, lcc);

  const domain = {
    id: SEEDED_DOMAIN_ID,
    name: 'QuickSetupDomain-20210705T170715',
    arn: world.arn('sagemaker', REGION, `domain/${SEEDED_DOMAIN_ID}`),
    authMode: 'IAM' as const,
    defaultUserSettings: {
      ExecutionRole: ROLE,
      SharingSettings: {
        NotebookOutputOption: 'Allowed',
        S3OutputPath: `s3://${STUDIO_BUCKET}/sharing`,
      },
      JupyterLabAppSettings: {
        DefaultResourceSpec: { InstanceType: 'ml.t3.medium', ...distributionImage(world, REGION) },
        LifecycleConfigArns: [lcc.arn],
      },
      CodeEditorAppSettings: {
        DefaultResourceSpec: { InstanceType: 'ml.t3.medium', ...distributionImage(world, REGION) },
      },
      SpaceStorageSettings: {
        DefaultEbsStorageSettings: { DefaultEbsVolumeSizeInGb: 5, MaximumEbsVolumeSizeInGb: 100 },
      },
      DefaultLandingUri: 'studio::',
      StudioWebPortal: 'ENABLED',
    },
    defaultSpaceSettings: { ExecutionRole: ROLE },
    appNetworkAccessType: 'PublicInternetOnly' as const,
    vpcId: 'vpc-0e7c1a2b3c4d5e6f7',
    subnetIds: ['subnet-0a1b2c3d4e5f60718'],
    homeEfsFileSystemId: 'fs-0b1c2d3e4f5a6b7c8',
    creationTime: at('2021-07-05T17:07:15Z'),
    lastModifiedTime: at('2021-07-05T17:12:40Z'),
    transition: settled(world, 'InService' as const),
  };
  state.domains.set(domain.id, domain);

  const profile = {
    domainId: domain.id,
    name: SEEDED_USER_PROFILE,
    arn: world.arn('sagemaker', REGION, `user-profile/${domain.id}/${SEEDED_USER_PROFILE}`),
    userSettings: { ExecutionRole: ROLE },
    homeEfsFileSystemUid: '200001',
    creationTime: at('2021-07-05T18:03:21Z'),
    lastModifiedTime: at('2021-07-05T18:05:02Z'),
    transition: settled(world, 'InService' as const),
  };
  state.userProfiles.set(key(domain.id, profile.name), profile);

  const space = (
    name: string,
    appType: SpaceAppType,
    created: string,
    options: { shared?: boolean; storage?: number; idle?: number; instanceType?: string; lifecycle?: string },
  ) => {
    const settingsKey = appType === 'JupyterLab' ? 'JupyterLabAppSettings' : 'CodeEditorAppSettings';
    const record: Space = {
      domainId: domain.id,
      name,
      arn: world.arn('sagemaker', REGION, `space/${domain.id}/${name}`),
      settings: {
        AppType: appType,
        [settingsKey]: {
          DefaultResourceSpec: {
            InstanceType: options.instanceType ?? 'ml.t3.medium',
            ...distributionImage(world, REGION),
            ...(options.lifecycle ? { LifecycleConfigArn: options.lifecycle } : {}),
          },
          ...(options.idle ? { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: options.idle } } } : {}),
        },
        SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: options.storage ?? 5 } },
      },
      owner: SEEDED_USER_PROFILE,
      sharingType: options.shared ? 'Shared' : 'Private',
      homeEfsFileSystemUid: String(200002 + state.spaces.size),
      creationTime: at(created),
      lastModifiedTime: at(created),
      transition: settled(world, 'InService' as const),
    };
    state.spaces.set(key(domain.id, name), record);
    return record;
  };
  const running = space('autopilot-experiments', 'JupyterLab', '2021-07-06T08:15:00Z', {
    storage: 20,
    idle: 120,
    lifecycle: lcc.arn,
  });
  const stopped = space('autogluon-image-build', 'JupyterLab', '2021-07-12T10:02:00Z', {
    instanceType: 'ml.m5.large',
    storage: 50,
  });
  space('mlops-pipeline-code', 'CodeEditor', '2021-07-20T14:40:00Z', { shared: true, storage: 10, idle: 60 });

  const app = (owner: Space, created: Date, status: 'InService' | 'Deleted', spec: Record<string, unknown>) => {
    const record = {
      domainId: domain.id,
      spaceName: owner.name,
      appType: owner.settings.AppType as string,
      appName: 'default',
      arn: world.arn(
        'sagemaker',
        REGION,
        `app/${domain.id}/${owner.name}/${String(owner.settings.AppType).toLowerCase()}/default`,
      ),
      resourceSpec: spec,
      creationTime: created,
      transition: settled(world, status),
    };
    state.apps.set(appKey(domain.id, owner.name, record.appType, 'default'), record);
  };
  // A team's worth of spaces for paging (the `large` scenario), every fourth one running.
  if (scenario === 'large') {
    const day = 86_400_000;
    for (let i = 0; i < 250; i++) {
      const appType: SpaceAppType = i % 2 === 0 ? 'JupyterLab' : 'CodeEditor';
      const created = new Date(Date.parse('2024-01-01T00:00:00Z') + i * day);
      const team = space(`team-space-${String(i).padStart(4, '0')}`, appType, created.toISOString(), {
        shared: i % 3 === 0,
        storage: 5 + (i % 4) * 5,
        instanceType: ['ml.t3.medium', 'ml.m5.large', 'ml.m5.xlarge'][i % 3],
      });
      const spec =
        team.settings[appType === 'JupyterLab' ? 'JupyterLabAppSettings' : 'CodeEditorAppSettings'].DefaultResourceSpec;
      if (i % 4 === 0) app(team, new Date(world.clock.now() - (i % 24) * 3_600_000), 'InService', spec);
    }
  }
  // Started 45 minutes before the emulator; the stopped space's app ran three days ago.
  app(
    running,
    new Date(world.clock.now() - 45 * 60_000),
    'InService',
    running.settings.JupyterLabAppSettings.DefaultResourceSpec,
  );
  // AWS keeps a stopped space's deleted app in ListApps (Status Deleted) for a while.
  app(
    stopped,
    new Date(world.clock.now() - 3 * 86_400_000),
    'Deleted',
    stopped.settings.JupyterLabAppSettings.DefaultResourceSpec,
  );
}
