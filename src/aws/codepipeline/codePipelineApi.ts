// CodePipeline: the calls the Pipelines view and the release commands make. ListPipelines has no name filter and no status, so
// the view filters names locally and reads each shown pipeline's state once (it carries the stages, the
// newest execution and any approval token).
import {
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  paginateListActionExecutions,
  type ActionExecutionDetail,
  type PipelineExecutionSummary,
  type PipelineSummary,
} from '@aws-sdk/client-codepipeline';
import type { Page } from '../../model/pagedList';
import { matchesFilter, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';

/** One page of the Pipelines view; `maxResults` is the view's page size (1–100). */
export async function listCodePipelinesPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
  maxResults: number,
): Promise<Page<PipelineSummary>> {
  const out = await clients.codepipeline().send(new ListPipelinesCommand({ nextToken, maxResults }));
  const items = (out.pipelines ?? []).filter((p) =>
    matchesFilter(p.name ?? '', undefined, { ...filter, status: undefined }),
  );
  const byName = (a: PipelineSummary, b: PipelineSummary) => (a.name ?? '').localeCompare(b.name ?? '');
  const byCreated = (a: PipelineSummary, b: PipelineSummary) =>
    (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0);
  items.sort(filter.sort === 'name' ? byName : filter.sort === 'oldest' ? byCreated : (a, b) => byCreated(b, a));
  return { items, nextToken: out.nextToken };
}

export function getPipelineState(clients: AwsClients, name: string) {
  return clients.codepipeline().send(new GetPipelineStateCommand({ name }));
}

export function getPipeline(clients: AwsClients, name: string) {
  return clients.codepipeline().send(new GetPipelineCommand({ name }));
}

export async function listCodePipelineExecutionsPage(
  clients: AwsClients,
  pipelineName: string,
  nextToken: string | undefined,
): Promise<Page<PipelineExecutionSummary>> {
  const out = await clients
    .codepipeline()
    .send(new ListPipelineExecutionsCommand({ pipelineName, nextToken, maxResults: 10 }));
  return { items: out.pipelineExecutionSummaries ?? [], nextToken: out.nextToken };
}

export async function startPipelineExecution(clients: AwsClients, name: string): Promise<string | undefined> {
  return (await clients.codepipeline().send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId;
}

export async function stopPipelineExecution(
  clients: AwsClients,
  pipelineName: string,
  pipelineExecutionId: string,
  abandon: boolean,
  reason: string,
): Promise<void> {
  await clients
    .codepipeline()
    .send(
      new StopPipelineExecutionCommand({ pipelineName, pipelineExecutionId, abandon, reason: reason || undefined }),
    );
}

export async function retryFailedActions(
  clients: AwsClients,
  pipelineName: string,
  stageName: string,
  pipelineExecutionId: string,
): Promise<void> {
  await clients
    .codepipeline()
    .send(
      new RetryStageExecutionCommand({ pipelineName, stageName, pipelineExecutionId, retryMode: 'FAILED_ACTIONS' }),
    );
}

/** Every action execution of one pipeline execution (the SDK paginator; a release has a handful). */
export async function listActionExecutions(
  clients: AwsClients,
  pipelineName: string,
  pipelineExecutionId: string,
): Promise<ActionExecutionDetail[]> {
  const details: ActionExecutionDetail[] = [];
  for await (const page of paginateListActionExecutions(
    { client: clients.codepipeline() },
    { pipelineName, filter: { pipelineExecutionId } },
  )) {
    details.push(...(page.actionExecutionDetails ?? []));
  }
  return details;
}
