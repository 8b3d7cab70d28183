// What SageMaker compute runs in the region, read for the live bill: list calls filtered to the running status
// (every page: a bill must be complete), plus the few describes a price needs: DescribeEndpoint for each InService
// endpoint (its variants' current instance counts), DescribeEndpointConfig for instance types (a configuration never
// changes, so each is read once per session: EndpointConfigCache), training jobs from Search (its records carry the
// instance type, count and spot), and a describe per in-progress processing or transform job (Search has neither).
// Describes go eight at a time (mapBounded). Studio space apps come from ListApps alone (every domain at once; each
// app carries its Status and ResourceSpec.InstanceType), with no describe per space or app.
import type { TrainingJob, DescribeEndpointConfigCommandOutput } from '@aws-sdk/client-sagemaker';
import type { RunningResource } from '../../model/costBill';
import { mapBounded } from '../../model/mapBounded';
import { SPACE_APP_TYPES, type SpaceAppType } from '../../model/studioSpaces';
import type { AwsClients } from '../clients';

const PAGE = 100;

async function allPages<T>(read: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await read(token);
    items.push(...page.items);
    token = page.next;
  } while (token);
  return items;
}

async function describeEndpointConfig(clients: AwsClients, name: string): Promise<DescribeEndpointConfigCommandOutput> {
  const { DescribeEndpointConfigCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }));
}

/**
 * Endpoint configurations already read, by region and name. A configuration is immutable on AWS, so the caller keeps
 * one of these for its session (a new profile or account starts a new one) and each configuration is described once.
 */
export class EndpointConfigCache {
  private readonly configs = new Map<string, Promise<DescribeEndpointConfigCommandOutput>>();

  read(clients: AwsClients, region: string, name: string): Promise<DescribeEndpointConfigCommandOutput> {
    const key = `${region}|${name}`;
    let config = this.configs.get(key);
    if (!config) {
      config = describeEndpointConfig(clients, name);
      // A failed read (throttled, deleted meanwhile) is not kept: the next refresh asks again.
      config.catch(() => this.configs.delete(key));
      this.configs.set(key, config);
    }
    return config;
  }

  clear(): void {
    this.configs.clear();
  }
}

export async function runningNotebookInstances(clients: AwsClients): Promise<RunningResource[]> {
  const { ListNotebookInstancesCommand } = await import('./sageMakerSdk.js');
  const instances = await allPages(async (token) => {
    const out = await (
      await clients.sagemaker()
    ).send(new ListNotebookInstancesCommand({ StatusEquals: 'InService', MaxResults: PAGE, NextToken: token }));
    return { items: out.NotebookInstances ?? [], next: out.NextToken };
  });
  return instances.map((i) => ({
    kind: 'notebook-instance',
    name: i.NotebookInstanceName ?? '?',
    instanceType: i.InstanceType,
    count: 1,
    // A start is the instance's last modification; billing runs from there.
    since: i.LastModifiedTime ?? i.CreationTime,
    lifecycleConfigName: i.NotebookInstanceLifecycleConfigName,
  }));
}

/**
 * The InService JupyterLab and Code Editor apps of Studio spaces in every domain of the region: ListApps without a
 * domain filter, every page (it has no status filter, and deleted apps stay listed for a while).
 */
export async function runningSpaceApps(clients: AwsClients): Promise<RunningResource[]> {
  const { ListAppsCommand } = await import('./sageMakerSdk.js');
  const apps = await allPages(async (token) => {
    const out = await (await clients.sagemaker()).send(new ListAppsCommand({ MaxResults: PAGE, NextToken: token }));
    return { items: out.Apps ?? [], next: out.NextToken };
  });
  return apps
    .filter((a) => a.Status === 'InService' && a.SpaceName && SPACE_APP_TYPES.includes(a.AppType as SpaceAppType))
    .map((a) => ({
      kind: 'studio-space-app',
      name: a.SpaceName!,
      domainId: a.DomainId,
      appType: a.AppType,
      instanceType: a.ResourceSpec?.InstanceType,
      count: 1,
      // Metering starts when the app's instance is created.
      since: a.CreationTime,
    }));
}

