// Notebook instances' lifecycle: start, stop, delete and the SDK waiters that follow them; the presigned
// Jupyter URL; creating an instance; lifecycle configurations (create, update, delete, who uses one).
import * as l10n from '@vscode/l10n';
import type { CreateNotebookInstanceCommandInput } from '@aws-sdk/client-sagemaker';
import { encodeLifecycleScript } from '../../model/lifecycleScripts';
import type { AwsClients } from '../clients';
import { madeMomentsAgo, sendOnce } from '../retriedCreate';

/** Callers check the instance is Stopped or Failed first, so finding it Pending after a retry means this start took. */
export async function startNotebookInstance(clients: AwsClients, name: string): Promise<void> {
  const { DescribeNotebookInstanceCommand, StartNotebookInstanceCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () => sagemaker.send(new StartNotebookInstanceCommand({ NotebookInstanceName: name })),
    async () => {
      const status = (await sagemaker.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })))
        .NotebookInstanceStatus;
      return status === 'Pending' || status === 'InService';
    },
  );
}

export async function stopNotebookInstance(clients: AwsClients, name: string): Promise<void> {
  const { StopNotebookInstanceCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new StopNotebookInstanceCommand({ NotebookInstanceName: name }));
}

export async function deleteNotebookInstance(clients: AwsClients, name: string): Promise<void> {
  const { DeleteNotebookInstanceCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new DeleteNotebookInstanceCommand({ NotebookInstanceName: name }));
}

export async function createNotebookInstance(
  clients: AwsClients,
  input: CreateNotebookInstanceCommandInput,
): Promise<void> {
  const { CreateNotebookInstanceCommand, DescribeNotebookInstanceCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () => sagemaker.send(new CreateNotebookInstanceCommand(input)),
    async () => {
      const made = await sagemaker.send(
        new DescribeNotebookInstanceCommand({ NotebookInstanceName: input.NotebookInstanceName }),
      );
      return (
        madeMomentsAgo(made.CreationTime) && made.RoleArn === input.RoleArn && made.InstanceType === input.InstanceType
      );
    },
  );
}

/** A presigned URL valid for a few minutes; the caller opens it and keeps it nowhere. */
export async function presignedNotebookUrl(clients: AwsClients, name: string): Promise<string> {
  const { CreatePresignedNotebookInstanceUrlCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new CreatePresignedNotebookInstanceUrlCommand({
      NotebookInstanceName: name,
      SessionExpirationDurationInSeconds: 1800,
    }),
  );
  if (!out.AuthorizedUrl) throw new Error(l10n.t('SageMaker returned no URL for {0}', name));
  return out.AuthorizedUrl;
}

export type NotebookTarget = 'InService' | 'Stopped' | 'Deleted';
export type NotebookSettled =
  { state: 'reached'; status?: string } | { state: 'failed'; reason: string } | { state: 'stopped watching' };

/** Follows an instance with the SDK waiter until `target` (DescribeNotebookInstance with backoff from `pollSeconds`). */
export async function waitForNotebook(
  clients: AwsClients,
  name: string,
  target: NotebookTarget,
  signal: AbortSignal,
  pollSeconds: number,
): Promise<NotebookSettled> {
  const {
    waitForNotebookInstanceDeleted,
    waitForNotebookInstanceInService,
    waitForNotebookInstanceStopped,
    WaiterState,
  } = await import('./sageMakerSdk.js');
  const waiters = {
    InService: waitForNotebookInstanceInService,
    Stopped: waitForNotebookInstanceStopped,
    Deleted: waitForNotebookInstanceDeleted,
  };
  const result = await waiters[target](
    {
      client: await clients.sagemaker(),
      maxWaitTime: 3600,
      minDelay: pollSeconds,
      maxDelay: Math.max(pollSeconds, 60),
      abortSignal: signal,
    },
    { NotebookInstanceName: name },
  );
  const reason = result.reason as
    { NotebookInstanceStatus?: string; FailureReason?: string; message?: string } | undefined;
  if (result.state === WaiterState.SUCCESS) return { state: 'reached', status: reason?.NotebookInstanceStatus };
  if (result.state === WaiterState.ABORTED || result.state === WaiterState.TIMEOUT)
    return { state: 'stopped watching' }; // l10n-exempt: discriminant of the settled union, compared by the commands
  return {
    state: 'failed',
    reason: reason?.FailureReason ?? reason?.message ?? l10n.t('The notebook instance did not reach {0}.', target),
  };
}

export async function createLifecycleConfig(
  clients: AwsClients,
  name: string,
  onCreate: string,
  onStart: string,
): Promise<void> {
  const { CreateNotebookInstanceLifecycleConfigCommand, DescribeNotebookInstanceLifecycleConfigCommand } =
    await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const hooks = {
    OnCreate: onCreate ? [{ Content: encodeLifecycleScript(onCreate) }] : undefined,
    OnStart: onStart ? [{ Content: encodeLifecycleScript(onStart) }] : undefined,
  };
  await sendOnce(
    () =>
      sagemaker.send(
        new CreateNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name, ...hooks }),
      ),
    async () => {
      const made = await sagemaker.send(
        new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }),
      );
      return (
        madeMomentsAgo(made.CreationTime) &&
        made.OnCreate?.[0]?.Content === hooks.OnCreate?.[0]?.Content &&
        made.OnStart?.[0]?.Content === hooks.OnStart?.[0]?.Content
      );
    },
  );
}

/** Sends both scripts (an update replaces the configuration's hooks), an empty one as none. */
export async function updateLifecycleScripts(
  clients: AwsClients,
  name: string,
  scripts: { onCreate: string; onStart: string },
): Promise<void> {
  const { UpdateNotebookInstanceLifecycleConfigCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sagemaker.send(
    new UpdateNotebookInstanceLifecycleConfigCommand({
      NotebookInstanceLifecycleConfigName: name,
      OnCreate: scripts.onCreate ? [{ Content: encodeLifecycleScript(scripts.onCreate) }] : undefined,
      OnStart: scripts.onStart ? [{ Content: encodeLifecycleScript(scripts.onStart) }] : undefined,
    }),
  );
}

export async function deleteLifecycleConfig(clients: AwsClients, name: string): Promise<void> {
  const { DeleteNotebookInstanceLifecycleConfigCommand } = await import('./sageMakerSdk.js');
  await (
    await clients.sagemaker()
  ).send(new DeleteNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }));
}

/** Instances attached to a configuration (one list call; the filter is "contains", so names are matched exactly here). */
export async function instancesUsing(clients: AwsClients, configName: string): Promise<string[]> {
  const { ListNotebookInstancesCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListNotebookInstancesCommand({
      NotebookInstanceLifecycleConfigNameContains: configName,
      MaxResults: 100,
      SortBy: 'Name',
      SortOrder: 'Ascending',
    }),
  );
  return (out.NotebookInstances ?? [])
    .filter((i) => i.NotebookInstanceLifecycleConfigName === configName)
    .map((i) => i.NotebookInstanceName ?? '');
}
