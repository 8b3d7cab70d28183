// Training jobs: the list and describe calls the views make.
import type { TrainingJobStatus, TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import { sageMakerSort, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';

export const TRAINING_JOB_STATUSES = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const;
export const PAGE_SIZE = 50;

/** One page of jobs; with a status filter AWS applies MaxResults first, so a page may be short (or empty) with a NextToken. */
export async function listTrainingJobsPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
  maxResults = PAGE_SIZE,
): Promise<Page<TrainingJobSummary>> {
  const { ListTrainingJobsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListTrainingJobsCommand({
      MaxResults: maxResults,
      NextToken: nextToken,
      NameContains: filter.nameContains || undefined,
      StatusEquals: (filter.status as TrainingJobStatus) || undefined,
      ...(sageMakerSort(filter, 'Name', 'CreationTime') as {
        SortBy: 'Name' | 'CreationTime';
        SortOrder: 'Ascending' | 'Descending';
      }),
    }),
  );
  // With StatusEquals, AWS takes MaxResults jobs first and then filters them: a short page is not the end.
  return {
    items: out.TrainingJobSummaries ?? [],
    nextToken: out.NextToken,
    asked: filter.status ? maxResults : undefined,
  };
}

export async function describeTrainingJob(clients: AwsClients, name: string) {
  const { DescribeTrainingJobCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
}
