// Notebook instances and lifecycle configurations: the list and describe calls the views make.
import type {
  NotebookInstanceLifecycleConfigSummary,
  NotebookInstanceStatus,
  NotebookInstanceSummary,
} from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import { sageMakerSort, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';

export const NOTEBOOK_STATUSES = [
  'Pending',
  'InService',
  'Stopping',
  'Stopped',
  'Failed',
  'Updating',
  'Deleting',
] as const;

export async function listNotebookInstancesPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
  maxResults: number,
): Promise<Page<NotebookInstanceSummary>> {
  const { ListNotebookInstancesCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListNotebookInstancesCommand({
      MaxResults: maxResults,
      NextToken: nextToken,
      NameContains: filter.nameContains || undefined,
      StatusEquals: (filter.status as NotebookInstanceStatus) || undefined,
      ...(sageMakerSort(filter, 'Name', 'CreationTime') as {
        SortBy: 'Name' | 'CreationTime';
        SortOrder: 'Ascending' | 'Descending';
      }),
    }),
  );
  return { items: out.NotebookInstances ?? [], nextToken: out.NextToken };
}

export async function listLifecycleConfigsPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
  maxResults: number,
): Promise<Page<NotebookInstanceLifecycleConfigSummary>> {
  const { ListNotebookInstanceLifecycleConfigsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListNotebookInstanceLifecycleConfigsCommand({
      MaxResults: maxResults,
      NextToken: nextToken,
      NameContains: filter.nameContains || undefined,
      ...(sageMakerSort(filter, 'Name', 'CreationTime') as {
        SortBy: 'Name' | 'CreationTime';
        SortOrder: 'Ascending' | 'Descending';
      }),
    }),
  );
  return { items: out.NotebookInstanceLifecycleConfigs ?? [], nextToken: out.NextToken };
}

export async function describeNotebookInstance(clients: AwsClients, name: string) {
  const { DescribeNotebookInstanceCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }));
}

export async function describeLifecycleConfig(clients: AwsClients, name: string) {
  const { DescribeNotebookInstanceLifecycleConfigCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(
    new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }),
  );
}

/** Names of the first 100 instances, by name (the pick list of a palette command). */
export async function notebookInstanceNames(clients: AwsClients): Promise<string[]> {
  const { ListNotebookInstancesCommand } = await import('./sageMakerSdk.js');
  const out = await (
    await clients.sagemaker()
  ).send(new ListNotebookInstancesCommand({ MaxResults: 100, SortBy: 'Name', SortOrder: 'Ascending' }));
  return (out.NotebookInstances ?? []).map((i) => i.NotebookInstanceName ?? '');
}

/** Names of the first 100 lifecycle configurations, by name (the create wizard's choices). */
export async function lifecycleConfigNames(clients: AwsClients): Promise<string[]> {
  const { ListNotebookInstanceLifecycleConfigsCommand } = await import('./sageMakerSdk.js');
  const out = await (
    await clients.sagemaker()
  ).send(new ListNotebookInstanceLifecycleConfigsCommand({ MaxResults: 100, SortBy: 'Name', SortOrder: 'Ascending' }));
  return (out.NotebookInstanceLifecycleConfigs ?? []).map((c) => c.NotebookInstanceLifecycleConfigName ?? '');
}

/** Names of the first 100 SageMaker code repositories, by name. */
export async function codeRepositoryNames(clients: AwsClients): Promise<string[]> {
  const { ListCodeRepositoriesCommand } = await import('./sageMakerSdk.js');
  const out = await (
    await clients.sagemaker()
  ).send(new ListCodeRepositoriesCommand({ MaxResults: 100, SortBy: 'Name', SortOrder: 'Ascending' }));
  return (out.CodeRepositorySummaryList ?? []).map((r) => r.CodeRepositoryName ?? '');
}
