// Files of a CodeCommit commit as read-only documents (`sagemaker-workbench-codecommit:` URIs, one GetBlob
// each, nothing on disk), and "Open Changes": the files a commit changed, in VS Code's diff editor against
// its parent.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { Difference } from '@aws-sdk/client-codecommit';
import { commitDifferences, getBlobText, getCommit, recentCommits } from '../../aws/codecommit/codeCommitApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';

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
    void window.showInformationMessage(`Commit ${commitId.slice(0, 8)} changed no files.`);
    return differences;
  }
  const choose = pick ?? ((ds: Difference[]) => window.showQuickPick(
    ds.map((d) => ({ label: d.afterBlob?.path ?? d.beforeBlob?.path ?? '?', description: CHANGE[d.changeType ?? 'M'], d })),
    { title: `${(commit.message ?? '').split('\n')[0]} — ${ds.length} files changed`, placeHolder: 'Choose a file to compare with the parent commit' },
  ).then((item) => item?.d));
  const chosen = differences.length === 1 ? differences[0] : await choose(differences);
  if (chosen) await openDiff(repository, commitId, parent, chosen);
  return differences;
}

const pathOf = (d: Difference) => d.afterBlob?.path ?? d.beforeBlob?.path ?? '?';

/** Every file of the commit (GetDifferences without a "before" lists the whole tree); opens the chosen one read-only. */
export async function openFileAtCommit(session: AwsSession, repository: string, commitId: string, pick?: (paths: string[]) => Thenable<string | undefined>): Promise<vscode.TextDocument | undefined> {
  const files = (await commitDifferences(session.clients, repository, undefined, commitId)).filter((d) => d.afterBlob);
  const choose = pick ?? ((paths: string[]) => window.showQuickPick(paths, { title: `Files at ${commitId.slice(0, 8)} (${repository})`, placeHolder: 'Choose a file to open read-only' }));
  const path = await choose(files.map(pathOf).sort());
  const file = files.find((d) => pathOf(d) === path);
  if (!file) return undefined;
  const doc = await vscode.workspace.openTextDocument(commitFileUri(repository, commitId, pathOf(file), file.afterBlob?.blobId));
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}

/** Compares the commit with an older one of its history (chosen among the ten before it), file by file. */
export async function compareWithEarlierCommit(
  session: AwsSession, repository: string, commitId: string,
  pickCommit?: (choices: Array<{ commitId: string; message: string }>) => Thenable<string | undefined>,
  pickFile?: (d: Difference[]) => Thenable<Difference | undefined>,
): Promise<Difference[]> {
  const commit = await getCommit(session.clients, repository, commitId);
  const parent = commit.parents?.[0];
  if (!parent) {
    void window.showInformationMessage(`Commit ${commitId.slice(0, 8)} is the first of its branch: nothing earlier to compare with.`);
    return [];
  }
  const history = (await recentCommits(session.clients, repository, { from: parent }, 10)).commits
    .map((c) => ({ commitId: c.commitId ?? '', message: (c.message ?? '').split('\n')[0] }));
  const chooseCommit = pickCommit ?? ((choices: Array<{ commitId: string; message: string }>) => window.showQuickPick(
    choices.map((c) => ({ label: c.message, description: c.commitId.slice(0, 8), id: c.commitId })),
    { title: `Compare ${commitId.slice(0, 8)} with…`, placeHolder: 'Choose an earlier commit' },
  ).then((item) => item?.id));
  const before = await chooseCommit(history);
  if (!before) return [];
  const differences = await commitDifferences(session.clients, repository, before, commitId);
  if (differences.length === 0) {
    void window.showInformationMessage(`No file differs between ${before.slice(0, 8)} and ${commitId.slice(0, 8)}.`);
    return differences;
  }
  const chooseFile = pickFile ?? ((ds: Difference[]) => window.showQuickPick(
    ds.map((d) => ({ label: pathOf(d), description: CHANGE[d.changeType ?? 'M'], d })),
    { title: `${ds.length} files differ between ${before.slice(0, 8)} and ${commitId.slice(0, 8)}` },
  ).then((item) => item?.d));
  const chosen = differences.length === 1 ? differences[0] : await chooseFile(differences);
  if (chosen) await openDiff(repository, commitId, before, chosen);
  return differences;
}
