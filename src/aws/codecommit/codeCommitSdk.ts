// The CodeCommit SDK pieces the repositories view and the diff use, loaded on first use (a webpack chunk).
export {
  CodeCommitClient,
  GetBlobCommand,
  GetBranchCommand,
  GetCommitCommand,
  GetRepositoryCommand,
  ListBranchesCommand,
  ListRepositoriesCommand,
  paginateGetDifferences,
} from '@aws-sdk/client-codecommit';
