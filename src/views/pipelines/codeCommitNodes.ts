// CodeCommit: a repository lists its branches when expanded; a branch lists its recent commits, read by
// following parents from the head (CodeCommit has no log call), ten at a time.
import * as vscode from 'vscode';
import type { Commit, RepositoryNameIdPair } from '@aws-sdk/client-codecommit';
import { getCommit, getRepository, listBranchesPage, recentCommits } from '../../aws/codecommit/codeCommitApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { consoleUrls } from '../../model/consoleUrls';
import { gitDate, timeAgo } from '../../model/durations';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { factsTooltip } from '../tree/tooltip';

type Changed = (node: ExplorerNode) => void;
const COMMITS_PER_PAGE = 10;

export class RepositoryNode extends PagedGroupNode<string> {
  readonly resource: ResourceRef;

  constructor(repository: RepositoryNameIdPair, session: AwsSession, region: string, changed: Changed) {
    const name = repository.repositoryName ?? '';
    const id = `codeCommit:${region}:${name}`;
    super({
      id,
      label: name,
      icon: 'repo',
      noun: vscode.l10n.t('branches'),
      fetch: (token) => listBranchesPage(session.clients, name, token),
      toNode: (branch) => new BranchNode(name, branch, session, region, id, changed),
      changed,
      describeError: (error) => toUserError(error, session, 'codecommit', 'ListBranches').message,
      contextValue: 'resource:codeCommitRepository',
    });
    this.resource = {
      kind: 'codecommit-repository',
      name,
      region,
      consoleUrl: consoleUrls.codeCommitRepository(region, name),
      describe: () => getRepository(session.clients, name),
    };
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    const count = item.description;
    item.description = count
      ? count === '1'
        ? vscode.l10n.t('1 branch')
        : vscode.l10n.t('{0} branches', String(count))
      : undefined;
    return item;
  }
}

/** A branch: its commits, newest first; "Load more…" follows the parents further. */
export class BranchNode extends PagedGroupNode<Commit> {
  constructor(
    repository: string,
    branch: string,
    session: AwsSession,
    region: string,
    parentId: string,
    changed: Changed,
  ) {
    const id = `${parentId}/branch/${branch}`;
    super({
      id,
      label: branch,
      icon: 'git-branch',
      noun: vscode.l10n.t('commits'),
      fetch: async (from) => {
        const page = await recentCommits(session.clients, repository, from ? { from } : { branch }, COMMITS_PER_PAGE);
        return { items: page.commits, nextToken: page.next };
      },
      toNode: (commit) => new CommitNode(repository, commit, session, region, id),
      changed,
      describeError: (error) => toUserError(error, session, 'codecommit', 'GetCommit').message,
      contextValue: 'codeCommitBranch',
    });
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.description = item.description ? vscode.l10n.t('{0} recent commits', String(item.description)) : undefined;
    return item;
  }
}

export class CommitNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;

  constructor(
    readonly repository: string,
    readonly commit: Commit,
    session: AwsSession,
    region: string,
    parentId: string,
  ) {
    const commitId = commit.commitId ?? '';
    this.id = `${parentId}/commit/${commitId}`;
    this.resource = {
      kind: 'codecommit-commit',
      name: commitId,
      region,
      consoleUrl: consoleUrls.codeCommitCommit(region, repository, commitId),
      describe: () => getCommit(session.clients, repository, commitId),
    };
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.commit;
    const when = gitDate(c.author?.date);
    const item = new vscode.TreeItem(
      (c.message ?? '').split('\n')[0] || vscode.l10n.t('(no message)'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('git-commit');
    item.description = [(c.commitId ?? '').slice(0, 8), c.author?.name, timeAgo(when)].filter(Boolean).join(' · ');
    item.contextValue = 'resource:codeCommitCommit';
    item.command = {
      command: 'sagemakerWorkbench.openCommitChanges',
      title: vscode.l10n.t('Open Changes'),
      arguments: [this],
    };
    item.tooltip = factsTooltip(
      (c.commitId ?? '').slice(0, 8),
      [
        [vscode.l10n.t('Author'), c.author ? `${c.author.name ?? ''} <${c.author.email ?? ''}>` : undefined],
        [vscode.l10n.t('Date'), when?.toLocaleString()],
        [vscode.l10n.t('Commit'), c.commitId],
      ],
      c.message?.trim(),
    );
    return item;
  }
}
