// What the notebook instance commands tell the user, built from plain data: the create confirmation's detail,
// a failed start with the last lines of the lifecycle log.
import * as l10n from '@vscode/l10n';
import type { NotebookInstancePlan } from './notebookInstancePlan';

/** The detail of "Create notebook instance <name>?": what is made and what it costs. */
export function createPlanDetail(plan: NotebookInstancePlan): string {
  const l = plan.lifecycle;
  const onOff = (on: boolean) => (on ? l10n.t('on') : l10n.t('off'));
  return [
    l10n.t('{0}, {1} GB ML storage, role {2}.', plan.instanceType, plan.volumeSizeInGB, plan.roleArn),
    l.kind === 'none'
      ? l10n.t('No lifecycle configuration.')
      : l.kind === 'existing'
        ? l10n.t('Lifecycle configuration {0}.', l.name)
        : l10n.t('Creates lifecycle configuration {0} from the "{1}" template first.', l.name, l.template.kind),
    l10n.t(
      'Code repository: {0}. Root access {1}, direct internet access {2}.',
      plan.defaultCodeRepository ?? l10n.t('none'),
      onOff(plan.rootAccess),
      onOff(plan.directInternetAccess),
    ),
    l10n.t('It starts at once (on-create and on-start scripts run) and is billed per hour while InService.'),
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
  return tail.length
    ? l10n.t('{0} failed to start: {1}\nLast lines of its lifecycle log:\n{2}', name, reason, tail.join('\n'))
    : l10n.t(
        '{0} failed to start: {1}\nIts lifecycle log has no lines (an instance without internet access cannot write them).',
        name,
        reason,
      );
}
