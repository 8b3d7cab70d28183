// Notebook sync with the S3 location an instance's lifecycle script pulls notebooks from (seeds 000/001):
// publish a local .ipynb there (outputs cleared on request; an existing object is replaced only when
// confirmed), or fetch one from there into the workspace and open it in VS Code's notebook editor.
import * as path from 'path';
import * as vscode from 'vscode';
import { existingObject, notebookKeys, putNotebook, readNotebookObject } from '../../aws/s3/notebookSyncObjects';
import { describeLifecycleConfig, describeNotebookInstance } from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsSession } from '../../session/awsSession';
import { confirmModal } from '../../ui/confirmModal';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import { decodeLifecycleScript } from '../../model/lifecycleScripts';
import { clearNotebookOutputs } from '../../model/notebookOutputs';
import { fetchedNotebookName, syncLocationOf, type SyncLocation } from '../../model/notebookSyncLocation';

/** Notebooks are a few MB at most; anything far larger is not fetched into memory. */
const MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024;

export type SyncOutcome = {
  outcome: 'done' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  s3Uri?: string;
  file?: vscode.Uri;
};

/** Where the instance's lifecycle scripts copy notebooks from (see syncLocationOf), or why nowhere. */
export async function syncLocation(session: AwsSession, instanceName: string): Promise<SyncLocation | string> {
  const instance = await describeNotebookInstance(session.clients, instanceName);
  const config = instance.NotebookInstanceLifecycleConfigName;
  if (!config) return syncLocationOf(instanceName, undefined, { onStart: '', onCreate: '' });
  const described = await describeLifecycleConfig(session.clients, config);
  return syncLocationOf(instanceName, config, {
    onStart: decodeLifecycleScript(described.OnStart?.[0]?.Content),
    onCreate: decodeLifecycleScript(described.OnCreate?.[0]?.Content),
  });
}

async function askClearOutputs(file: string): Promise<boolean | undefined> {
  const picked = await window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Clear outputs'),
        description: vscode.l10n.t("as the lifecycle script's nbconvert does (recommended)"),
        value: true,
      },
      { label: vscode.l10n.t('Keep outputs'), value: false },
    ],
    { title: vscode.l10n.t('Publish {0}', file) },
  );
  return picked?.value;
}

export async function publishNotebook(
  session: AwsSession,
  instanceName: string,
  file: vscode.Uri,
): Promise<SyncOutcome> {
  const name = path.basename(file.path);
  if (!/\.ipynb$/i.test(file.path))
    return { outcome: 'refused', message: vscode.l10n.t('{0} is not a Jupyter notebook (.ipynb).', name) };
  const location = await syncLocation(session, instanceName);
  if (typeof location === 'string') return { outcome: 'refused', message: location };
  let text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
  const clear = await askClearOutputs(name);
  if (clear === undefined) return { outcome: 'cancelled' };
  if (clear) {
    try {
      text = clearNotebookOutputs(text);
    } catch (error) {
      return {
        outcome: 'refused',
        message: vscode.l10n.t('{0} is not valid notebook JSON: {1}', name, (error as Error).message),
      };
    }
  }
  const key = `${location.prefix}${name}`;
  const s3Uri = `s3://${location.bucket}/${key}`;
  const existing = await existingObject(session.clients, location.bucket, key);
  const detail = [
    vscode.l10n.t(
      "{0}'s lifecycle script copies notebooks from {1}; the instance picks this one up on its next start.",
      instanceName,
      location.source,
    ),
  ];
  if (existing)
    detail.push(
      vscode.l10n.t('It replaces the object there, last modified {0}.', existing.lastModified?.toLocaleString() ?? '?'),
    );
  if (clear) detail.push(vscode.l10n.t('Outputs are cleared in the uploaded copy (your file is unchanged).'));
  const question = vscode.l10n.t('Publish {0} to {1}?', name, s3Uri);
  if (
    !(await confirmModal(question, detail.join('\n'), existing ? vscode.l10n.t('Replace') : vscode.l10n.t('Publish')))
  )
    return { outcome: 'cancelled' };
  try {
    await putNotebook(session.clients, location.bucket, key, text);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, session, 's3', 'PutObject').message };
  }
  return { outcome: 'done', s3Uri, message: vscode.l10n.t('Published {0} to {1}.', name, s3Uri) };
}

async function freeFile(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, fetchedNotebookName(name, n));
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

export async function fetchNotebook(
  session: AwsSession,
  instanceName: string,
  folder: vscode.Uri,
): Promise<SyncOutcome> {
  const location = await syncLocation(session, instanceName);
  if (typeof location === 'string') return { outcome: 'refused', message: location };
  const keys = await notebookKeys(session.clients, location.bucket, location.prefix);
  if (keys.length === 0)
    return {
      outcome: 'refused',
      message: vscode.l10n.t('There is no notebook under s3://{0}/{1}.', location.bucket, location.prefix),
    };
  const key = await window.showQuickPick(keys, { title: vscode.l10n.t('Fetch which notebook?') });
  if (!key) return { outcome: 'cancelled' };
  let read: Awaited<ReturnType<typeof readNotebookObject>>;
  try {
    read = await readNotebookObject(session.clients, location.bucket, key, MAX_NOTEBOOK_BYTES);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, session, 's3', 'GetObject').message };
  }
  if ('tooLarge' in read)
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        's3://{0}/{1} is {2} MB; download it with the AWS CLI instead.',
        location.bucket,
        key,
        Math.round(read.tooLarge / 1024 / 1024),
      ),
    };
  const file = await freeFile(folder, path.posix.basename(key));
  await vscode.workspace.fs.writeFile(file, read.body);
  const notebook = await vscode.workspace.openNotebookDocument(file);
  await vscode.window.showNotebookDocument(notebook, { preview: false });
  return {
    outcome: 'done',
    file,
    s3Uri: `s3://${location.bucket}/${key}`,
    message: vscode.l10n.t('Fetched s3://{0}/{1} to {2}.', location.bucket, key, vscode.workspace.asRelativePath(file)),
  };
}
