// Notebook instances from the seeds: the Terraform fraud-detection instance with its
// BasicNotebookInstanceLifecycleConfig that pulls the notebook from S3 on start (seed 000), the
// lab instance whose config copies notebooks and clears their output (seed 001), and one instance
// per state a user meets.
import type { ScenarioName } from '../../engine/contract';
import type { World } from '../world';
import { DEFAULT_REGION } from '../world';
import { labDataPreparationNotebook } from './labNotebook';
import { notebookState, startPhases, type NotebookInstance, type NotebookStatus } from './notebookInstancesModule';

const ROLE = 'arn:aws:iam::123456789012:role/sm-notebook-instance-role';
export const FRAUD_BUCKET = 'fraud-detection-function-bucket-us-east-1';
export const LAB_BUCKET = 'ml-pipeline-bucket';

const FRAUD_ON_START = `#!/bin/bash
set -e
cd /home/ec2-user/SageMaker
aws s3 cp s3://${FRAUD_BUCKET}/fraud-detection-using-machine-learning/v1.0/notebooks/sagemaker_fraud_detection.ipynb .
sed -i 's/fraud-detection-end-to-end-demo/fraud-detection-data-123456789012/g' sagemaker_fraud_detection.ipynb
echo "Fraud detection notebook is ready"
`;

const LAB_ON_START = `#!/bin/bash

sudo -u ec2-user -i <<'EOF'
aws s3 cp s3://${LAB_BUCKET}/lab-1/scripts/ /home/ec2-user/SageMaker/ --recursive --exclude "*" --include "Lab1*.ipynb"
chown ec2-user:ec2-user /home/ec2-user/SageMaker/Lab1*.ipynb

# Removing output from the notebook.
for notebook in /home/ec2-user/SageMaker/Lab1*.ipynb
do
  jupyter nbconvert --ClearOutputPreprocessor.enabled=True --inplace "\${notebook}"
  sed -i 's/ml-pipeline-bucket/${LAB_BUCKET}/g' "\${notebook}"
done
EOF
`;

const SLOW_ON_START = `#!/bin/bash
# Installs extra packages on every start; too slow for the 5-minute limit.
sudo -u ec2-user -i <<'EOF'
source activate python3
pip install --upgrade autogluon
sleep 420
EOF
`;

function addConfig(world: World, name: string, onCreate: string[], onStart: string[], ageDays: number): void {
  const created = new Date(world.clock.now() - ageDays * 86_400_000);
  notebookState(world).lifecycleConfigs.set(name, {
    name,
    arn: world.arn('sagemaker', DEFAULT_REGION, `notebook-instance-lifecycle-config/${name.toLowerCase()}`),
    onCreate,
    onStart,
    creationTime: created,
    lastModifiedTime: created,
  });
}

interface InstanceSeed {
  name: string;
  instanceType: string;
  lifecycleConfigName?: string;
  defaultCodeRepository?: string;
  status: NotebookStatus | 'starting';
  ageDays: number;
}

function addInstance(world: World, seed: InstanceSeed): void {
  const created = new Date(world.clock.now() - seed.ageDays * 86_400_000);
  const instance: NotebookInstance = {
    name: seed.name,
    arn: world.arn('sagemaker', DEFAULT_REGION, `notebook-instance/${seed.name.toLowerCase()}`),
    instanceType: seed.instanceType,
    roleArn: ROLE,
    lifecycleConfigName: seed.lifecycleConfigName,
    defaultCodeRepository: seed.defaultCodeRepository,
    volumeSizeInGB: 5,
    directInternetAccess: 'Enabled',
    rootAccess: 'Enabled',
    platformIdentifier: 'notebook-al2-v2',
    creationTime: created,
    lastModifiedTime: created,
    transition: {
      phases: [{ status: seed.status === 'starting' ? 'Pending' : seed.status }],
      since: created.getTime(),
      scripts: [],
      logged: true,
    },
  };
  notebookState(world).instances.set(instance.name, instance);
  if (seed.status === 'starting') {
    // Started just now: the user sees it go Pending -> InService, with its script logs.
    instance.transition = { phases: [], since: world.clock.now(), scripts: ['OnStart'], logged: false };
    instance.transition.phases = startPhases(world, instance, ['OnStart']);
  }
  if (seed.status === 'Failed') {
    const configArn = world.arn(
      'sagemaker',
      DEFAULT_REGION,
      `notebook-instance-lifecycle-config/${(seed.lifecycleConfigName ?? '').toLowerCase()}`,
    );
    instance.failureReason = `Notebook Instance Lifecycle Config '${configArn}' for Notebook Instance '${instance.arn}' took longer than 5 minutes. Please check your CloudWatch logs for more details if your Notebook Instance has Internet access.`;
  }
}

