// Notebook sync with the S3 location an instance's lifecycle script pulls notebooks from (seeds 000/001):
// publish a local .ipynb there (outputs cleared on request; an existing object is replaced only when
// confirmed), or fetch one from there into the workspace and open it in VS Code's notebook editor.
import * as path from 'path';
import * as vscode from 'vscode';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { describeLifecycleConfig, describeNotebookInstance } from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { decodeLifecycleScript } from '../../model/lifecycleScripts';
import { notebookSources } from '../../model/lifecycleTemplates';
import { clearNotebookOutputs } from '../../model/notebookOutputs';

/** Notebooks are a few MB at most; anything far larger is not fetched into memory. */
const MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024;

export interface SyncLocation {
  bucket: string;
  /** Key prefix ending in '/', or '' for the bucket's root. */
  prefix: string;
  /** The script line's source, as written. */
  source: string;
}

export interface SyncPrompts {
  clearOutputs(file: string): Thenable<boolean | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
  pickNotebook(keys: string[]): Thenable<string | undefined>;
}

export type SyncOutcome = { outcome: 'done' | 'cancelled' | 'refused' | 'failed'; message?: string; s3Uri?: string; file?: vscode.Uri };

/** Where the instance's lifecycle scripts copy notebooks from: the first `aws s3 cp|sync s3://…` of on-start, then on-create. */
export async function syncLocation(session: AwsSession, instanceName: string): Promise<SyncLocation | string> {
  const instance = await describeNotebookInstance(session.clients, instanceName);
  const config = instance.NotebookInstanceLifecycleConfigName;
  if (!config) return `${instanceName} has no lifecycle configuration, so no S3 location its notebooks come from. Create one from the "Sync notebooks from S3" template.`;
  const described = await describeLifecycleConfig(session.clients, config);
  const scripts = [decodeLifecycleScript(described.OnStart?.[0]?.Content), decodeLifecycleScript(described.OnCreate?.[0]?.Content)];
  const source = scripts.flatMap(notebookSources)[0];
  if (!source) return `The lifecycle configuration ${config} of ${instanceName} copies nothing from S3 (no "aws s3 cp s3://…" or "aws s3 sync s3://…" line).`;
  const [bucket, ...rest] = source.slice(5).split('/');
  const key = rest.join('/');
  // A source naming one notebook points at its folder.
  const prefix = key === '' || key.endsWith('/') ? key : /\.ipynb$/i.test(key) ? key.slice(0, key.lastIndexOf('/') + 1) : `${key}/`;
  return { bucket, prefix, source };
}

export async function publishNotebook(session: AwsSession, instanceName: string, file: vscode.Uri, prompts: SyncPrompts): Promise<SyncOutcome> {
  if (!/\.ipynb$/i.test(file.path)) return { outcome: 'refused', message: `${path.basename(file.path)} is not a Jupyter notebook (.ipynb).` };
  const location = await syncLocation(session, instanceName);
  if (typeof location === 'string') return { outcome: 'refused', message: location };
  let text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
  const clear = await prompts.clearOutputs(path.basename(file.path));
  if (clear === undefined) return { outcome: 'cancelled' };
  if (clear) {
    try {
      text = clearNotebookOutputs(text);
    } catch (error) {
      return { outcome: 'refused', message: `${path.basename(file.path)} is not valid notebook JSON: ${(error as Error).message}` };
    }
  }
  const key = `${location.prefix}${path.basename(file.path)}`;
  const s3Uri = `s3://${location.bucket}/${key}`;
  const existing = await session.clients.s3().send(new HeadObjectCommand({ Bucket: location.bucket, Key: key })).catch(() => undefined);
  const detail = `${instanceName}'s lifecycle script copies notebooks from ${location.source}; the instance picks this one up on its next start.${existing ? `\nIt replaces the object there, last modified ${existing.LastModified?.toLocaleString() ?? '?'}.` : ''}${clear ? '\nOutputs are cleared in the uploaded copy (your file is unchanged).' : ''}`;
  if (!(await prompts.confirm(`Publish ${path.basename(file.path)} to ${s3Uri}?`, detail, existing ? 'Replace' : 'Publish'))) return { outcome: 'cancelled' };
  try {
    await session.clients.s3().send(new PutObjectCommand({ Bucket: location.bucket, Key: key, Body: Buffer.from(text), ContentType: 'application/x-ipynb+json' }));
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, session, 's3', 'PutObject').message };
  }
  return { outcome: 'done', s3Uri, message: `Published ${path.basename(file.path)} to ${s3Uri}.` };
}

async function freeFile(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const base = name.replace(/\.ipynb$/i, '');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? name : `${base}-${n}.ipynb`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

export async function fetchNotebook(session: AwsSession, instanceName: string, folder: vscode.Uri, prompts: SyncPrompts): Promise<SyncOutcome> {
  const location = await syncLocation(session, instanceName);
  if (typeof location === 'string') return { outcome: 'refused', message: location };
  const listed = await session.clients.s3().send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.prefix, MaxKeys: 1000 }));
  const keys = (listed.Contents ?? []).map((o) => o.Key ?? '').filter((k) => /\.ipynb$/i.test(k));
  if (keys.length === 0) return { outcome: 'refused', message: `There is no notebook under s3://${location.bucket}/${location.prefix}.` };
  const key = await prompts.pickNotebook(keys);
  if (!key) return { outcome: 'cancelled' };
  let body: Uint8Array;
  try {
    const out = await session.clients.s3().send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
    if ((out.ContentLength ?? 0) > MAX_NOTEBOOK_BYTES) {
      (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
      return { outcome: 'refused', message: `s3://${location.bucket}/${key} is ${Math.round((out.ContentLength ?? 0) / 1024 / 1024)} MB; download it with the AWS CLI instead.` };
    }
    body = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, session, 's3', 'GetObject').message };
  }
  const file = await freeFile(folder, path.posix.basename(key));
  await vscode.workspace.fs.writeFile(file, body);
  const notebook = await vscode.workspace.openNotebookDocument(file);
  await vscode.window.showNotebookDocument(notebook, { preview: false });
  return { outcome: 'done', file, s3Uri: `s3://${location.bucket}/${key}`, message: `Fetched s3://${location.bucket}/${key} to ${vscode.workspace.asRelativePath(file)}.` };
}
