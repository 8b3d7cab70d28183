// Start, stop, delete and open a notebook instance. Each checks the instance's state first (one describe),
// asks before stopping or deleting and says what that does, then follows the real state with the SDK waiter
// in a cancellable notification. A start that fails names SageMaker's FailureReason and the last lines of the
// lifecycle log. Opening asks for a presigned URL and hands it to the browser; it is never logged or kept.
import * as vscode from 'vscode';
import { logEventsPage } from '../../aws/logs/logEventsApi';
import { describeNotebookInstance } from '../../aws/sagemaker/notebookInstancesApi';
import {
  deleteNotebookInstance,
  presignedNotebookUrl,
  startNotebookInstance,
  stopNotebookInstance,
  waitForNotebook,
  type NotebookSettled,
  type NotebookTarget,
} from '../../aws/sagemaker/notebookLifecycleApi';
import type { AwsSession } from '../../session/awsSession';
import { confirmModal } from '../../ui/confirmModal';
import { toUserError } from '../../ui/showAwsError';
import { followWithProgress } from '../../ui/followWithProgress';
import { pace } from '../../ui/pace';
import { window } from '../../ui/window';
import { lifecycleLogTailLines, startFailureMessage, type LifecycleLogEvent } from '../../model/notebookInstanceText';

export const NOTEBOOK_LOG_GROUP = '/aws/sagemaker/NotebookInstances';
/** The waiter's state and the outcome of a command that stopped following the instance. */
const STOPPED_WATCHING = 'stopped watching'; // l10n-exempt: a state compared by code, not shown

export interface NotebookContext {
  session: AwsSession;
  /** The Notebook Instances view should read again. */
  changed(): void;
}

export type NotebookOutcome = {
  outcome: 'done' | 'cancelled' | 'refused' | 'failed' | 'stopped watching';
  message?: string;
};
/** The last lines the instance's lifecycle scripts wrote (OnCreate and OnStart streams), oldest first. */
export async function lifecycleLogTail(session: AwsSession, name: string, lines = 10): Promise<string[]> {
  const events: LifecycleLogEvent[] = [];
  let token: string | undefined;
  do {
    const page = await logEventsPage(
      session.clients,
      NOTEBOOK_LOG_GROUP,
      Date.now() - 86_400_000,
      token,
      `${name}/LifecycleConfig`,
    );
    events.push(...page.events);
    token = page.nextToken;
  } while (token && events.length < 5000);
  return lifecycleLogTailLines(events, lines);
}

function follow(ctx: NotebookContext, name: string, target: NotebookTarget, title: string): Promise<NotebookSettled> {
  const message =
    target === 'InService'
      ? vscode.l10n.t('booting and running the lifecycle scripts (up to 5 minutes each); Cancel stops watching')
      : vscode.l10n.t('Cancel stops watching, not the instance');
  return followWithProgress(
    'notebook instances', // l10n-exempt: the key of the followed resource, not shown
    name,
    title,
    message,
    (signal) => waitForNotebook(ctx.session.clients, name, target, signal, pace.followSeconds),
  );
}

async function statusOf(ctx: NotebookContext, name: string): Promise<string> {
  return (await describeNotebookInstance(ctx.session.clients, name)).NotebookInstanceStatus ?? 'Unknown';
}

async function call(ctx: NotebookContext, operation: string, run: () => Promise<void>): Promise<string | undefined> {
  try {
    await run();
    ctx.changed();
    return undefined;
  } catch (error) {
    return toUserError(error, ctx.session, 'sagemaker', operation).message;
  }
}

export async function startNotebook(ctx: NotebookContext, name: string): Promise<NotebookOutcome> {
  const status = await statusOf(ctx, name);
  if (status !== 'Stopped' && status !== 'Failed')
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} is {1}; only a Stopped or Failed instance can be started.', name, status),
    };
  const problem = await call(ctx, 'StartNotebookInstance', () => startNotebookInstance(ctx.session.clients, name));
  if (problem) return { outcome: 'failed', message: problem };
  const settled = await follow(ctx, name, 'InService', vscode.l10n.t('Starting {0}', name));
  ctx.changed();
  if (settled.state === STOPPED_WATCHING)
    return { outcome: STOPPED_WATCHING, message: vscode.l10n.t('Stopped watching {0}; it is still starting.', name) };
  if (settled.state === 'failed') {
    const tail = await lifecycleLogTail(ctx.session, name).catch(() => []);
    return { outcome: 'failed', message: startFailureMessage(name, settled.reason, tail) };
  }
  return { outcome: 'done', message: vscode.l10n.t('{0} is InService.', name) };
}