export async function runningEndpointVariants(
  clients: AwsClients,
  region: string,
  configs: EndpointConfigCache,
): Promise<RunningResource[]> {
  const { DescribeEndpointCommand, ListEndpointsCommand } = await import('./sageMakerSdk.js');
  const endpoints = await allPages(async (token) => {
    const out = await (
      await clients.sagemaker()
    ).send(new ListEndpointsCommand({ StatusEquals: 'InService', MaxResults: PAGE, NextToken: token }));
    return { items: out.Endpoints ?? [], next: out.NextToken };
  });
  const perEndpoint = await mapBounded(endpoints, async (e): Promise<RunningResource[]> => {
    const name = e.EndpointName ?? '?';
    const described = await (await clients.sagemaker()).send(new DescribeEndpointCommand({ EndpointName: name }));
    const config = described.EndpointConfigName
      ? await configs.read(clients, region, described.EndpointConfigName)
      : undefined;
    const typeOf = new Map(
      [...(config?.ProductionVariants ?? []), ...(config?.ShadowProductionVariants ?? [])].map((v) => [
        v.VariantName,
        v.InstanceType,
      ]),
    );
    const variants = [
      ...(described.ProductionVariants ?? []).map((v) => ({ v, shadow: false })),
      ...(described.ShadowProductionVariants ?? []).map((v) => ({ v, shadow: true })),
    ];
    return variants.map(({ v, shadow }) => ({
      kind: 'endpoint-variant',
      name,
      variant: v.VariantName,
      shadow,
      instanceType: v.CurrentServerlessConfig ? undefined : typeOf.get(v.VariantName),
      count: v.CurrentInstanceCount ?? 0,
      serverless: !!v.CurrentServerlessConfig,
      since: e.CreationTime,
    }));
  });
  return perEndpoint.flat();
}

/**
 * Training jobs in progress, from Search: one call per 100 running jobs, each record carrying the instance type,
 * count and spot setting a price needs. ListTrainingJobs cannot do it: it filters a page of the whole history
 * after retrieving it (an account with years of jobs pages through all of them) and needs a describe per job.
 * Without the sagemaker:Search permission, falls back to the list and a describe per running job.
 */
export async function runningTrainingJobs(clients: AwsClients): Promise<RunningResource[]> {
  const { DescribeTrainingJobCommand, ListTrainingJobsCommand, SearchCommand } = await import('./sageMakerSdk.js');
  try {
    const records = await allPages(async (token) => {
      const sagemaker = await clients.sagemaker();
      const out = await sagemaker.send(
        new SearchCommand({
          Resource: 'TrainingJob',
          SearchExpression: { Filters: [{ Name: 'TrainingJobStatus', Operator: 'Equals', Value: 'InProgress' }] },
          MaxResults: PAGE,
          NextToken: token,
        }),
      );
      return { items: (out.Results ?? []).flatMap((r) => (r.TrainingJob ? [r.TrainingJob] : [])), next: out.NextToken };
    });
    return records.map((j) => trainingJobRow(j.TrainingJobName, j, j.CreationTime));
  } catch (error) {
    if ((error as { name?: string }).name !== 'AccessDeniedException') throw error;
  }
  const jobs = await allPages(async (token) => {
    const out = await (
      await clients.sagemaker()
    ).send(new ListTrainingJobsCommand({ StatusEquals: 'InProgress', MaxResults: PAGE, NextToken: token }));
    return { items: out.TrainingJobSummaries ?? [], next: out.NextToken };
  });
  return mapBounded(jobs, async (j) => {
    const sagemaker = await clients.sagemaker();
    const d = await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: j.TrainingJobName }));
    return trainingJobRow(j.TrainingJobName, d, j.CreationTime);
  });
}

