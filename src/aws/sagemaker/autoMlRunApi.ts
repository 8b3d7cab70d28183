// Starting and stopping Autopilot experiments, reading every candidate of one (the SDK paginator), and
// reading the header of the training data without downloading it (a ranged GET of the first 64 KB).
import * as l10n from '@vscode/l10n';
import type { AutoMLCandidate, CreateAutoMLJobV2CommandInput } from '@aws-sdk/client-sagemaker';
import { parse } from 'csv-parse/sync';
import type { AutoMlPlan } from '../../model/autoMlPlan';
import { parseS3Uri } from '../../model/modelQualityMetrics';
import type { AwsClients } from '../clients';
import { madeMomentsAgo, sendOnce } from '../retriedCreate';

const HEADER_BYTES = 65_535;

export function createJobInput(plan: AutoMlPlan): CreateAutoMLJobV2CommandInput {
  const limits =
    plan.maxCandidates || plan.maxRuntimeSeconds
      ? {
          CompletionCriteria: {
            MaxCandidates: plan.maxCandidates,
            MaxAutoMLJobRuntimeInSeconds: plan.maxRuntimeSeconds,
          },
        }
      : {};
  return {
    AutoMLJobName: plan.jobName,
    AutoMLJobInputDataConfig: [
      {
        ChannelType: 'training',
        ContentType: /parquet/i.test(plan.inputS3Uri) ? 'x-application/vnd.amazon+parquet' : 'text/csv;header=present',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: plan.inputS3Uri } },
      },
    ],
    OutputDataConfig: { S3OutputPath: plan.outputS3Uri },
    AutoMLProblemTypeConfig: {
      TabularJobConfig: {
        TargetAttributeName: plan.target,
        ProblemType: plan.problemType === 'auto' ? undefined : plan.problemType,
        Mode: plan.mode,
        ...limits,
      },
    },
    AutoMLJobObjective: plan.objective ? { MetricName: plan.objective as never } : undefined,
    RoleArn: plan.roleArn,
    ModelDeployConfig: plan.autoDeploy ? { AutoGenerateEndpointName: true } : undefined,
  };
}

export async function startAutoMlJob(clients: AwsClients, plan: AutoMlPlan): Promise<void> {
  const { CreateAutoMLJobV2Command, DescribeAutoMLJobV2Command } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const input = createJobInput(plan);
  const dataOf = (config: CreateAutoMLJobV2CommandInput['AutoMLJobInputDataConfig']) =>
    config?.[0]?.DataSource?.S3DataSource?.S3Uri;
  await sendOnce(
    () => sagemaker.send(new CreateAutoMLJobV2Command(input)),
    async () => {
      const job = await sagemaker.send(new DescribeAutoMLJobV2Command({ AutoMLJobName: input.AutoMLJobName }));
      return (
        madeMomentsAgo(job.CreationTime) &&
        job.RoleArn === input.RoleArn &&
        dataOf(job.AutoMLJobInputDataConfig) === dataOf(input.AutoMLJobInputDataConfig)
      );
    },
  );
}

export async function stopAutoMlJob(clients: AwsClients, name: string): Promise<void> {
  const { StopAutoMLJobCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new StopAutoMLJobCommand({ AutoMLJobName: name }));
}

export async function allCandidates(clients: AwsClients, jobName: string): Promise<AutoMLCandidate[]> {
  const { paginateListCandidatesForAutoMLJob } = await import('./sageMakerSdk.js');
  const out: AutoMLCandidate[] = [];
  for await (const page of paginateListCandidatesForAutoMLJob(
    { client: await clients.sagemaker(), pageSize: 100 },
    { AutoMLJobName: jobName, SortBy: 'CreationTime', SortOrder: 'Ascending' },
  )) {
    out.push(...(page.Candidates ?? []));
  }
  return out;
}

/** The columns of the training data: the first CSV under the location, its first line only. */
export async function trainingDataColumns(
  clients: AwsClients,
  s3Uri: string,
): Promise<{ columns: string[]; object: string }> {
  const { GetObjectCommand, ListObjectsV2Command } = await import('../s3/s3Sdk.js');
  const location = parseS3Uri(s3Uri.trim());
  if (!location) throw new Error(l10n.t('Not an S3 location: {0}', s3Uri));
  let key = location.key;
  if (!/\.csv$/i.test(key)) {
    const s3 = await clients.s3();
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: key, MaxKeys: 100 }));
    const first = (listed.Contents ?? []).map((o) => o.Key ?? '').find((k) => /\.csv$/i.test(k));
    if (!first) throw new Error(l10n.t('There is no CSV file under {0}', s3Uri));
    key = first;
  }
  const s3 = await clients.s3();
  const out = await s3.send(
    new GetObjectCommand({ Bucket: location.bucket, Key: key, Range: `bytes=0-${HEADER_BYTES}` }),
  );
  const head = (await out.Body?.transformToString('utf-8')) ?? '';
  const firstLine = head.split(/\r?\n/)[0];
  const [columns] = parse(firstLine, { relax_quotes: true }) as string[][];
  return { columns: (columns ?? []).map((c) => c.trim()), object: `s3://${location.bucket}/${key}` };
}