export async function stopNotebook(ctx: NotebookContext, name: string): Promise<NotebookOutcome> {
  const status = await statusOf(ctx, name);
  if (status !== 'InService')
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} is {1}; only an InService instance can be stopped.', name, status),
    };
  const detail = vscode.l10n.t(
    'Running kernels and unsaved notebook changes in Jupyter are lost. The ML storage volume (/home/ec2-user/SageMaker) is kept, and billing for the instance stops.',
  );
  if (!(await confirmModal(vscode.l10n.t('Stop notebook instance {0}?', name), detail, vscode.l10n.t('Stop'))))
    return { outcome: 'cancelled' };
  const problem = await call(ctx, 'StopNotebookInstance', () => stopNotebookInstance(ctx.session.clients, name));
  if (problem) return { outcome: 'failed', message: problem };
  const settled = await follow(ctx, name, 'Stopped', vscode.l10n.t('Stopping {0}', name));
  ctx.changed();
  if (settled.state === STOPPED_WATCHING)
    return { outcome: STOPPED_WATCHING, message: vscode.l10n.t('Stopped watching {0}; it is still stopping.', name) };
  return settled.state === 'failed'
    ? { outcome: 'failed', message: vscode.l10n.t('{0} did not stop: {1}', name, settled.reason) }
    : { outcome: 'done', message: vscode.l10n.t('{0} is Stopped.', name) };
}

export async function deleteNotebook(ctx: NotebookContext, name: string): Promise<NotebookOutcome> {
  const described = await describeNotebookInstance(ctx.session.clients, name);
  const status = described.NotebookInstanceStatus ?? 'Unknown';
  if (status !== 'Stopped' && status !== 'Failed')
    return { outcome: 'refused', message: vscode.l10n.t('{0} is {1}; stop it before deleting it.', name, status) };
  const detail = vscode.l10n.t(
    'The instance and its {0} GB ML storage volume are deleted; notebooks that are not in S3 or Git are lost. This cannot be undone.',
    described.VolumeSizeInGB ?? '?',
  );
  if (!(await confirmModal(vscode.l10n.t('Delete notebook instance {0}?', name), detail, vscode.l10n.t('Delete'))))
    return { outcome: 'cancelled' };
  const problem = await call(ctx, 'DeleteNotebookInstance', () => deleteNotebookInstance(ctx.session.clients, name));
  if (problem) return { outcome: 'failed', message: problem };
  const settled = await follow(ctx, name, 'Deleted', vscode.l10n.t('Deleting {0}', name));
  ctx.changed();
  if (settled.state === STOPPED_WATCHING)
    return {
      outcome: STOPPED_WATCHING,
      message: vscode.l10n.t('Stopped watching {0}; it is still being deleted.', name),
    };
  return settled.state === 'failed'
    ? { outcome: 'failed', message: vscode.l10n.t('{0} was not deleted: {1}', name, settled.reason) }
    : { outcome: 'done', message: vscode.l10n.t('Deleted {0}.', name) };
}

/** Opens Jupyter or JupyterLab of an InService instance in the browser. */
export async function openNotebook(
  ctx: NotebookContext,
  name: string,
  view: 'lab' | 'classic',
): Promise<NotebookOutcome> {
  const status = await statusOf(ctx, name);
  if (status !== 'InService')
    return {
      outcome: 'refused',
      message:
        view === 'lab'
          ? vscode.l10n.t('{0} is {1}; start it to open JupyterLab.', name, status)
          : vscode.l10n.t('{0} is {1}; start it to open Jupyter.', name, status),
    };
  let url: vscode.Uri;
  try {
    const presigned = await presignedNotebookUrl(ctx.session.clients, name);
    url = vscode.Uri.parse(
      view === 'lab' ? `${presigned}${presigned.includes('?') ? '&' : '?'}view=lab` : presigned,
      true,
    );
  } catch (error) {
    return {
      outcome: 'failed',
      message: toUserError(error, ctx.session, 'sagemaker', 'CreatePresignedNotebookInstanceUrl').message,
    };
  }
  const opened = await window.openExternal(url);
  return opened
    ? {
        outcome: 'done',
        message:
          view === 'lab'
            ? vscode.l10n.t('Opened JupyterLab of {0} in the browser.', name)
            : vscode.l10n.t('Opened Jupyter of {0} in the browser.', name),
      }
    : { outcome: 'cancelled' };
}
