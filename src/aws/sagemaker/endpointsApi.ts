// Endpoints: the list call of the view, the describes made when one endpoint is expanded, and deletion.
import type { EndpointConfigSummary, EndpointStatus, EndpointSummary } from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import { sageMakerSort, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';

export const ENDPOINT_STATUSES = [
  'OutOfService',
  'Creating',
  'Updating',
  'SystemUpdating',
  'RollingBack',
  'InService',
  'Deleting',
  'Failed',
  'UpdateRollbackFailed',
] as const;

/** One page of the Endpoints view; `maxResults` is the view's page size (1–100). */
export async function listEndpointsPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
  maxResults: number,
): Promise<Page<EndpointSummary>> {
  const { ListEndpointsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListEndpointsCommand({
      MaxResults: maxResults,
      NextToken: nextToken,
      NameContains: filter.nameContains || undefined,
      StatusEquals: (filter.status as EndpointStatus) || undefined,
      ...(sageMakerSort(filter, 'Name', 'CreationTime') as {
        SortBy: 'Name' | 'CreationTime';
        SortOrder: 'Ascending' | 'Descending';
      }),
    }),
  );
  return { items: out.Endpoints ?? [], nextToken: out.NextToken };
}

export async function describeEndpoint(clients: AwsClients, name: string) {
  const { DescribeEndpointCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeEndpointCommand({ EndpointName: name }));
}

export async function describeEndpointConfig(clients: AwsClients, name: string) {
  const { DescribeEndpointConfigCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }));
}

export async function deleteEndpoint(clients: AwsClients, name: string): Promise<void> {
  const { DeleteEndpointCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new DeleteEndpointCommand({ EndpointName: name }));
}

export async function deleteEndpointConfig(clients: AwsClients, name: string): Promise<void> {
  const { DeleteEndpointConfigCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new DeleteEndpointConfigCommand({ EndpointConfigName: name }));
}

export async function deleteModel(clients: AwsClients, name: string): Promise<void> {
  const { DeleteModelCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new DeleteModelCommand({ ModelName: name }));
}

/** Names of the InService endpoints, newest first (one call of up to 100): what a picker offers. */
export async function listInServiceEndpointNames(clients: AwsClients): Promise<string[]> {
  const { ListEndpointsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListEndpointsCommand({
      StatusEquals: 'InService',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: 100,
    }),
  );
  return (out.Endpoints ?? []).map((e) => e.EndpointName ?? '');
}

/** Endpoint configurations whose name contains `nameContains`, newest first (one call). */
export async function listEndpointConfigsNamed(
  clients: AwsClients,
  nameContains: string,
  max = 20,
): Promise<EndpointConfigSummary[]> {
  const { ListEndpointConfigsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListEndpointConfigsCommand({
      NameContains: nameContains,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: max,
    }),
  );
  return out.EndpointConfigs ?? [];
}
