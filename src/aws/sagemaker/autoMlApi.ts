// Autopilot (AutoML) jobs and their candidates: the list and describe calls the views make.
import type {
  AutoMLCandidate,
  AutoMLJobStatus,
  AutoMLJobSummary,
  DescribeAutoMLJobV2CommandOutput,
} from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import type { SortOrder } from '../../model/autoMlObjective';
import { sageMakerSort, type ViewFilter } from '../../model/viewFilter';
import type { AwsClients } from '../clients';

export const AUTOML_JOB_STATUSES = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const;
/** MaxResults when the caller names none (the views pass the pageSize setting). */
export const PAGE_SIZE = 50;

/** ListAutoMLJobs lists jobs created with CreateAutoMLJob and CreateAutoMLJobV2 alike. */
export async function listAutoMlJobsPage(
  clients: AwsClients,
  nextToken: string | undefined,
  filter: ViewFilter,
  maxResults = PAGE_SIZE,
): Promise<Page<AutoMLJobSummary>> {
  const { ListAutoMLJobsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListAutoMLJobsCommand({
      MaxResults: maxResults,
      NextToken: nextToken,
      NameContains: filter.nameContains || undefined,
      StatusEquals: (filter.status as AutoMLJobStatus) || undefined,
      ...(sageMakerSort(filter, 'Name', 'CreationTime') as {
        SortBy: 'Name' | 'CreationTime';
        SortOrder: 'Ascending' | 'Descending';
      }),
    }),
  );
  return { items: out.AutoMLJobSummaries ?? [], nextToken: out.NextToken };
}

/** What the tree needs from a job's description, whichever API version answered. */
export interface AutoMlJobFacts {
  problemType?: string;
  objectiveMetric?: string;
  bestCandidate?: AutoMLCandidate;
  raw: unknown;
}

export function factsFromV2(out: DescribeAutoMLJobV2CommandOutput): AutoMlJobFacts {
  const resolved = out.ResolvedAttributes;
  const tabular = out.AutoMLProblemTypeConfig?.TabularJobConfig;
  const problemType =
    resolved?.AutoMLProblemTypeResolvedAttributes?.TabularResolvedAttributes?.ProblemType ??
    tabular?.ProblemType ??
    out.AutoMLProblemTypeConfigName;
  return {
    problemType,
    objectiveMetric:
      out.AutoMLJobObjective?.MetricName ??
      resolved?.AutoMLJobObjective?.MetricName ??
      out.BestCandidate?.FinalAutoMLJobObjectiveMetric?.MetricName,
    bestCandidate: out.BestCandidate,
    raw: out,
  };
}

export async function describeAutoMlJobV2(clients: AwsClients, name: string) {
  const { DescribeAutoMLJobV2Command } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeAutoMLJobV2Command({ AutoMLJobName: name }));
}

/**
 * DescribeAutoMLJobV2 answers for V1 and V2 jobs on AWS; an endpoint that only knows the V1 call (older
 * regions, emulators) gets DescribeAutoMLJob instead, which carries the same facts for tabular jobs.
 */
export async function describeAutoMlJobFacts(clients: AwsClients, name: string): Promise<AutoMlJobFacts> {
  const { DescribeAutoMLJobCommand } = await import('./sageMakerSdk.js');
  try {
    return factsFromV2(await describeAutoMlJobV2(clients, name));
  } catch (error) {
    if (!isUnknownOperation(error)) throw error;
    const v1 = await (await clients.sagemaker()).send(new DescribeAutoMLJobCommand({ AutoMLJobName: name }));
    return {
      problemType: v1.ResolvedAttributes?.ProblemType ?? v1.ProblemType,
      objectiveMetric:
        v1.AutoMLJobObjective?.MetricName ??
        v1.ResolvedAttributes?.AutoMLJobObjective?.MetricName ??
        v1.BestCandidate?.FinalAutoMLJobObjectiveMetric?.MetricName,
      bestCandidate: v1.BestCandidate,
      raw: v1,
    };
  }
}

function isUnknownOperation(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  return name === 'UnknownOperationException' || name === 'InvalidAction' || name === 'UnrecognizedClientException';
}

export async function listCandidatesPage(
  clients: AwsClients,
  jobName: string,
  nextToken: string | undefined,
  sortOrder: SortOrder,
  maxResults = PAGE_SIZE,
): Promise<Page<AutoMLCandidate>> {
  const { ListCandidatesForAutoMLJobCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListCandidatesForAutoMLJobCommand({
      AutoMLJobName: jobName,
      SortBy: 'FinalObjectiveMetricValue',
      SortOrder: sortOrder,
      MaxResults: maxResults,
      NextToken: nextToken,
    }),
  );
  return { items: out.Candidates ?? [], nextToken: out.NextToken };
}
