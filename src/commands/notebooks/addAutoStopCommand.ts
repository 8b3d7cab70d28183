// Add Auto-Stop…: a notebook instance gets a lifecycle configuration whose on-start script stops it after N idle
// minutes. An instance without a configuration gets a new one from the "Stop when idle" template; one with a
// configuration gets a new copy of it with the auto-stop script appended, or a fresh auto-stop configuration in its
// place: the configuration it has is never edited, since other instances may share it (they are named). SageMaker
// attaches a configuration (UpdateNotebookInstance) only to a Stopped instance, so an InService one is stopped first
// when the user says so. Everything is confirmed with exactly what will happen, before any change.
import { describeLifecycleConfig, describeNotebookInstance } from '../../aws/sagemaker/notebookInstancesApi';
import { attachLifecycleConfig, lifecycleConfigNamesContaining } from '../../aws/sagemaker/notebookAutoStopApi';
import {
  createLifecycleConfig,
  instancesUsing,
  stopNotebookInstance,
  waitForNotebook,
  type NotebookSettled,
} from '../../aws/sagemaker/notebookLifecycleApi';
import { appendAutoStop, autoStopConfigName, contentProblem, recogniseAutoStop } from '../../model/autoStopScript';
import { resourceNameProblem } from '../../model/deployPlan';
import { decodeLifecycleScript } from '../../model/lifecycleScripts';
import { idleMinutesProblem, templateScript } from '../../model/lifecycleTemplates';
import type { CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import { followWithProgress } from '../../ui/followWithProgress';
import { pace } from '../../ui/pace';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import { autoStopReader } from '../../views/notebookInstances/autoStopStatus';
import type { NotebookContext } from './notebookInstanceCommands';

type Plan = { kind: 'fresh' | 'copy'; onCreate: string; onStart: string };

function follow(ctx: NotebookContext, name: string, title: string): Promise<NotebookSettled> {
  return followWithProgress('notebook instances', name, title, 'Cancel stops watching, not the instance', (signal) =>
    waitForNotebook(ctx.session.clients, name, 'Stopped', signal, pace.followSeconds),
  );
}

const plural = (names: string[]) => (names.length === 1 ? 'uses' : 'use');

async function askIdleMinutes(name: string): Promise<number | undefined> {
  const idle = await window.showInputBox({
    title: `Add auto-stop to ${name}`,
    prompt: 'Idle minutes before the instance stops (no kernel activity in Jupyter)',
    value: '60',
    ignoreFocusOut: true,
    validateInput: idleMinutesProblem,
  });
  return idle === undefined || idleMinutesProblem(idle) ? undefined : Number(idle.trim());
}

/** Copy the configuration with auto-stop appended, or a fresh auto-stop one in its place. */
async function askPlan(
  ctx: NotebookContext,
  name: string,
  current: { config: string; onCreate: string; onStart: string },
  newName: string,
  idle: number,
): Promise<Plan | undefined> {
  const { config, onCreate, onStart } = current;
  const others = (await instancesUsing(ctx.session.clients, config)).filter((i) => i !== name);
  const shared = others.length
    ? ` ${others.join(', ')} also ${plural(others)} it and keep${others.length === 1 ? 's' : ''} it as it is.`
    : '';
  const picked = await window.showQuickPick(
    [
      {
        label: `Copy ${config} with auto-stop added`,
        detail: `New configuration ${newName}: ${config}'s scripts, then the auto-stop script. ${config} is not changed.${shared}`,
        choice: 'copy' as const,
      },
      {
        label: 'Attach a fresh auto-stop configuration',
        detail: `New configuration ${newName} with the auto-stop script only: ${config}'s scripts no longer run on ${name}.${shared}`,
        choice: 'fresh' as const,
      },
    ],
    { title: `${name} runs lifecycle configuration ${config}`, ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.choice === 'fresh')
    return { kind: 'fresh', onCreate: '', onStart: templateScript({ kind: 'auto-stop', idleMinutes: idle }) };
  return {
    kind: 'copy',
    onCreate,
    onStart: onStart.trim() ? appendAutoStop(onStart, idle) : templateScript({ kind: 'auto-stop', idleMinutes: idle }),
  };
}

export async function addAutoStop(ctx: NotebookContext, name: string): Promise<CommandOutcome> {
  const { clients } = ctx.session;
  const instance = await describeNotebookInstance(clients, name);
  const status = instance.NotebookInstanceStatus ?? 'Unknown';
  if (status !== 'Stopped' && status !== 'InService')
    return {
      outcome: 'refused',
      message: `${name} is ${status}; auto-stop is added to a Stopped instance (or an InService one, stopped first).`,
    };
  const config = instance.NotebookInstanceLifecycleConfigName;
  let current: { config: string; onCreate: string; onStart: string } | undefined;
  if (config) {
    const described = await describeLifecycleConfig(clients, config);
    // A row that showed an older version of this configuration reads it again.
    autoStopReader(ctx.session).observe(config, described.LastModifiedTime ?? described.CreationTime);
    current = {
      config,
      onCreate: decodeLifecycleScript(described.OnCreate?.[0]?.Content),
      onStart: decodeLifecycleScript(described.OnStart?.[0]?.Content),
    };
    const finding = recogniseAutoStop(current.onStart);
    if (finding)
      return {
        outcome: 'refused',
        message: `${name} already stops itself when idle${finding.idleMinutes === undefined ? '' : ` (after ${finding.idleMinutes} minutes)`}: its lifecycle configuration ${config} does it. Edit that configuration's on-start script to change it.`,
      };
  }
  const idle = await askIdleMinutes(name);
  if (idle === undefined) return { outcome: 'cancelled' };
  const newName = autoStopConfigName(name, await lifecycleConfigNamesContaining(clients, autoStopConfigName(name, [])));
  const nameProblem = resourceNameProblem(newName, 'A lifecycle configuration name');
  if (nameProblem) return { outcome: 'refused', message: nameProblem };
  const plan: Plan | undefined = current
    ? await askPlan(ctx, name, current, newName, idle)
    : { kind: 'fresh', onCreate: '', onStart: templateScript({ kind: 'auto-stop', idleMinutes: idle }) };
  if (!plan) return { outcome: 'cancelled' };
  const tooLong = contentProblem(plan.onStart, 'on-start') ?? contentProblem(plan.onCreate, 'on-create');
  if (tooLong) return { outcome: 'refused', message: tooLong };

  const made =
    plan.kind === 'copy'
      ? `Creates lifecycle configuration ${newName} (${config}'s scripts, then the auto-stop script; ${config} is not changed)`
      : `Creates lifecycle configuration ${newName} (the auto-stop script only)`;
  const attach = `attaches it to ${name}${config ? ` in place of ${config}` : ''}`;
  const effect = `From its next start, ${name} stops itself after ${idle} minutes without kernel activity in Jupyter (checked every 5 minutes).`;
  if (status === 'InService') {
    const stopFirst = await confirmModal(
      `${name} is InService: SageMaker attaches a lifecycle configuration only to a Stopped instance.`,
      `Stop, then add: stops ${name} (running kernels and unsaved changes in Jupyter are lost; the ML storage volume is kept), ` +
        `${made[0].toLowerCase()}${made.slice(1)} and ${attach}. ${name} stays Stopped. ${effect}`,
      'Stop, Then Add',
    );
    if (!stopFirst) return { outcome: 'cancelled' };
  } else if (!(await confirmModal(`Add auto-stop to ${name}?`, `${made} and ${attach}. ${effect}`, 'Add Auto-Stop')))
    return { outcome: 'cancelled' };

  if (status === 'InService') {
    try {
      await stopNotebookInstance(clients, name);
    } catch (error) {
      return {
        outcome: 'failed',
        message: toUserError(error, ctx.session, 'sagemaker', 'StopNotebookInstance').message,
      };
    }
    ctx.changed();
    const stopped = await follow(ctx, name, `Stopping ${name} to add auto-stop`);
    if (stopped.state !== 'reached')
      return {
        outcome: stopped.state === 'failed' ? 'failed' : 'stopped watching',
        message:
          stopped.state === 'failed'
            ? `${name} did not stop (${stopped.reason}); auto-stop was not added.`
            : `Stopped watching ${name}; it is still stopping. Run Add Auto-Stop… again once it is Stopped.`,
      };
  }
  try {
    await createLifecycleConfig(clients, newName, plan.onCreate, plan.onStart);
  } catch (error) {
    return {
      outcome: 'failed',
      message: toUserError(error, ctx.session, 'sagemaker', 'CreateNotebookInstanceLifecycleConfig').message,
    };
  }
  autoStopReader(ctx.session).remember(newName, plan.onStart);
  try {
    await attachLifecycleConfig(clients, name, newName);
  } catch (error) {
    ctx.changed();
    return {
      outcome: 'failed',
      message: `Created lifecycle configuration ${newName}, but it could not be attached to ${name}: ${toUserError(error, ctx.session, 'sagemaker', 'UpdateNotebookInstance').message}`,
    };
  }
  ctx.changed();
  // The instance is Updating for a minute or so, then Stopped again.
  const updated = await follow(ctx, name, `Attaching ${newName} to ${name}`);
  ctx.changed();
  const stoppedFirst = status === 'InService' ? ` ${name} was stopped first; start it when you need it.` : '';
  if (updated.state === 'failed')
    return { outcome: 'failed', message: `${name} did not take lifecycle configuration ${newName}: ${updated.reason}` };
  return {
    outcome: 'done',
    message:
      updated.state === 'reached'
        ? `${name} stops itself after ${idle} idle minutes from its next start: lifecycle configuration ${newName} is attached.${stoppedFirst}`
        : `Lifecycle configuration ${newName} is being attached to ${name} (stopped watching the update).${stoppedFirst}`,
  };
}
