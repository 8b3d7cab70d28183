import * as assert from 'assert';
import {
  attachedLifecycleConfigs,
  createSpaceSettings,
  idleMinutesProblem,
  spaceInstanceTypeProblem,
  spaceNameProblem,
  spacePlanProblem,
  storageProblem,
  type SpacePlan,
} from '../../../src/model/studioSpaces';
import { idleText, imageText, lifecycleConfigName, spaceDescription, spaceState } from '../../../src/model/studioText';

const IMAGE = 'arn:aws:sagemaker:us-east-1:885854791233:image/sagemaker-distribution-cpu';
const LCC = 'arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/install-image-build-cli';
const plan = (over: Partial<SpacePlan> = {}): SpacePlan => ({
  domainId: 'd-abcdefghijkl',
  name: 'abalone-eda',
  owner: 'default-1625508201457',
  sharing: 'Private',
  appType: 'JupyterLab',
  instanceType: 'ml.t3.medium',
  image: { arn: IMAGE, versionAlias: '2.1.0' },
  storageGb: 5,
  ...over,
});
const ctx = {
  existingSpaces: ['autopilot-experiments'],
  profiles: ['default-1625508201457'],
  maximumStorageGb: 100,
  lifecycleConfigArns: [LCC],
};

describe('Studio spaces: the rules SageMaker applies', () => {
  it('takes space names as the SpaceName pattern allows and says why it refuses one', () => {
    for (const ok of ['a', 'abalone-eda', 'A--9', 'x'.repeat(63)])
      assert.strictEqual(spaceNameProblem(ok), undefined, ok);
    assert.strictEqual(spaceNameProblem(''), 'A space name is required');
    assert.strictEqual(spaceNameProblem('x'.repeat(64)), 'A space name has at most 63 characters (64 now)');
    for (const bad of ['-eda', 'eda-', 'abalone_eda', 'abalone eda', 'ünïcode'])
      assert.match(spaceNameProblem(bad)!, /^A space name uses letters, digits and hyphens/, bad);
    assert.strictEqual(
      spaceNameProblem('autopilot-experiments', ['autopilot-experiments']),
      'The domain has a space named autopilot-experiments already',
    );
  });

  it('refuses an instance type the app type does not run on, naming whose type it is', () => {
    assert.strictEqual(spaceInstanceTypeProblem('JupyterLab', 'ml.g5.xlarge'), undefined);
    assert.strictEqual(spaceInstanceTypeProblem('CodeEditor', 'ml.m5.large'), undefined);
    assert.strictEqual(
      spaceInstanceTypeProblem('JupyterLab', 'system'),
      'system is for JupyterServer (Studio Classic) apps; a JupyterLab space runs on ml.* types like ml.t3.medium',
    );
    assert.match(spaceInstanceTypeProblem('CodeEditor', 'ml.geospatial.interactive')!, /geospatial image/);
    assert.strictEqual(
      spaceInstanceTypeProblem('CodeEditor', 'ml.p5.48xlarge'),
      'ml.p5.48xlarge is not offered for Code Editor spaces',
    );
    assert.strictEqual(
      spaceInstanceTypeProblem('JupyterLab', 'big'),
      '"big" is not an instance type (like ml.t3.medium)',
    );
  });

  it("keeps storage from 5 GB to the domain's maximum and idle shutdown from 60 minutes to a year", () => {
    assert.strictEqual(storageProblem('5', 100), undefined);
    assert.strictEqual(storageProblem('100', 100), undefined);
    assert.strictEqual(storageProblem('101', 100), "The storage size is from 5 to 100 GB (the domain's maximum)");
    assert.strictEqual(storageProblem('4'), 'The storage size is from 5 to 16384 GB');
    assert.strictEqual(storageProblem('7.5'), 'The storage size is a whole number of GB');
    assert.strictEqual(idleMinutesProblem(''), undefined, 'empty is no idle shutdown');
    assert.strictEqual(idleMinutesProblem('60'), undefined);
    assert.strictEqual(idleMinutesProblem('525600'), undefined);
    for (const bad of ['59', '525601', '90.5', 'soon'])
      assert.strictEqual(
        idleMinutesProblem(bad),
        'Idle shutdown is a whole number of minutes from 60 to 525600, or empty for none',
        bad,
      );
    assert.strictEqual(
      idleMinutesProblem('100', { min: 120, max: 240 }),
      'Idle shutdown is a whole number of minutes from 120 to 240, or empty for none',
    );
    assert.strictEqual(
      idleMinutesProblem('120', { disabled: true }),
      'The domain turned idle shutdown off; leave it empty',
    );
  });

  it('checks a whole plan and turns it into the CreateSpace settings', () => {
    assert.strictEqual(spacePlanProblem(plan({ lifecycleConfigArn: LCC, idleMinutes: 120 }), ctx), undefined);
    assert.strictEqual(spacePlanProblem(plan({ owner: 'alice' }), ctx), 'The domain has no user profile named alice');
    assert.match(spacePlanProblem(plan({ instanceType: 'system' }), ctx)!, /^system is for JupyterServer/);
    assert.match(spacePlanProblem(plan({ storageGb: 500 }), ctx)!, /from 5 to 100 GB/);
    assert.match(
      spacePlanProblem(plan({ appType: 'CodeEditor', lifecycleConfigArn: `${LCC}-x` }), ctx)!,
      /is not a Code Editor lifecycle configuration attached to the domain or to default-1625508201457$/,
    );
    assert.deepStrictEqual(
      createSpaceSettings(plan({ sharing: 'Shared', idleMinutes: 120, lifecycleConfigArn: LCC })),
      {
        SpaceSettings: {
          AppType: 'JupyterLab',
          JupyterLabAppSettings: {
            DefaultResourceSpec: {
              InstanceType: 'ml.t3.medium',
              SageMakerImageArn: IMAGE,
              SageMakerImageVersionAlias: '2.1.0',
              LifecycleConfigArn: LCC,
            },
            AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 120 } },
          },
          SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 5 } },
        },
        OwnershipSettings: { OwnerUserProfileName: 'default-1625508201457' },
        SpaceSharingSettings: { SharingType: 'Shared' },
      },
    );
    assert.deepStrictEqual(Object.keys(createSpaceSettings(plan({ appType: 'CodeEditor' })).SpaceSettings), [
      'AppType',
      'CodeEditorAppSettings',
      'SpaceStorageSettings',
    ]);
  });
});

