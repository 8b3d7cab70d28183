// Add Auto-Stop…: a notebook instance gets a lifecycle configuration whose on-start script stops it after N idle
// minutes. An instance without a configuration gets a new one from the "Stop when idle" template; one with a
// configuration gets a new copy of it with the auto-stop script appended, or a fresh auto-stop configuration in its
// place: the configuration it has is never edited, since other instances may share it (they are named). SageMaker
// attaches a configuration (UpdateNotebookInstance) only to a Stopped instance, so an InService one is stopped first
// when the user says so. Everything is confirmed with exactly what will happen, before any change.
import * as vscode from 'vscode';
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
  return followWithProgress(
    'notebook instances', // l10n-exempt: the key of the followed resource, not shown
    name,
    title,
    vscode.l10n.t('Cancel stops watching, not the instance'),
    (signal) => waitForNotebook(ctx.session.clients, name, 'Stopped', signal, pace.followSeconds),
  );
}

async function askIdleMinutes(name: string): Promise<number | undefined> {
  const idle = await window.showInputBox({
    title: vscode.l10n.t('Add auto-stop to {0}', name),
    prompt: vscode.l10n.t('Idle minutes before the instance stops (no kernel activity in Jupyter)'),
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
  const shared =
    others.length === 0
      ? ''
      : ' ' +
        (others.length === 1
          ? vscode.l10n.t('{0} also uses it and keeps it as it is.', others[0])
          : vscode.l10n.t('{0} also use it and keep it as it is.', others.join(', ')));
  const picked = await window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Copy {0} with auto-stop added', config),
        detail: vscode.l10n.t(
          "New configuration {0}: {1}'s scripts, then the auto-stop script. {1} is not changed.{2}",
          newName,
          config,
          shared,
        ),
        choice: 'copy' as const,
      },
      {
        label: vscode.l10n.t('Attach a fresh auto-stop configuration'),
        detail: vscode.l10n.t(
          "New configuration {0} with the auto-stop script only: {1}'s scripts no longer run on {2}.{3}",
          newName,
          config,
          name,
          shared,
        ),
        choice: 'fresh' as const,
      },
    ],
    { title: vscode.l10n.t('{0} runs lifecycle configuration {1}', name, config), ignoreFocusOut: true },
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
      message: vscode.l10n.t(
        '{0} is {1}; auto-stop is added to a Stopped instance (or an InService one, stopped first).',
        name,
        status,
      ),
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
        message:
          finding.idleMinutes === undefined
            ? vscode.l10n.t(
                "{0} already stops itself when idle: its lifecycle configuration {1} does it. Edit that configuration's on-start script to change it.",
                name,
                config,
              )
            : vscode.l10n.t(
                "{0} already stops itself when idle (after {1} minutes): its lifecycle configuration {2} does it. Edit that configuration's on-start script to change it.",
                name,
                finding.idleMinutes,
                config,
              ),
      };
  }
  const idle = await askIdleMinutes(name);
  if (idle === undefined) return { outcome: 'cancelled' };
  const newName = autoStopConfigName(name, await lifecycleConfigNamesContaining(clients, autoStopConfigName(name, [])));
  const nameProblem = resourceNameProblem(newName, vscode.l10n.t('A lifecycle configuration name'));
  if (nameProblem) return { outcome: 'refused', message: nameProblem };
  const plan: Plan | undefined = current
    ? await askPlan(ctx, name, current, newName, idle)
    : { kind: 'fresh', onCreate: '', onStart: templateScript({ kind: 'auto-stop', idleMinutes: idle }) };
  if (!plan) return { outcome: 'cancelled' };
  const tooLong = contentProblem(plan.onStart, 'on-start') ?? contentProblem(plan.onCreate, 'on-create');
  if (tooLong) return { outcome: 'refused', message: tooLong };

  const attach = config
    ? vscode.l10n.t('attaches it to {0} in place of {1}', name, config)
    : vscode.l10n.t('attaches it to {0}', name);
  const effect = vscode.l10n.t(
    'From its next start, {0} stops itself after {1} minutes without kernel activity in Jupyter (checked every 5 minutes).',
    name,
    idle,
  );
  if (status === 'InService') {
    const made =
      plan.kind === 'copy'
        ? vscode.l10n.t(
            "creates lifecycle configuration {0} ({1}'s scripts, then the auto-stop script; {1} is not changed)",
            newName,
            String(config),
          )
        : vscode.l10n.t('creates lifecycle configuration {0} (the auto-stop script only)', newName);
    const stopFirst = await confirmModal(
      vscode.l10n.t('{0} is InService: SageMaker attaches a lifecycle configuration only to a Stopped instance.', name),
      vscode.l10n.t(
        'Stop, then add: stops {0} (running kernels and unsaved changes in Jupyter are lost; the ML storage volume is kept), {1} and {2}. {0} stays Stopped. {3}',
        name,
        made,
        attach,
        effect,
      ),
      vscode.l10n.t('Stop, Then Add'),
    );
    if (!stopFirst) return { outcome: 'cancelled' };
  } else {
    const made =
      plan.kind === 'copy'
        ? vscode.l10n.t(
            "Creates lifecycle configuration {0} ({1}'s scripts, then the auto-stop script; {1} is not changed)",
            newName,
            String(config),
          )
        : vscode.l10n.t('Creates lifecycle configuration {0} (the auto-stop script only)', newName);
    const added = await confirmModal(
      vscode.l10n.t('Add auto-stop to {0}?', name),
      vscode.l10n.t('{0} and {1}. {2}', made, attach, effect),
      vscode.l10n.t('Add Auto-Stop'),
    );
    if (!added) return { outcome: 'cancelled' };
  }

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
    const stopped = await follow(ctx, name, vscode.l10n.t('Stopping {0} to add auto-stop', name));
    if (stopped.state !== 'reached')
      return {
        // l10n-exempt: an outcome kind the command runner compares, not shown
        outcome: stopped.state === 'failed' ? 'failed' : 'stopped watching',
        message:
          stopped.state === 'failed'
            ? vscode.l10n.t('{0} did not stop ({1}); auto-stop was not added.', name, stopped.reason)
            : vscode.l10n.t(
                'Stopped watching {0}; it is still stopping. Run Add Auto-Stop… again once it is Stopped.',
                name,
              ),
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
      message: vscode.l10n.t(
        'Created lifecycle configuration {0}, but it could not be attached to {1}: {2}',
        newName,
        name,
        toUserError(error, ctx.session, 'sagemaker', 'UpdateNotebookInstance').message,
      ),
    };
  }
  ctx.changed();
  // The instance is Updating for a minute or so, then Stopped again.
  const updated = await follow(ctx, name, vscode.l10n.t('Attaching {0} to {1}', newName, name));
  ctx.changed();
  const stoppedFirst =
    status === 'InService' ? ' ' + vscode.l10n.t('{0} was stopped first; start it when you need it.', name) : '';
  if (updated.state === 'failed')
    return {
      outcome: 'failed',
      message: vscode.l10n.t('{0} did not take lifecycle configuration {1}: {2}', name, newName, updated.reason),
    };
  return {
    outcome: 'done',
    message:
      updated.state === 'reached'
        ? vscode.l10n.t(
            '{0} stops itself after {1} idle minutes from its next start: lifecycle configuration {2} is attached.{3}',
            name,
            idle,
            newName,
            stoppedFirst,
          )
        : vscode.l10n.t(
            'Lifecycle configuration {0} is being attached to {1} (stopped watching the update).{2}',
            newName,
            name,
            stoppedFirst,
          ),
  };
}
