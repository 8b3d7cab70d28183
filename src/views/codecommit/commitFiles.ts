// Files of a CodeCommit commit as read-only documents (`sagemaker-workbench-codecommit:` URIs, one GetBlob
// each, nothing on disk), and "Open Changes": the files a commit changed, in VS Code's diff editor against
// its parent.
import * as vscode from 'vscode';
import type { Difference } from '@aws-sdk/client-codecommit';
import { commitDifferences, getBlobText, getCommit } from '../../aws/codecommit/codeCommitApi';
import type { AwsSession } from '../../aws/session';
import { toUserError } from '../../aws/showAwsError';

export const COMMIT_FILE_SCHEME = 'sagemaker-workbench-codecommit';

/** `sagemaker-workbench-codecommit:/<repository>/<commit8>/<path>?blob=<id>`; no blob: the file did not exist. */
export function commitFileUri(repository: string, commitId: string, path: string, blobId: string | undefined): vscode.Uri {
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
      return `// Reading this file failed: ${toUserError(error, this.session, 'codecommit', 'GetBlob').message}\n`;
    }
  }
}

const CHANGE = { A: 'added', M: 'modified', D: 'deleted' } as Record<string, string>;

function diffTitle(d: Difference, commitId: string): string {
  const path = d.afterBlob?.path ?? d.beforeBlob?.path ?? '?';
  return `${path.split('/').pop()} (${CHANGE[d.changeType ?? 'M'] ?? d.changeType} in ${commitId.slice(0, 8)})`;
}

export async function openDiff(repository: string, commitId: string, parentId: string | undefined, d: Difference): Promise<void> {
  const path = d.afterBlob?.path ?? d.beforeBlob?.path ?? '';
  const left = commitFileUri(repository, parentId ?? commitId, path, d.beforeBlob?.blobId);
  const right = commitFileUri(repository, commitId, path, d.afterBlob?.blobId);
  await vscode.commands.executeCommand('vscode.diff', left, right, diffTitle(d, commitId), { preview: true });
}

/** The files `commitId` changed against its first parent; opens the one chosen (or the only one). */
export async function openCommitChanges(session: AwsSession, repository: string, commitId: string, pick?: (d: Difference[]) => Thenable<Difference | undefined>): Promise<Difference[]> {
  const commit = await getCommit(session.clients, repository, commitId);
  const parent = commit.parents?.[0];
  const differences = await commitDifferences(session.clients, repository, parent, commitId);
  if (differences.length === 0) {
    void vscode.window.showInformationMessage(`Commit ${commitId.slice(0, 8)} changed no files.`);
    return differences;
  }
  const choose = pick ?? ((ds: Difference[]) => vscode.window.showQuickPick(
    ds.map((d) => ({ label: d.afterBlob?.path ?? d.beforeBlob?.path ?? '?', description: CHANGE[d.changeType ?? 'M'], d })),
    { title: `${(commit.message ?? '').split('\n')[0]} — ${ds.length} files changed`, placeHolder: 'Choose a file to compare with the parent commit' },
  ).then((item) => item?.d));
  const chosen = differences.length === 1 ? differences[0] : await choose(differences);
  if (chosen) await openDiff(repository, commitId, parent, chosen);
  return differences;
}