const EMPTY_NOTEBOOK = JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 4 });

export function seedNotebookInstances(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  world.s3.put(
    FRAUD_BUCKET,
    'fraud-detection-using-machine-learning/v1.0/notebooks/sagemaker_fraud_detection.ipynb',
    EMPTY_NOTEBOOK,
    'application/x-ipynb+json',
  );
  world.s3.put(
    LAB_BUCKET,
    'lab-1/scripts/Lab1-data-preparation.ipynb',
    labDataPreparationNotebook(),
    'application/x-ipynb+json',
  );
  world.s3.put(LAB_BUCKET, 'lab-1/scripts/Lab1-training.ipynb', EMPTY_NOTEBOOK, 'application/x-ipynb+json');

  addConfig(world, 'BasicNotebookInstanceLifecycleConfig', [], [FRAUD_ON_START], 40);
  addConfig(world, 'foo', ['echo foo\n'], [LAB_ON_START], 21);
  addConfig(world, 'autogluon-install-on-start', [], [SLOW_ON_START], 3);

  const created = new Date(world.clock.now() - 30 * 86_400_000);
  notebookState(world).codeRepositories.set('abalone-cicd-pipeline', {
    name: 'abalone-cicd-pipeline',
    arn: world.arn('sagemaker', DEFAULT_REGION, 'code-repository/abalone-cicd-pipeline'),
    url: 'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/abalone-cicd-pipeline',
    branch: 'main',
    creationTime: created,
    lastModifiedTime: created,
  });

  addInstance(world, {
    name: 'FraudDetectionNotebookInstance',
    instanceType: 'ml.t2.medium',
    lifecycleConfigName: 'BasicNotebookInstanceLifecycleConfig',
    status: 'InService',
    ageDays: 40,
  });
  addInstance(world, {
    name: 'ml-pipeline-lab-notebook',
    instanceType: 'ml.t3.medium',
    lifecycleConfigName: 'foo',
    status: 'Stopped',
    ageDays: 21,
  });
  addInstance(world, {
    name: 'abalone-autopilot-notebook',
    instanceType: 'ml.m5.xlarge',
    defaultCodeRepository: 'abalone-cicd-pipeline',
    status: 'starting',
    ageDays: 12,
  });
  addInstance(world, {
    name: 'autogluon-experiments',
    instanceType: 'ml.g4dn.xlarge',
    lifecycleConfigName: 'autogluon-install-on-start',
    status: 'Failed',
    ageDays: 3,
  });

  if (scenario === 'large') {
    const types = ['ml.t3.medium', 'ml.m5.xlarge', 'ml.c5.2xlarge', 'ml.g4dn.xlarge'];
    const statuses: NotebookStatus[] = ['InService', 'Stopped', 'Stopped', 'Failed'];
    for (let i = 0; i < 500; i++) {
      addInstance(world, {
        name: `team-notebook-${String(i).padStart(4, '0')}`,
        instanceType: types[i % types.length],
        status: statuses[i % statuses.length],
        ageDays: 1 + (i % 90),
        lifecycleConfigName: i % 3 === 0 ? 'foo' : undefined,
      });
    }
  }
}
