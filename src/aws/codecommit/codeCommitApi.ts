// CodeCommit: repositories, branches and a branch's recent commits. CodeCommit has no log call, so recent
// commits are read by following first parents from the branch head, one GetCommit each, only on expand.
import * as l10n from '@vscode/l10n';
import type { Difference, Commit, RepositoryNameIdPair } from '@aws-sdk/client-codecommit';
import type { Page } from '../../model/pagedList';
import type { AwsClients } from '../clients';

export async function listRepositoriesPage(
  clients: AwsClients,
  nextToken: string | undefined,
): Promise<Page<RepositoryNameIdPair>> {
  const { ListRepositoriesCommand } = await import('./codeCommitSdk.js');
  const codecommit = await clients.codecommit();
  const out = await codecommit.send(
    new ListRepositoriesCommand({ nextToken, sortBy: 'repositoryName', order: 'ascending' }),
  );
  return { items: out.repositories ?? [], nextToken: out.nextToken };
}

export async function listBranchesPage(
  clients: AwsClients,
  repositoryName: string,
  nextToken: string | undefined,
): Promise<Page<string>> {
  const { ListBranchesCommand } = await import('./codeCommitSdk.js');
  const out = await (await clients.codecommit()).send(new ListBranchesCommand({ repositoryName, nextToken }));
  return { items: [...(out.branches ?? [])].sort(), nextToken: out.nextToken };
}

export async function getRepository(clients: AwsClients, repositoryName: string) {
  const { GetRepositoryCommand } = await import('./codeCommitSdk.js');
  return (await clients.codecommit()).send(new GetRepositoryCommand({ repositoryName }));
}

export async function getCommit(clients: AwsClients, repositoryName: string, commitId: string): Promise<Commit> {
  const { GetCommitCommand } = await import('./codeCommitSdk.js');
  const out = await (await clients.codecommit()).send(new GetCommitCommand({ repositoryName, commitId }));
  if (!out.commit) throw new Error(l10n.t('CodeCommit returned no commit {0}', commitId));
  return out.commit;
}

/** Up to `count` commits, newest first, starting at `from` (a commit id) or at the head of `branch`. */
export async function recentCommits(
  clients: AwsClients,
  repositoryName: string,
  start: { branch?: string; from?: string },
  count: number,
): Promise<{ commits: Commit[]; next?: string }> {
  const { GetBranchCommand } = await import('./codeCommitSdk.js');
  let id = start.from;
  if (!id && start.branch) {
    const codecommit = await clients.codecommit();
    const out = await codecommit.send(new GetBranchCommand({ repositoryName, branchName: start.branch }));
    id = out.branch?.commitId;
  }
  const commits: Commit[] = [];
  while (id && commits.length < count) {
    const commit = await getCommit(clients, repositoryName, id);
    commits.push(commit);
    id = commit.parents?.[0];
  }
  return { commits, next: id };
}

/** Every file a commit changed against `before` (its parent), across pages (the SDK's paginator). */
export async function commitDifferences(
  clients: AwsClients,
  repositoryName: string,
  before: string | undefined,
  after: string,
): Promise<Difference[]> {
  const { paginateGetDifferences } = await import('./codeCommitSdk.js');
  const differences: Difference[] = [];
  for await (const page of paginateGetDifferences(
    { client: await clients.codecommit() },
    { repositoryName, beforeCommitSpecifier: before, afterCommitSpecifier: after },
  )) {
    differences.push(...(page.differences ?? []));
  }
  return differences;
}

/** A file's content; files are text in the repositories this extension browses (shown read-only). */
export async function getBlobText(clients: AwsClients, repositoryName: string, blobId: string): Promise<string> {
  const { GetBlobCommand } = await import('./codeCommitSdk.js');
  const out = await (await clients.codecommit()).send(new GetBlobCommand({ repositoryName, blobId }));
  return Buffer.from(out.content ?? new Uint8Array()).toString('utf8');
}
