// CodeCommit commits in the Pipelines view (and the Release Review panel's commit links): Open Changes (the
// files a commit changed, against its first parent), Open File at Commit (read-only), and Compare with an
// earlier commit of its history. Files are chosen in a quick pick; the diff is VS Code's own.
import * as vscode from 'vscode';
import type { Difference } from '@aws-sdk/client-codecommit';
import { window } from '../../ui/window';
import { registerCommand, type CommandHost } from '../../ui/commands';
import { commitDifferences, getCommit, recentCommits } from '../../aws/codecommit/codeCommitApi';
import type { AwsSession } from '../../session/awsSession';
import { CHANGE, commitFileUri, openDiff, pathOf } from '../../views/codecommit/commitFiles';
import { CommitNode } from '../../views/pipelines/codeCommitNodes';

/** How a commit command ended; `differences` are the files it found (tests read them). */
export interface CommitOutcome {
  outcome: 'opened' | 'none' | 'cancelled';
  message?: string;
  differences?: Difference[];
  document?: vscode.TextDocument;
}

const pickDifference = (ds: Difference[], title: string, placeHolder?: string) =>
  window
    .showQuickPick(
      ds.map((d) => ({ label: pathOf(d), description: CHANGE[d.changeType ?? 'M'], d })),
      { title, placeHolder },
    )
    .then((item) => item?.d);

/** The files `commitId` changed against its first parent; opens the one chosen (or the only one). */
async function openCommitChanges(session: AwsSession, repository: string, commitId: string): Promise<CommitOutcome> {
  const commit = await getCommit(session.clients, repository, commitId);
  const parent = commit.parents?.[0];
  const differences = await commitDifferences(session.clients, repository, parent, commitId);
  if (differences.length === 0)
    return {
      outcome: 'none',
      message: vscode.l10n.t('Commit {0} changed no files.', commitId.slice(0, 8)),
      differences,
    };
  const chosen =
    differences.length === 1
      ? differences[0]
      : await pickDifference(
          differences,
          vscode.l10n.t('{0} — {1} files changed', (commit.message ?? '').split('\n')[0], differences.length),
          vscode.l10n.t('Choose a file to compare with the parent commit'),
        );
  if (!chosen) return { outcome: 'cancelled', differences };
  await openDiff(repository, commitId, parent, chosen);
  return { outcome: 'opened', differences };
}

/** Every file of the commit (GetDifferences without a "before" lists the whole tree); opens the chosen one read-only. */
async function openFileAtCommit(session: AwsSession, repository: string, commitId: string): Promise<CommitOutcome> {
  const files = (await commitDifferences(session.clients, repository, undefined, commitId)).filter((d) => d.afterBlob);
  const path = await window.showQuickPick(files.map(pathOf).sort(), {
    title: vscode.l10n.t('Files at {0} ({1})', commitId.slice(0, 8), repository),
    placeHolder: vscode.l10n.t('Choose a file to open read-only'),
  });
  const file = files.find((d) => pathOf(d) === path);
  if (!file) return { outcome: 'cancelled' };
  const document = await vscode.workspace.openTextDocument(
    commitFileUri(repository, commitId, pathOf(file), file.afterBlob?.blobId),
  );
  await vscode.window.showTextDocument(document, { preview: true });
  return { outcome: 'opened', document };
}

/** Compares the commit with an older one of its history (chosen among the ten before it), file by file. */
async function compareWithEarlierCommit(
  session: AwsSession,
  repository: string,
  commitId: string,
): Promise<CommitOutcome> {
  const commit = await getCommit(session.clients, repository, commitId);
  const parent = commit.parents?.[0];
  if (!parent)
    return {
      outcome: 'none',
      message: vscode.l10n.t(
        'Commit {0} is the first of its branch: nothing earlier to compare with.',
        commitId.slice(0, 8),
      ),
      differences: [],
    };
  const history = (await recentCommits(session.clients, repository, { from: parent }, 10)).commits;
  const picked = await window.showQuickPick(
    history.map((c) => ({
      label: (c.message ?? '').split('\n')[0],
      description: (c.commitId ?? '').slice(0, 8),
      id: c.commitId ?? '',
    })),
    {
      title: vscode.l10n.t('Compare {0} with…', commitId.slice(0, 8)),
      placeHolder: vscode.l10n.t('Choose an earlier commit'),
    },
  );
  const before = picked?.id;
  if (!before) return { outcome: 'cancelled' };
  const differences = await commitDifferences(session.clients, repository, before, commitId);
  if (differences.length === 0)
    return {
      outcome: 'none',
      message: vscode.l10n.t('No file differs between {0} and {1}.', before.slice(0, 8), commitId.slice(0, 8)),
      differences,
    };
  const chosen =
    differences.length === 1
      ? differences[0]
      : await pickDifference(
          differences,
          vscode.l10n.t(
            '{0} files differ between {1} and {2}',
            differences.length,
            before.slice(0, 8),
            commitId.slice(0, 8),
          ),
        );
  if (!chosen) return { outcome: 'cancelled', differences };
  await openDiff(repository, commitId, before, chosen);
  return { outcome: 'opened', differences };
}

/** A commit node of the view, or `(repository, commitId)` from the Release Review panel. */
function commitOf(nodeOrRepository: unknown, commitId: unknown): [string, string] | undefined {
  if (nodeOrRepository instanceof CommitNode)
    return [nodeOrRepository.repository, nodeOrRepository.commit.commitId ?? ''];
  if (typeof nodeOrRepository === 'string' && typeof commitId === 'string') return [nodeOrRepository, commitId];
  return undefined;
}

export function registerCommitCommands(host: CommandHost): vscode.Disposable[] {
  const commands = [
    ['sagemakerWorkbench.openCommitChanges', openCommitChanges, 'GetDifferences'],
    ['sagemakerWorkbench.openFileAtCommit', openFileAtCommit, 'GetDifferences'],
    ['sagemakerWorkbench.compareCommits', compareWithEarlierCommit, 'GetDifferences'],
  ] as const;
  return commands.map(([id, run, operation]) =>
    registerCommand(
      host,
      id,
      async (nodeOrRepository?: unknown, commitId?: unknown) => {
        const commit = commitOf(nodeOrRepository, commitId);
        return commit?.[1] ? run(host.session, ...commit) : undefined;
      },
      { service: 'codecommit', operation },
    ),
  );
}
