// Whether notebook instances stop themselves when idle, read from their lifecycle configurations with as few calls
// as possible: ListNotebookInstances already names each instance's configuration, so only the distinct
// configurations are described, each once (AutoStopReader, kept for the session), never one call per instance.
// Plus what Add Auto-Stop… sends: the names a new configuration must avoid and the UpdateNotebookInstance that
// attaches it.
import { recogniseAutoStop, type AutoStopFinding } from '../../model/autoStopScript';
import { decodeLifecycleScript } from '../../model/lifecycleScripts';
import type { AwsClients } from '../clients';
import { describeLifecycleConfig } from './notebookInstancesApi';

export type AutoStopVerdict =
  | {
      state: 'read';
      config: string;
      /** Undefined: the on-start script does not stop the instance when idle. */
      finding?: AutoStopFinding;
      lastModified?: Date;
    }
  /** The configuration could not be read (the error as the SDK threw it, for the caller to word). */
  | { state: 'unreadable'; config: string; error: unknown };

const isAccessDenied = (error: unknown) => /AccessDenied/.test((error as { name?: string })?.name ?? '');

/**
 * Auto-stop verdicts by lifecycle configuration, for one session (profile, Region, endpoint: the caller keys it).
 * A configuration is described once; a LastModifiedTime seen elsewhere that differs from the one read (the
 * Lifecycle Configurations list, an expanded configuration) or a change made here drops it, and the next read
 * describes it again. A refused read (no sagemaker:DescribeNotebookInstanceLifecycleConfig) is kept, so rows do not
 * ask again and again; any other failure is not.
 */
export class AutoStopReader {
  private readonly verdicts = new Map<string, Promise<AutoStopVerdict>>();
  private readonly modified = new Map<string, number | undefined>();

  read(clients: AwsClients, config: string): Promise<AutoStopVerdict> {
    let verdict = this.verdicts.get(config);
    if (!verdict) {
      verdict = describeLifecycleConfig(clients, config).then(
        (out): AutoStopVerdict => {
          const lastModified = out.LastModifiedTime ?? out.CreationTime;
          this.modified.set(config, lastModified?.getTime());
          return {
            state: 'read',
            config,
            finding: recogniseAutoStop(decodeLifecycleScript(out.OnStart?.[0]?.Content)),
            lastModified,
          };
        },
        (error: unknown): AutoStopVerdict => {
          if (!isAccessDenied(error)) this.verdicts.delete(config);
          return { state: 'unreadable', config, error };
        },
      );
      this.verdicts.set(config, verdict);
    }
    return verdict;
  }

  /** A configuration's LastModifiedTime as another call reported it: a newer one than the one read drops the verdict. */
  observe(config: string, lastModified: Date | undefined): void {
    if (!this.modified.has(config) || lastModified === undefined) return;
    if (this.modified.get(config) !== lastModified.getTime()) this.forget(config);
  }

  /** What is known of a configuration just written here (its on-start script), without describing it. */
  remember(config: string, onStart: string, lastModified?: Date): void {
    this.modified.set(config, lastModified?.getTime());
    this.verdicts.set(
      config,
      Promise.resolve({ state: 'read', config, finding: recogniseAutoStop(onStart), lastModified }),
    );
  }

  forget(config: string): void {
    this.verdicts.delete(config);
    this.modified.delete(config);
  }

  clear(): void {
    this.verdicts.clear();
    this.modified.clear();
  }
}

/** Lifecycle configuration names that contain `part` (one call; the caller matches them exactly). */
export async function lifecycleConfigNamesContaining(clients: AwsClients, part: string): Promise<string[]> {
  const { ListNotebookInstanceLifecycleConfigsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListNotebookInstanceLifecycleConfigsCommand({
      NameContains: part,
      MaxResults: 100,
      SortBy: 'Name',
      SortOrder: 'Ascending',
    }),
  );
  return (out.NotebookInstanceLifecycleConfigs ?? []).map((c) => c.NotebookInstanceLifecycleConfigName ?? '');
}

/** Attaches a lifecycle configuration; SageMaker takes it only while the instance is Stopped. */
export async function attachLifecycleConfig(clients: AwsClients, instance: string, config: string): Promise<void> {
  const { UpdateNotebookInstanceCommand } = await import('./sageMakerSdk.js');
  await (
    await clients.sagemaker()
  ).send(new UpdateNotebookInstanceCommand({ NotebookInstanceName: instance, LifecycleConfigName: config }));
}
