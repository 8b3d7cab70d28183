// The model registry: package groups, their versions, and the statistics object a version's metrics live in.
import * as l10n from '@vscode/l10n';
import type {
  ContainerDefinition,
  DescribeModelPackageCommandOutput,
  ModelPackageGroupSummary,
  ModelPackageSummary,
} from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import { parseQualityMetricsText, parseS3Uri, type QualityMetric } from '../../model/modelQualityMetrics';
import { sageMakerSort, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';
import { madeMomentsAgo, sendOnce } from '../retriedCreate';
import { readSmallObject } from '../s3/smallObjects';

export const PAGE_SIZE = 50;
/** A statistics document is a few KB; anything far larger is not one and is not read into memory. */
const MAX_STATISTICS_BYTES = 5 * 1024 * 1024;

export async function listModelPackageGroupsPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
): Promise<Page<ModelPackageGroupSummary>> {
  const { ListModelPackageGroupsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListModelPackageGroupsCommand({
      MaxResults: PAGE_SIZE,
      NextToken: nextToken,
      NameContains: filter.nameContains || undefined,
      ...(sageMakerSort(filter, 'Name', 'CreationTime') as {
        SortBy: 'Name' | 'CreationTime';
        SortOrder: 'Ascending' | 'Descending';
      }),
    }),
  );
  return { items: out.ModelPackageGroupSummaryList ?? [], nextToken: out.NextToken };
}

/** Versions of a group, newest first. */
export async function listModelPackagesPage(
  clients: AwsClients,
  groupName: string,
  nextToken: string | undefined,
): Promise<Page<ModelPackageSummary>> {
  const { ListModelPackagesCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListModelPackagesCommand({
      ModelPackageGroupName: groupName,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: PAGE_SIZE,
      NextToken: nextToken,
    }),
  );
  return { items: out.ModelPackageSummaryList ?? [], nextToken: out.NextToken };
}

export async function describeModelPackageGroup(clients: AwsClients, name: string) {
  const { DescribeModelPackageGroupCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name }));
}

/** `name` is the version's ARN (a versioned package has no name of its own). */
export async function describeModelPackage(clients: AwsClients, arnOrName: string) {
  const { DescribeModelPackageCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeModelPackageCommand({ ModelPackageName: arnOrName }));
}

/** Reads a metrics document (ModelMetrics.*.Statistics.S3Uri) as text. */
export async function readMetricsObject(clients: AwsClients, s3Uri: string): Promise<string> {
  const location = parseS3Uri(s3Uri);
  if (!location) throw new Error(l10n.t('Not an S3 URI: {0}', s3Uri));
  const read = await readSmallObject(clients, location.bucket, location.key, MAX_STATISTICS_BYTES);
  if ('tooLarge' in read)
    throw new Error(l10n.t('The statistics object is {0} bytes: too large to be a metrics document', read.tooLarge));
  return read.text;
}

export async function setModelPackageApproval(
  clients: AwsClients,
  arn: string,
  status: 'Approved' | 'Rejected',
  description: string,
): Promise<void> {
  const { UpdateModelPackageCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sagemaker.send(
    new UpdateModelPackageCommand({
      ModelPackageArn: arn,
      ModelApprovalStatus: status,
      ApprovalDescription: description || undefined,
    }),
  );
}

/** The group's newest approved version (one call), the one a deployment that follows approvals runs. */
export async function currentApprovedVersion(
  clients: AwsClients,
  groupName: string,
): Promise<ModelPackageSummary | undefined> {
  const { ListModelPackagesCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListModelPackagesCommand({
      ModelPackageGroupName: groupName,
      ModelApprovalStatus: 'Approved',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: 1,
    }),
  );
  return out.ModelPackageSummaryList?.[0];
}

/** Where a version's model quality statistics live, if it registered any. */
export function statisticsUriOf(described: DescribeModelPackageCommandOutput): string | undefined {
  return described.ModelMetrics?.ModelQuality?.Statistics?.S3Uri;
}

/** A version's model quality metrics, read from its statistics object. */
export async function readQualityMetrics(clients: AwsClients, statisticsUri: string): Promise<QualityMetric[]> {
  return parseQualityMetricsText(await readMetricsObject(clients, statisticsUri));
}

/** Names of the model package groups, newest first (one call of up to 100): what a picker offers. */
export async function listModelPackageGroupNames(clients: AwsClients): Promise<string[]> {
  const { ListModelPackageGroupsCommand } = await import('./sageMakerSdk.js');
  const out = await (
    await clients.sagemaker()
  ).send(new ListModelPackageGroupsCommand({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100 }));
  return (out.ModelPackageGroupSummaryList ?? []).map((g) => g.ModelPackageGroupName ?? '');
}

/** Creates a group; a retry that meets the group its lost first attempt made counts as this call's success. */
export async function createModelPackageGroup(clients: AwsClients, name: string, description: string): Promise<void> {
  const { CreateModelPackageGroupCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () =>
      sagemaker.send(
        new CreateModelPackageGroupCommand({ ModelPackageGroupName: name, ModelPackageGroupDescription: description }),
      ),
    async () => madeMomentsAgo((await describeModelPackageGroup(clients, name)).CreationTime),
  );
}

export interface NewModelVersion {
  group: string;
  description: string;
  containers: ContainerDefinition[];
  /** s3:// URI of the model quality statistics, if any. */
  statisticsUri?: string;
  approval: 'PendingManualApproval' | 'Approved';
  generatedBy: string;
}

/** Registers a version in a group; returns its ARN. */
export async function createModelPackage(clients: AwsClients, v: NewModelVersion): Promise<string | undefined> {
  const { CreateModelPackageCommand } = await import('./sageMakerSdk.js');
  // Its ClientToken, filled in by the SDK and kept across retries, makes a retried request return the same version.
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: v.group,
      ModelPackageDescription: v.description,
      InferenceSpecification: {
        Containers: v.containers.map((c) => ({
          Image: c.Image!,
          ModelDataUrl: c.ModelDataUrl,
          Environment: c.Environment,
        })),
        SupportedContentTypes: ['text/csv', 'application/json'],
        SupportedResponseMIMETypes: ['text/csv', 'application/json'],
      },
      ModelMetrics: v.statisticsUri
        ? { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: v.statisticsUri } } }
        : undefined,
      ModelApprovalStatus: v.approval,
      MetadataProperties: { GeneratedBy: v.generatedBy.slice(0, 1024) },
    }),
  );
  return out.ModelPackageArn;
}
