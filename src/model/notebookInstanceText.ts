// What the notebook instance commands tell the user, built from plain data: the create confirmation's detail,
// a failed start with the last lines of the lifecycle log.
import type { NotebookInstancePlan } from './notebookInstancePlan';

/** The detail of "Create notebook instance <name>?": what is made and what it costs. */
export function createPlanDetail(plan: NotebookInstancePlan): string {
  const l = plan.lifecycle;
  return [
    `${plan.instanceType}, ${plan.volumeSizeInGB} GB ML storage, role ${plan.roleArn}.`,
    l.kind === 'none'
      ? 'No lifecycle configuration.'
      : l.kind === 'existing'
        ? `Lifecycle configuration ${l.name}.`
        : `Creates lifecycle configuration ${l.name} from the "${l.template.kind}" template first.`,
    `Code repository: ${plan.defaultCodeRepository ?? 'none'}. Root access ${plan.rootAccess ? 'on' : 'off'}, direct internet access ${plan.directInternetAccess ? 'on' : 'off'}.`,
    'It starts at once (on-create and on-start scripts run) and is billed per hour while InService.',
  ].join('\n');
}

export interface LifecycleLogEvent {
  timestamp?: number;
  /** `<instance>/LifecycleConfigOnStart` or `…OnCreate`. */
  logStreamName?: string;
  message?: string;
}

/** The last `lines` events of the lifecycle log streams, oldest first, each named by its hook's stream. */
export function lifecycleLogTailLines(events: readonly LifecycleLogEvent[], lines: number): string[] {
  return [...events]
    .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))
    .slice(-lines)
    .map((e) => `${e.logStreamName?.split('/').pop() ?? ''}: ${e.message ?? ''}`);
}

/** A start that failed: SageMaker's reason, then the log's last lines (or why there are none). */
export function startFailureMessage(name: string, reason: string, tail: readonly string[]): string {
  return `${name} failed to start: ${reason}${tail.length ? `\nLast lines of its lifecycle log:\n${tail.join('\n')}` : '\nIts lifecycle log has no lines (an instance without internet access cannot write them).'}`;
}
