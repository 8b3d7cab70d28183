// What a notebook instance's row says about auto-stop ("auto-stop after 60 idle min", "no auto-stop"), for the
// Notebook Instances view and the Running Now view alike. One AutoStopReader per session describes each lifecycle
// configuration once, however many instances share it; a new profile, Region or endpoint starts afresh.
import * as vscode from 'vscode';
import { AutoStopReader } from '../../aws/sagemaker/notebookAutoStopApi';
import { autoStopText } from '../../model/autoStopScript';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';

export interface AutoStopShown {
  /** The row's words. */
  text: string;
  /** The tooltip's sentence: which configuration, and what its on-start script does. */
  detail: string;
  /** Whether the instance stops itself when idle (undefined: could not be read). */
  stops?: boolean;
}

const readers = new WeakMap<AwsSession, AutoStopReader>();

export function autoStopReader(session: AwsSession): AutoStopReader {
  let reader = readers.get(session);
  if (!reader) {
    const made = new AutoStopReader();
    session.onDidChange(() => made.clear());
    readers.set(session, made);
    reader = made;
  }
  return reader;
}

/** The auto-stop words for an instance whose lifecycle configuration is `config` (as ListNotebookInstances names it). */
export async function autoStopShown(session: AwsSession, config: string | undefined): Promise<AutoStopShown> {
  if (!config)
    return {
      text: vscode.l10n.t('no auto-stop'),
      detail: vscode.l10n.t(
        'No lifecycle configuration: nothing stops it when idle. Add Auto-Stop… attaches one that does.',
      ),
      stops: false,
    };
  const verdict = await autoStopReader(session).read(session.clients, config);
  if (verdict.state === 'unreadable')
    return {
      text: vscode.l10n.t('auto-stop unknown'),
      detail: vscode.l10n.t(
        'Lifecycle configuration {0} could not be read: {1}',
        config,
        toUserError(verdict.error, session, 'sagemaker', 'DescribeNotebookInstanceLifecycleConfig').message,
      ),
    };
  const f = verdict.finding;
  return {
    text: autoStopText(f),
    detail: !f
      ? vscode.l10n.t(
          'Lifecycle configuration {0} does not stop it when idle. Add Auto-Stop… adds the idle stop.',
          config,
        )
      : f.idleMinutes === undefined
        ? vscode.l10n.t(
            'Lifecycle configuration {0} stops it when idle; its on-start script does not state after how long.',
            config,
          )
        : vscode.l10n.t(
            "Lifecycle configuration {0} stops it after {1} idle minutes (its on-start script's cron check).",
            config,
            f.idleMinutes,
          ),
    stops: !!f,
  };
}
