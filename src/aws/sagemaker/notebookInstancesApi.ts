// Notebook instances and lifecycle configurations: the list and describe calls the views make.
import {
  DescribeNotebookInstanceCommand,
  DescribeNotebookInstanceLifecycleConfigCommand,
  ListNotebookInstanceLifecycleConfigsCommand,
  ListNotebookInstancesCommand,
  type NotebookInstanceLifecycleConfigSummary,
  type NotebookInstanceStatus,
  type NotebookInstanceSummary,
} from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import { sageMakerSort, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';
import { pageSize } from '../../session/pageSize';

export const NOTEBOOK_STATUSES = ['Pending', 'InService', 'Stopping', 'Stopped', 'Failed', 'Updating', 'Deleting'] as const;

export async function listNotebookInstancesPage(
  clients: AwsClients, nextToken: string | undefined, filter: ViewFilter,
): Promise<Page<NotebookInstanceSummary>> {
  const out = await clients.sagemaker().send(new ListNotebookInstancesCommand({
    MaxResults: pageSize(),
    NextToken: nextToken,
    NameContains: filter.nameContains || undefined,
    StatusEquals: (filter.status as NotebookInstanceStatus) || undefined,
    ...(sageMakerSort(filter, 'Name', 'CreationTime') as { SortBy: 'Name' | 'CreationTime'; SortOrder: 'Ascending' | 'Descending' }),
  }));
  return { items: out.NotebookInstances ?? [], nextToken: out.NextToken };
}

export async function listLifecycleConfigsPage(
  clients: AwsClients, nextToken: string | undefined, filter: ViewFilter,
): Promise<Page<NotebookInstanceLifecycleConfigSummary>> {
  const out = await clients.sagemaker().send(new ListNotebookInstanceLifecycleConfigsCommand({
    MaxResults: pageSize(),
    NextToken: nextToken,
    NameContains: filter.nameContains || undefined,
    ...(sageMakerSort(filter, 'Name', 'CreationTime') as { SortBy: 'Name' | 'CreationTime'; SortOrder: 'Ascending' | 'Descending' }),
  }));
  return { items: out.NotebookInstanceLifecycleConfigs ?? [], nextToken: out.NextToken };
}

export function describeNotebookInstance(clients: AwsClients, name: string) {
  return clients.sagemaker().send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }));
}

export function describeLifecycleConfig(clients: AwsClients, name: string) {
  return clients.sagemaker().send(new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }));
}
