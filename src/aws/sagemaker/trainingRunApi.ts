// Starting, stopping and checking the inputs of training jobs: CreateTrainingJob from a plan, and one
// ListObjectsV2 (MaxKeys 1) per input channel so a job is never started on a location with no data.
import type { CreateTrainingJobRequest } from '@aws-sdk/client-sagemaker';
import { parseS3Uri } from '../../model/modelQualityMetrics';
import type { TrainingChannel, TrainingPlan } from '../../model/trainingJobPlan';
import type { AwsClients } from '../clients';
import { madeMomentsAgo, sendOnce } from '../retriedCreate';

/** The CreateTrainingJob request of a plan (File input mode: the container reads /opt/ml/input/data). */
export function createTrainingJobRequest(plan: TrainingPlan): CreateTrainingJobRequest {
  return {
    TrainingJobName: plan.jobName,
    AlgorithmSpecification: {
      TrainingImage: plan.image.trim(),
      TrainingInputMode: 'File',
      MetricDefinitions: plan.metricDefinitions.length
        ? plan.metricDefinitions.map((d) => ({ Name: d.name, Regex: d.regex }))
        : undefined,
    },
    RoleArn: plan.roleArn.trim(),
    HyperParameters: Object.keys(plan.hyperParameters).length ? plan.hyperParameters : undefined,
    InputDataConfig: plan.channels.map((c) => ({
      ChannelName: c.name,
      ContentType: c.contentType,
      DataSource: {
        S3DataSource: { S3DataType: 'S3Prefix', S3Uri: c.s3Uri, S3DataDistributionType: 'FullyReplicated' },
      },
    })),
    OutputDataConfig: { S3OutputPath: plan.outputS3Uri.trim() },
    ResourceConfig: {
      InstanceType: plan.instanceType as never,
      InstanceCount: plan.instanceCount,
      VolumeSizeInGB: plan.volumeSizeInGB,
    },
    StoppingCondition: { MaxRuntimeInSeconds: plan.maxRuntimeSeconds, MaxWaitTimeInSeconds: plan.spot?.maxWaitSeconds },
    EnableManagedSpotTraining: plan.spot ? true : undefined,
    CheckpointConfig: plan.spot ? { S3Uri: plan.spot.checkpointS3Uri } : undefined,
  };
}

export async function startTrainingJob(clients: AwsClients, plan: TrainingPlan): Promise<void> {
  const { CreateTrainingJobCommand, DescribeTrainingJobCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const request = createTrainingJobRequest(plan);
  await sendOnce(
    () => sagemaker.send(new CreateTrainingJobCommand(request)),
    async () => {
      const job = await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: request.TrainingJobName }));
      return (
        madeMomentsAgo(job.CreationTime) &&
        job.AlgorithmSpecification?.TrainingImage === request.AlgorithmSpecification?.TrainingImage &&
        job.RoleArn === request.RoleArn
      );
    },
  );
}

export async function stopTrainingJob(clients: AwsClients, name: string): Promise<void> {
  const { StopTrainingJobCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new StopTrainingJobCommand({ TrainingJobName: name }));
}

/** The channels whose S3 location holds no object. */
export async function emptyChannels(clients: AwsClients, channels: TrainingChannel[]): Promise<TrainingChannel[]> {
  const { ListObjectsV2Command } = await import('../s3/s3Sdk.js');
  const empty: TrainingChannel[] = [];
  for (const channel of channels) {
    const location = parseS3Uri(channel.s3Uri);
    if (!location) {
      empty.push(channel);
      continue;
    }
    const s3 = await clients.s3();
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.key, MaxKeys: 1 }),
    );
    if (!listed.KeyCount) empty.push(channel);
  }
  return empty;
}
