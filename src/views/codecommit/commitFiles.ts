// Files of a CodeCommit commit as read-only documents (`sagemaker-workbench-codecommit:` URIs, one GetBlob
// each, nothing on disk), and one changed file in VS Code's diff editor (the commit commands choose which).
import * as vscode from 'vscode';
import type { Difference } from '@aws-sdk/client-codecommit';
import { getBlobText } from '../../aws/codecommit/codeCommitApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';

export const COMMIT_FILE_SCHEME = 'sagemaker-workbench-codecommit';

/** `sagemaker-workbench-codecommit:/<repository>/<commit8>/<path>?blob=<id>`; no blob: the file did not exist. */
export function commitFileUri(
  repository: string,
  commitId: string,
  path: string,
  blobId: string | undefined,
): vscode.Uri {
  return vscode.Uri.from({
    scheme: COMMIT_FILE_SCHEME,
    path: `/${repository}/${commitId.slice(0, 8)}/${path}`,
    query: blobId ? `blob=${encodeURIComponent(blobId)}` : 'missing',
  });
}

export class CommitFiles implements vscode.TextDocumentContentProvider {
  constructor(private readonly session: AwsSession) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const blob = new URLSearchParams(uri.query).get('blob');
    if (!blob) return '';
    const repository = uri.path.split('/')[1];
    try {
      return await getBlobText(this.session.clients, repository, blob);
    } catch (error) {
      return `// ${vscode.l10n.t('Reading this file failed: {0}', toUserError(error, this.session, 'codecommit', 'GetBlob').message)}\n`;
    }
  }
}

export const CHANGE = {
  A: vscode.l10n.t('added'),
  M: vscode.l10n.t('modified'),
  D: vscode.l10n.t('deleted'),
} as Record<string, string>;

function diffTitle(d: Difference, commitId: string): string {
  const path = d.afterBlob?.path ?? d.beforeBlob?.path ?? '?';
  return vscode.l10n.t(
    '{0} ({1} in {2})',
    path.split('/').pop() ?? '',
    CHANGE[d.changeType ?? 'M'] ?? String(d.changeType),
    commitId.slice(0, 8),
  );
}

/** The path a difference is about (the new one, or the deleted one). */
export const pathOf = (d: Difference) => d.afterBlob?.path ?? d.beforeBlob?.path ?? '?';

export async function openDiff(
  repository: string,
  commitId: string,
  parentId: string | undefined,
  d: Difference,
): Promise<void> {
  const path = d.afterBlob?.path ?? d.beforeBlob?.path ?? '';
  const left = commitFileUri(repository, parentId ?? commitId, path, d.beforeBlob?.blobId);
  const right = commitFileUri(repository, commitId, path, d.afterBlob?.blobId);
  await vscode.commands.executeCommand('vscode.diff', left, right, diffTitle(d, commitId), { preview: true });
}
