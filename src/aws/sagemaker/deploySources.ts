// What can be deployed, resolved into the containers of a new model (or an existing model) and the role it
// ran with: a registry version (the model names the version, AWS resolves image and artefact), a completed
// training job's artefact with its image, an Autopilot candidate's inference containers (several make an
// inference pipeline), or a model that already exists.
import * as l10n from '@vscode/l10n';
import type { AutoMLCandidate, ContainerDefinition } from '@aws-sdk/client-sagemaker';
import { parseS3Uri } from '../../model/modelQualityMetrics';
import type { AwsClients } from '../clients';
import { describeAutoMlJobFacts } from './autoMlApi';
import { describeModelPackage } from './modelRegistryApi';
import { describeTrainingJob } from './trainingJobsApi';

export interface DeploySource {
  kind: 'modelPackage' | 'trainingJob' | 'candidate' | 'model';
  /** How the user knows it: "AbalonePackageGroup v4", "training job abalone-xgb-…". */
  label: string;
  /** The source's own name without a kind word (the label is localised): suggests the endpoint's name. */
  name?: string;
  /** Containers of the model to create; absent when deploying an existing model. */
  containers?: ContainerDefinition[];
  existingModel?: string;
  /** The role the source ran with, offered as the model's execution role. */
  roleArn?: string;
  /** Bucket of the artefact: data capture goes next to it. */
  bucket?: string;
  /** The registry version deployed, remembered for the endpoint's history. */
  modelPackageArn?: string;
}

const bucketOf = (url: string | undefined) => (url ? parseS3Uri(url)?.bucket : undefined);

export async function modelPackageSource(clients: AwsClients, arn: string): Promise<DeploySource> {
  const d = await describeModelPackage(clients, arn);
  if (d.ModelPackageStatus && d.ModelPackageStatus !== 'Completed')
    throw new Error(
      l10n.t('Model package {0} is {1}; only a Completed version can be deployed.', arn, d.ModelPackageStatus),
    );
  return {
    kind: 'modelPackage',
    label: l10n.t(
      '{0} v{1}',
      d.ModelPackageGroupName ?? d.ModelPackageName ?? l10n.t('model package'),
      d.ModelPackageVersion ?? '?',
    ),
    containers: [{ ModelPackageName: d.ModelPackageArn ?? arn }],
    bucket: bucketOf(d.InferenceSpecification?.Containers?.[0]?.ModelDataUrl),
    modelPackageArn: d.ModelPackageArn ?? arn,
  };
}

export async function trainingJobSource(clients: AwsClients, name: string): Promise<DeploySource> {
  const d = await describeTrainingJob(clients, name);
  const artefact = d.ModelArtifacts?.S3ModelArtifacts;
  const image = d.AlgorithmSpecification?.TrainingImage;
  if (d.TrainingJobStatus !== 'Completed' || !artefact)
    throw new Error(
      l10n.t(
        'Training job {0} is {1}; only a completed job has a model artefact to deploy.',
        name,
        d.TrainingJobStatus ?? l10n.t('not finished'),
      ),
    );
  if (!image)
    throw new Error(
      l10n.t(
        'Training job {0} used an algorithm resource, not an image; deploy it from the model registry instead.',
        name,
      ),
    );
  return {
    kind: 'trainingJob',
    label: l10n.t('training job {0}', name),
    name,
    containers: [{ Image: image, ModelDataUrl: artefact }],
    roleArn: d.RoleArn,
    bucket: bucketOf(artefact),
  };
}

export async function candidateSource(
  clients: AwsClients,
  jobName: string,
  candidate: AutoMLCandidate,
): Promise<DeploySource> {
  const containers = (candidate.InferenceContainers ?? []).map((c) => ({
    Image: c.Image,
    ModelDataUrl: c.ModelDataUrl,
    Environment: c.Environment,
  }));
  if (candidate.CandidateStatus !== 'Completed' || containers.length === 0)
    throw new Error(
      l10n.t(
        'Candidate {0} is {1}; it has no inference containers to deploy.',
        candidate.CandidateName ?? '',
        candidate.CandidateStatus ?? l10n.t('not complete'),
      ),
    );
  const facts = await describeAutoMlJobFacts(clients, jobName);
  return {
    kind: 'candidate',
    label: l10n.t('Autopilot candidate {0}', candidate.CandidateName ?? ''),
    name: candidate.CandidateName ?? '',
    containers,
    roleArn: (facts.raw as { RoleArn?: string }).RoleArn,
    bucket: bucketOf(containers[0].ModelDataUrl),
  };
}

export async function existingModelSource(clients: AwsClients, modelName: string): Promise<DeploySource> {
  const { DescribeModelCommand } = await import('./sageMakerSdk.js');
  const d = await (await clients.sagemaker()).send(new DescribeModelCommand({ ModelName: modelName }));
  const containers = d.Containers ?? (d.PrimaryContainer ? [d.PrimaryContainer] : []);
  return {
    kind: 'model',
    label: l10n.t('model {0}', modelName),
    name: modelName,
    existingModel: modelName,
    roleArn: d.ExecutionRoleArn,
    bucket: bucketOf(containers[0]?.ModelDataUrl),
  };
}
