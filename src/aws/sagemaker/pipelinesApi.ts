// SageMaker Pipelines: pipelines, their executions and an execution's steps, one list call per page each.
import type { PipelineExecutionStep, PipelineExecutionSummary, PipelineSummary } from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import type { AwsClients } from '../clients';

/** `maxResults`: the view's page size (1–100), as for every list below. */
export async function listSageMakerPipelinesPage(
  clients: AwsClients,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<PipelineSummary>> {
  const { ListPipelinesCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListPipelinesCommand({
      NextToken: nextToken,
      MaxResults: maxResults,
      SortBy: 'Name',
      SortOrder: 'Ascending',
    }),
  );
  return { items: out.PipelineSummaries ?? [], nextToken: out.NextToken };
}

export async function listSageMakerPipelineExecutionsPage(
  clients: AwsClients,
  pipelineName: string,
  nextToken: string | undefined,
): Promise<Page<PipelineExecutionSummary>> {
  const { ListPipelineExecutionsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListPipelineExecutionsCommand({
      PipelineName: pipelineName,
      NextToken: nextToken,
      MaxResults: 10,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
    }),
  );
  return { items: out.PipelineExecutionSummaries ?? [], nextToken: out.NextToken };
}

export async function listPipelineExecutionStepsPage(
  clients: AwsClients,
  executionArn: string,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<PipelineExecutionStep>> {
  const { ListPipelineExecutionStepsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListPipelineExecutionStepsCommand({
      PipelineExecutionArn: executionArn,
      NextToken: nextToken,
      MaxResults: maxResults,
      SortOrder: 'Ascending',
    }),
  );
  return { items: out.PipelineExecutionSteps ?? [], nextToken: out.NextToken };
}

export async function describeSageMakerPipeline(clients: AwsClients, name: string) {
  const { DescribePipelineCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribePipelineCommand({ PipelineName: name }));
}

export async function describePipelineExecution(clients: AwsClients, arn: string) {
  const { DescribePipelineExecutionCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
}

/** A run's parameter values (few; the SDK paginator reads them all). */
export async function listExecutionParameters(
  clients: AwsClients,
  executionArn: string,
): Promise<Array<{ Name?: string; Value?: string }>> {
  const { paginateListPipelineParametersForExecution } = await import('./sageMakerSdk.js');
  const values: Array<{ Name?: string; Value?: string }> = [];
  for await (const page of paginateListPipelineParametersForExecution(
    { client: await clients.sagemaker() },
    { PipelineExecutionArn: executionArn },
  )) {
    values.push(...(page.PipelineParameters ?? []));
  }
  return values;
}

export async function startSageMakerPipelineExecution(
  clients: AwsClients,
  pipelineName: string,
  parameters: Array<{ Name: string; Value: string }>,
): Promise<string | undefined> {
  const { StartPipelineExecutionCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new StartPipelineExecutionCommand({
      PipelineName: pipelineName,
      PipelineParameters: parameters.length ? parameters : undefined,
      PipelineExecutionDescription: 'Started in VS Code (SageMaker Workbench)', // l10n-exempt: description sent to AWS
    }),
  );
  return out.PipelineExecutionArn;
}
