// CodePipeline: the calls the Pipelines view and the release commands make. ListPipelines has no name filter and no status, so
// the view filters names locally and reads each shown pipeline's state once (it carries the stages, the
// newest execution and any approval token).
import type { ActionExecutionDetail, PipelineExecutionSummary, PipelineSummary } from '@aws-sdk/client-codepipeline';
import type { Page } from '../../model/pagedList';
import { matchesFilter, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';

/**
 * One page of the Pipelines view; `maxResults` is the view's page size (1–100). `listed` sees the whole page
 * before the name filter, so the background state reads know every pipeline the call returned.
 */
export async function listCodePipelinesPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
  maxResults: number,
  listed?: (page: Page<PipelineSummary>) => void,
): Promise<Page<PipelineSummary>> {
  const out = await listPipelineSummaries(clients, nextToken, maxResults);
  listed?.(out);
  const items = out.items.filter((p) => matchesFilter(p.name ?? '', undefined, { ...filter, status: undefined }));
  const byName = (a: PipelineSummary, b: PipelineSummary) => (a.name ?? '').localeCompare(b.name ?? '');
  const byCreated = (a: PipelineSummary, b: PipelineSummary) =>
    (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0);
  items.sort(filter.sort === 'name' ? byName : filter.sort === 'oldest' ? byCreated : (a, b) => byCreated(b, a));
  return { items, nextToken: out.nextToken };
}

/** One ListPipelines call as AWS answers it (maxResults up to 1,000, AWS's largest page). */
export async function listPipelineSummaries(
  clients: AwsClients,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<PipelineSummary>> {
  const { ListPipelinesCommand } = await import('./codePipelineSdk.js');
  const out = await (await clients.codepipeline()).send(new ListPipelinesCommand({ nextToken, maxResults }));
  return { items: out.pipelines ?? [], nextToken: out.nextToken };
}

/**
 * A pipeline's state. `throttled` hears of every ThrottlingException, including those the SDK's retries then
 * got past, so background reads slow down as soon as AWS asks, not only when every retry failed.
 */
export async function getPipelineState(clients: AwsClients, name: string, throttled?: () => void) {
  const { GetPipelineStateCommand } = await import('./codePipelineSdk.js');
  const command = new GetPipelineStateCommand({ name });
  if (throttled)
    // Below the retry middleware (finalizeRequest, high priority): each attempt passes here.
    command.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          if ((error as { name?: string }).name === 'ThrottlingException') throttled();
          throw error;
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: 'sagemakerWorkbenchThrottleWatch' },
    );
  return (await clients.codepipeline()).send(command);
}

export async function getPipeline(clients: AwsClients, name: string) {
  const { GetPipelineCommand } = await import('./codePipelineSdk.js');
  return (await clients.codepipeline()).send(new GetPipelineCommand({ name }));
}

export async function listCodePipelineExecutionsPage(
  clients: AwsClients,
  pipelineName: string,
  nextToken: string | undefined,
): Promise<Page<PipelineExecutionSummary>> {
  const { ListPipelineExecutionsCommand } = await import('./codePipelineSdk.js');
  const codepipeline = await clients.codepipeline();
  const out = await codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName, nextToken, maxResults: 10 }));
  return { items: out.pipelineExecutionSummaries ?? [], nextToken: out.nextToken };
}

export async function startPipelineExecution(clients: AwsClients, name: string): Promise<string | undefined> {
  const { StartPipelineExecutionCommand } = await import('./codePipelineSdk.js');
  return (await (await clients.codepipeline()).send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId;
}

export async function stopPipelineExecution(
  clients: AwsClients,
  pipelineName: string,
  pipelineExecutionId: string,
  abandon: boolean,
  reason: string,
): Promise<void> {
  const { StopPipelineExecutionCommand } = await import('./codePipelineSdk.js');
  const codepipeline = await clients.codepipeline();
  await codepipeline.send(
    new StopPipelineExecutionCommand({ pipelineName, pipelineExecutionId, abandon, reason: reason || undefined }),
  );
}

export async function retryFailedActions(
  clients: AwsClients,
  pipelineName: string,
  stageName: string,
  pipelineExecutionId: string,
): Promise<void> {
  const { RetryStageExecutionCommand } = await import('./codePipelineSdk.js');
  const codepipeline = await clients.codepipeline();
  await codepipeline.send(
    new RetryStageExecutionCommand({ pipelineName, stageName, pipelineExecutionId, retryMode: 'FAILED_ACTIONS' }),
  );
}

/** Every action execution of one pipeline execution (the SDK paginator; a release has a handful). */
export async function listActionExecutions(
  clients: AwsClients,
  pipelineName: string,
  pipelineExecutionId: string,
): Promise<ActionExecutionDetail[]> {
  const { paginateListActionExecutions } = await import('./codePipelineSdk.js');
  const details: ActionExecutionDetail[] = [];
  for await (const page of paginateListActionExecutions(
    { client: await clients.codepipeline() },
    { pipelineName, filter: { pipelineExecutionId } },
  )) {
    details.push(...(page.actionExecutionDetails ?? []));
  }
  return details;
}
