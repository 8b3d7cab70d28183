// Reads what the Model Group panel shows: the group, its newest versions (one ListModelPackages page), and
// for each shown version its description and the metrics in its statistics object. The panel exists to
// compare metrics, so here each shown version is described (a few at a time); the tree never does this.
import type { ModelPackageSummary } from '@aws-sdk/client-sagemaker';
import * as vscode from 'vscode';
import {
  describeModelPackage,
  describeModelPackageGroup,
  listModelPackagesPage,
  readQualityMetrics,
  statisticsUriOf,
} from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import type { VersionRow } from '../protocol/modelGroup';

const DESCRIBE_CONCURRENCY = 4;

export async function readGroup(session: AwsSession, group: string) {
  return describeModelPackageGroup(session.clients, group);
}

export async function readVersionsPage(
  session: AwsSession,
  group: string,
  nextToken: string | undefined,
): Promise<{ rows: Array<{ row: VersionRow; summary: ModelPackageSummary }>; nextToken?: string }> {
  const page = await listModelPackagesPage(session.clients, group, nextToken);
  const rows: Array<{ row: VersionRow; summary: ModelPackageSummary }> = new Array(page.items.length);
  let next = 0;
  const worker = async () => {
    while (next < page.items.length) {
      const index = next++;
      rows[index] = { row: await versionRow(session, page.items[index]), summary: page.items[index] };
    }
  };
  await Promise.all(Array.from({ length: DESCRIBE_CONCURRENCY }, worker));
  return { rows, nextToken: page.nextToken };
}

async function versionRow(session: AwsSession, s: ModelPackageSummary): Promise<VersionRow> {
  const row: VersionRow = {
    version: s.ModelPackageVersion ?? 0,
    arn: s.ModelPackageArn ?? '',
    status: s.ModelApprovalStatus ?? 'Unknown',
    created: s.CreationTime?.toISOString(),
    description: s.ModelPackageDescription,
    metrics: [],
  };
  try {
    const d = await describeModelPackage(session.clients, row.arn);
    row.createdBy = d.MetadataProperties?.GeneratedBy ?? d.CreatedBy?.UserProfileName;
    row.approvalDescription = d.ApprovalDescription;
    const uri = statisticsUriOf(d);
    if (uri)
      row.metrics = (await readQualityMetrics(session.clients, uri)).map((m) => ({ name: m.name, value: m.value }));
    else row.metricsError = vscode.l10n.t('no metrics registered');
  } catch (error) {
    row.metricsError = toUserError(error, session, 'sagemaker', 'DescribeModelPackage').message;
  }
  return row;
}
