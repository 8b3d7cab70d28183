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
      ? 'booting and running the lifecycle scripts (up to 5 minutes each); Cancel stops watching'
      : 'Cancel stops watching, not the instance';
  return followWithProgress('notebook instances', name, title, message, (signal) =>
    waitForNotebook(ctx.session.clients, name, target, signal, pace.followSeconds),
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
    return { outcome: 'refused', message: `${name} is ${status}; only a Stopped or Failed instance can be started.` };
  const problem = await call(ctx, 'StartNotebookInstance', () => startNotebookInstance(ctx.session.clients, name));
  if (problem) return { outcome: 'failed', message: problem };
  const settled = await follow(ctx, name, 'InService', `Starting ${name}`);
  ctx.changed();
  if (settled.state === 'stopped watching')
    return { outcome: 'stopped watching', message: `Stopped watching ${name}; it is still starting.` };
  if (settled.state === 'failed') {
    const tail = await lifecycleLogTail(ctx.session, name).catch(() => []);
    return { outcome: 'failed', message: startFailureMessage(name, settled.reason, tail) };
  }
  return { outcome: 'done', message: `${name} is InService.` };
}

export async function stopNotebook(ctx: NotebookContext, name: string): Promise<NotebookOutcome> {
  const status = await statusOf(ctx, name);
  if (status !== 'InService')
    return { outcome: 'refused', message: `${name} is ${status}; only an InService instance can be stopped.` };
  const detail =
    'Running kernels and unsaved notebook changes in Jupyter are lost. The ML storage volume (/home/ec2-user/SageMaker) is kept, and billing for the instance stops.';
  if (!(await confirmModal(`Stop notebook instance ${name}?`, detail, 'Stop'))) return { outcome: 'cancelled' };
  const problem = await call(ctx, 'StopNotebookInstance', () => stopNotebookInstance(ctx.session.clients, name));
  if (problem) return { outcome: 'failed', message: problem };
  const settled = await follow(ctx, name, 'Stopped', `Stopping ${name}`);
  ctx.changed();
  if (settled.state === 'stopped watching')
    return { outcome: 'stopped watching', message: `Stopped watching ${name}; it is still stopping.` };
  return settled.state === 'failed'
    ? { outcome: 'failed', message: `${name} did not stop: ${settled.reason}` }
    : { outcome: 'done', message: `${name} is Stopped.` };
}

export async function deleteNotebook(ctx: NotebookContext, name: string): Promise<NotebookOutcome> {
  const described = await describeNotebookInstance(ctx.session.clients, name);
  const status = described.NotebookInstanceStatus ?? 'Unknown';
  if (status !== 'Stopped' && status !== 'Failed')
    return { outcome: 'refused', message: `${name} is ${status}; stop it before deleting it.` };
  const detail = `The instance and its ${described.VolumeSizeInGB ?? '?'} GB ML storage volume are deleted; notebooks that are not in S3 or Git are lost. This cannot be undone.`;
  if (!(await confirmModal(`Delete notebook instance ${name}?`, detail, 'Delete'))) return { outcome: 'cancelled' };
  const problem = await call(ctx, 'DeleteNotebookInstance', () => deleteNotebookInstance(ctx.session.clients, name));
  if (problem) return { outcome: 'failed', message: problem };
  const settled = await follow(ctx, name, 'Deleted', `Deleting ${name}`);
  ctx.changed();
  if (settled.state === 'stopped watching')
    return { outcome: 'stopped watching', message: `Stopped watching ${name}; it is still being deleted.` };
  return settled.state === 'failed'
    ? { outcome: 'failed', message: `${name} was not deleted: ${settled.reason}` }
    : { outcome: 'done', message: `Deleted ${name}.` };
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
      message: `${name} is ${status}; start it to open ${view === 'lab' ? 'JupyterLab' : 'Jupyter'}.`,
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
    ? { outcome: 'done', message: `Opened ${view === 'lab' ? 'JupyterLab' : 'Jupyter'} of ${name} in the browser.` }
    : { outcome: 'cancelled' };
}