function trainingJobRow(
  name: string | undefined,
  job: Pick<TrainingJob, 'ResourceConfig' | 'EnableManagedSpotTraining' | 'TrainingStartTime'>,
  created: Date | undefined,
): RunningResource {
  return {
    kind: 'training-job',
    name: name ?? '?',
    instanceType: job.ResourceConfig?.InstanceType,
    count: job.ResourceConfig?.InstanceCount ?? 1,
    spot: job.EnableManagedSpotTraining === true,
    since: job.TrainingStartTime ?? created,
  };
}

export async function runningProcessingJobs(clients: AwsClients): Promise<RunningResource[]> {
  const { DescribeProcessingJobCommand, ListProcessingJobsCommand } = await import('./sageMakerSdk.js');
  const jobs = await allPages(async (token) => {
    const out = await (
      await clients.sagemaker()
    ).send(new ListProcessingJobsCommand({ StatusEquals: 'InProgress', MaxResults: PAGE, NextToken: token }));
    return { items: out.ProcessingJobSummaries ?? [], next: out.NextToken };
  });
  return mapBounded(jobs, async (j): Promise<RunningResource> => {
    const d = await (
      await clients.sagemaker()
    ).send(new DescribeProcessingJobCommand({ ProcessingJobName: j.ProcessingJobName }));
    return {
      kind: 'processing-job',
      name: j.ProcessingJobName ?? '?',
      instanceType: d.ProcessingResources?.ClusterConfig?.InstanceType,
      count: d.ProcessingResources?.ClusterConfig?.InstanceCount ?? 1,
      since: d.ProcessingStartTime ?? j.CreationTime,
    };
  });
}

export async function runningTransformJobs(clients: AwsClients): Promise<RunningResource[]> {
  const { DescribeTransformJobCommand, ListTransformJobsCommand } = await import('./sageMakerSdk.js');
  const jobs = await allPages(async (token) => {
    const out = await (
      await clients.sagemaker()
    ).send(new ListTransformJobsCommand({ StatusEquals: 'InProgress', MaxResults: PAGE, NextToken: token }));
    return { items: out.TransformJobSummaries ?? [], next: out.NextToken };
  });
  return mapBounded(jobs, async (j): Promise<RunningResource> => {
    const sagemaker = await clients.sagemaker();
    const d = await sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: j.TransformJobName }));
    return {
      kind: 'transform-job',
      name: j.TransformJobName ?? '?',
      instanceType: d.TransformResources?.InstanceType,
      count: d.TransformResources?.InstanceCount ?? 1,
      since: d.TransformStartTime ?? j.CreationTime,
    };
  });
}

/** Autopilot jobs in progress: listed only (they are billed through the jobs they run). */
export async function runningAutoMlJobs(clients: AwsClients): Promise<RunningResource[]> {
  const { ListAutoMLJobsCommand } = await import('./sageMakerSdk.js');
  const jobs = await allPages(async (token) => {
    const out = await (
      await clients.sagemaker()
    ).send(new ListAutoMLJobsCommand({ StatusEquals: 'InProgress', MaxResults: PAGE, NextToken: token }));
    return { items: out.AutoMLJobSummaries ?? [], next: out.NextToken };
  });
  return jobs.map((j) => ({ kind: 'autopilot-job', name: j.AutoMLJobName ?? '?', count: 0, since: j.CreationTime }));
}

/** Everything billable that runs in the session's region, in the order the view shows it. */
export async function runningResources(
  clients: AwsClients,
  region: string,
  configs: EndpointConfigCache,
): Promise<RunningResource[]> {
  const parts = await Promise.all([
    runningNotebookInstances(clients),
    runningSpaceApps(clients),
    runningEndpointVariants(clients, region, configs),
    runningTrainingJobs(clients),
    runningProcessingJobs(clients),
    runningTransformJobs(clients),
    runningAutoMlJobs(clients),
  ]);
  return parts.flat();
}