describe('Studio spaces: what the view says', () => {
  it('names SageMaker Distribution images by version and flavour, other images by name', () => {
    assert.strictEqual(
      imageText({ SageMakerImageArn: IMAGE, SageMakerImageVersionAlias: '2.1.0' }),
      'SageMaker Distribution 2.1.0 (CPU)',
    );
    assert.strictEqual(
      imageText({ SageMakerImageArn: IMAGE, SageMakerImageVersionAlias: '2.1.0' }, true),
      'SMD 2.1.0 CPU',
    );
    assert.strictEqual(
      imageText({
        SageMakerImageArn: IMAGE,
        SageMakerImageVersionArn:
          'arn:aws:sagemaker:us-east-1:885854791233:image-version/sagemaker-distribution-gpu/12',
      }),
      'SageMaker Distribution v12 (GPU)',
    );
    assert.strictEqual(imageText({ SageMakerImageArn: IMAGE }), 'SageMaker Distribution (latest) (CPU)');
    assert.strictEqual(
      imageText({ SageMakerImageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/autogluon-studio' }),
      'autogluon-studio',
    );
    assert.strictEqual(imageText(undefined), undefined);
  });

  it('calls a space without a live app Stopped and words idle shutdown and the row', () => {
    assert.strictEqual(spaceState(undefined), 'Stopped');
    assert.strictEqual(spaceState('Deleted'), 'Stopped');
    assert.strictEqual(spaceState('Pending'), 'Pending');
    assert.deepStrictEqual(
      [idleText(undefined), idleText(60), idleText(90), idleText(2880)],
      ['not set', 'after 1 h idle', 'after 90 min idle', 'after 2 d idle'],
    );
    assert.strictEqual(
      spaceDescription({
        appType: 'CodeEditor',
        sharing: 'Shared',
        appStatus: 'InService',
        instanceType: 'ml.t3.medium',
        image: { SageMakerImageArn: IMAGE, SageMakerImageVersionAlias: '2.1.0' },
        storageGb: 10,
      }),
      'Code Editor · shared · InService · ml.t3.medium · SMD 2.1.0 CPU · 10 GB',
    );
    assert.strictEqual(
      spaceDescription({ appType: 'JupyterLab', sharing: 'Private' }),
      'JupyterLab · private · Stopped',
    );
    assert.strictEqual(lifecycleConfigName(LCC), 'install-image-build-cli');
  });
});

describe('Studio lifecycle configurations: where settings attach them', () => {
  it('reads the default and the listed ARNs per app type, once each, without "None"', () => {
    assert.deepStrictEqual(
      attachedLifecycleConfigs({
        JupyterLabAppSettings: {
          DefaultResourceSpec: { LifecycleConfigArn: LCC },
          LifecycleConfigArns: [LCC, `${LCC}-2`],
        },
        CodeEditorAppSettings: { DefaultResourceSpec: { LifecycleConfigArn: 'None' } },
      }),
      { JupyterLab: [LCC, `${LCC}-2`], CodeEditor: [] },
    );
    assert.deepStrictEqual(attachedLifecycleConfigs(undefined), { JupyterLab: [], CodeEditor: [] });
  });
});
