// The abalone release of seed 003: the CodeCommit repository `abalone-cicd-pipeline` (branch `main`
// with the pipeline code, branch `model` with the model artifacts) and the CodePipeline of the same
// name (Source, Build, Approval, Deploy), whose latest execution waits at the manual
// `EvaluationApproval` action with the evaluation.json of its Evaluate action in S3. Approving or
// rejecting goes through PutApprovalResult with the execution's token, as in AWS.
import { createHash } from 'node:crypto';
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { page } from '../support/paging';
import { ABALONE_ROWS } from '../sagemaker/abaloneData';
import { treesByMessage, type FileTree } from './releaseFiles';
import {
  isOtherPipeline,
  otherPipelineDefinition,
  otherPipelineState,
  otherPipelines,
  seedOtherPipelines,
} from './otherPipelines';
import type { ServiceModule } from '../serviceModule';
import { DEFAULT_REGION, type World } from '../world';
import { createRepositoryHandler, createdRepositories, repositoryMetadata } from '../codecommit/createdRepositories';

const REPO = 'abalone-cicd-pipeline';
const PIPELINE = 'abalone-cicd-pipeline';
export const ARTIFACT_BUCKET = 'abalone-cicd-pipeline-artifacts-123456789012';
const DAY = 86_400_000;
const STEP_MS = 600_000;

type Branch = 'main' | 'model';

interface Commit {
  id: string;
  branch: Branch;
  /** The whole tree at this commit: path → content. */
  files: FileTree;
  parent?: string;
  message: string;
  author: string;
  email: string;
  time: number;
}

interface Approval {
  status: 'Approved' | 'Rejected';
  summary: string;
  by: string;
  at: number;
}

interface Execution {
  id: string;
  status: 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped' | 'Superseded';
  start: number;
  main: Commit;
  model: Commit;
  /** Stage the execution reached; stages after it have not run. */
  stageIndex: number;
  approvalToken?: string;
  approval?: Approval;
  /** Emulator time the Deploy stage finishes after an approval. */
  deployedAt?: number;
  /** Emulator time a started (or retried) execution entered its current run; it walks up to the approval. */
  runningSince?: number;
  /** Stage the clock-driven run started from (0 for a new execution, the retried stage otherwise). */
  runFrom?: number;
}

interface Release {
  commits: Commit[];
  executions: Execution[];
  created: number;
}

interface ActionDefinition {
  name: string;
  category: string;
  owner: string;
  provider: string;
  configuration: Record<string, string>;
}

const STAGES: Array<{ name: string; actions: ActionDefinition[] }> = [
  {
    name: 'Source',
    actions: [
      {
        name: 'MainSource',
        category: 'Source',
        owner: 'AWS',
        provider: 'CodeCommit',
        configuration: { RepositoryName: REPO, BranchName: 'main' },
      },
      {
        name: 'ModelSource',
        category: 'Source',
        owner: 'AWS',
        provider: 'CodeCommit',
        configuration: { RepositoryName: REPO, BranchName: 'model' },
      },
    ],
  },
  {
    name: 'Build',
    actions: [
      {
        name: 'ContainerBuild',
        category: 'Build',
        owner: 'AWS',
        provider: 'CodeBuild',
        configuration: { ProjectName: 'ContainerBuild' },
      },
      {
        name: 'Preprocess',
        category: 'Build',
        owner: 'AWS',
        provider: 'CodeBuild',
        configuration: { ProjectName: 'DataPreprocessingBuild' },
      },
      {
        name: 'Train',
        category: 'Build',
        owner: 'AWS',
        provider: 'CodeBuild',
        configuration: { ProjectName: 'ModelTrainingBuild' },
      },
      {
        name: 'Evaluate',
        category: 'Build',
        owner: 'AWS',
        provider: 'CodeBuild',
        configuration: { ProjectName: 'ModelEvaluationBuild' },
      },
    ],
  },
  {
    name: 'Approval',
    actions: [
      {
        name: 'EvaluationApproval',
        category: 'Approval',
        owner: 'AWS',
        provider: 'Manual',
        configuration: { CustomData: 'Is the Model Ready for Production?' },
      },
    ],
  },
  {
    name: 'Deploy',
    actions: [
      {
        name: 'DeploymentBuild',
        category: 'Build',
        owner: 'AWS',
        provider: 'CodeBuild',
        configuration: { ProjectName: 'DeploymentBuild' },
      },
      {
        name: 'DeployEndpoint',
        category: 'Deploy',
        owner: 'AWS',
        provider: 'CloudFormation',
        configuration: { StackName: 'EndpointStack', ActionMode: 'CREATE_UPDATE' },
      },
    ],
  },
];
const APPROVAL_STAGE = 'Approval';
const APPROVAL_INDEX = STAGES.findIndex((s) => s.name === APPROVAL_STAGE);

export function release(world: World): Release {
  return world.state('codepipeline.release', () => ({ commits: [], executions: [], created: world.clock.now() }));
}

/** As in seed 003: a folder per pipeline execution ID at the bucket's root, with an evaluation sub-folder. */
export function evaluationKey(executionId: string): string {
  return `${executionId}/evaluation/evaluation.json`;
}

/**
 * The Evaluate action's other form (seed 003 chapter 7): ground truth and predictions of the test split,
 * with deterministic residuals scaled so the release's RMSE is `rmse` (1.52 for the release approved
 * before the waiting one, which the waiting one's 1.484 improves on).
 */
function groundTruthReport(rmse: number): string {
  const truths = ABALONE_ROWS.map((row) => Number(row.split(',').at(-1)));
  const raw = truths.map((_, i) => {
    const h = Math.sin(i * 12.9898 + 78.233) * 43_758.5453;
    return h - Math.floor(h) - 0.5;
  });
  const scale = rmse / Math.sqrt(raw.reduce((sum, r) => sum + r * r, 0) / raw.length);
  const predictions = truths.map((t, i) => t + raw[i] * scale);
  return JSON.stringify({ GroundTruth: truths, Predictions: predictions });
}

/** Git's blob id: sha1 of "blob <size>\0<content>". */
const blobId = (content: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex');

const uuid = (hex: string) => hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5');

function pipelineHandlers(world: World): Record<string, OperationHandler> {
  const r = release(world);
  // The Deploy stage of an approved execution runs for ten (AWS) minutes, then the release succeeds.
  world.addSettler(() => {
    for (const e of r.executions) {
      if (e.status !== 'InProgress') continue;
      if (e.deployedAt !== undefined && world.clock.now() >= e.deployedAt) e.status = 'Succeeded';
      if (e.runningSince !== undefined && e.deployedAt === undefined) walkToApproval(e);
    }
  });
  /** A started or retried run spends ten (AWS) minutes per stage until it waits at the approval with a fresh token. */
  const walkToApproval = (e: Execution) => {
    const elapsed = world.clock.now() - e.runningSince!;
    e.stageIndex = Math.min(
      APPROVAL_INDEX,
      (e.runFrom ?? 0) + Math.floor(elapsed / world.clock.duration(STEP_MS / 1000)),
    );
    if (e.stageIndex === APPROVAL_INDEX && !e.approvalToken) {
      e.approvalToken = uuid(createHash('sha256').update(`approval-${e.id}-${e.runningSince}`).digest('hex'));
      // SUPERSEDED mode: an older execution still waiting at the approval gives way to this one.
      for (const other of r.executions) {
        if (other !== e && other.status === 'InProgress' && other.stageIndex === APPROVAL_INDEX && !other.approval)
          other.status = 'Superseded';
      }
    }
  };
  const known = (name: string) => {
    if (name !== PIPELINE || r.executions.length === 0)
      throw new AwsError(
        'PipelineNotFoundException',
        `Account '${world.accountId}' does not have a pipeline with name '${name}'`,
      );
  };
  const stageStatus = (e: Execution, index: number) =>
    index > e.stageIndex ? undefined : index < e.stageIndex ? 'Succeeded' : e.status;
  return {
    ListPipelines: (input) => {
      const all = [
        ...(r.executions.length === 0 ? [] : [{ name: PIPELINE, created: r.created }]),
        ...otherPipelines(world),
      ].sort((a, b) => a.name.localeCompare(b.name));
      const { items, NextToken } = page(all, input.nextToken, input.maxResults, 1000);
      return {
        pipelines: items.map((p) => ({
          name: p.name,
          version: 1,
          pipelineType: 'V2',
          executionMode: 'SUPERSEDED',
          created: new Date(p.created),
          updated: new Date(p.created),
        })),
        nextToken: NextToken,
      };
    },
    GetPipeline: (input, ctx) => {
      if (isOtherPipeline(world, input.name)) return otherPipelineDefinition(world, ctx.region, input.name);
      known(input.name);
      return {
        pipeline: {
          name: PIPELINE,
          roleArn: `arn:aws:iam::${world.accountId}:role/abalone-cicd-pipeline-role`,
          artifactStore: { type: 'S3', location: ARTIFACT_BUCKET },
          stages: STAGES.map((stage) => ({
            name: stage.name,
            actions: stage.actions.map((action, i) => ({
              name: action.name,
              actionTypeId: { category: action.category, owner: action.owner, provider: action.provider, version: '1' },
              runOrder: stage.name === 'Source' ? 1 : i + 1,
              configuration: action.configuration,
            })),
          })),
          version: 1,
          pipelineType: 'V2',
          executionMode: 'SUPERSEDED',
        },
        metadata: {
          pipelineArn: world.arn('codepipeline', ctx.region, PIPELINE),
          created: new Date(r.created),
          updated: new Date(r.created),
        },
      };
    },
    GetPipelineState: (input, ctx) => {
      if (isOtherPipeline(world, input.name)) return otherPipelineState(world, input.name);
      known(input.name);
      const latest = r.executions[0];
      return {
        pipelineName: PIPELINE,
        pipelineVersion: 1,
        stageStates: STAGES.map((stage, index) => {
          // Like AWS, a stage shows the newest execution that reached it (an older one for stages the newest has not reached).
          const e = r.executions.find((x) => x.stageIndex >= index);
          const status = e && stageStatus(e, index);
          return {
            stageName: stage.name,
            inboundTransitionState: { enabled: true },
            latestExecution: e && status ? { pipelineExecutionId: e.id, status } : undefined,
            actionStates: stage.actions.map((action) => {
              const approval = e && index === APPROVAL_INDEX ? e.approval : undefined;
              const source = !e
                ? undefined
                : action.name === 'MainSource'
                  ? e.main
                  : action.name === 'ModelSource'
                    ? e.model
                    : undefined;
              return {
                actionName: action.name,
                latestExecution:
                  e && status
                    ? {
                        actionExecutionId: uuid(createHash('md5').update(`${e.id}/${action.name}`).digest('hex')),
                        status: approval ? (approval.status === 'Approved' ? 'Succeeded' : 'Failed') : status,
                        lastStatusChange: new Date(approval?.at ?? e.start + index * STEP_MS),
                        token:
                          index === APPROVAL_INDEX && status === 'InProgress' && !approval
                            ? e.approvalToken
                            : undefined,
                        summary: approval?.summary ?? source?.message,
                        lastUpdatedBy: approval?.by,
                        externalExecutionUrl:
                          index === APPROVAL_INDEX
                            ? `https://s3.console.aws.amazon.com/s3/object/${ARTIFACT_BUCKET}?prefix=${encodeURIComponent(evaluationKey(e.id))}`
                            : action.provider === 'CodeBuild'
                              ? `https://${ctx.region}.console.aws.amazon.com/codesuite/codebuild/projects/${action.configuration.ProjectName}/build/${action.configuration.ProjectName}%3A${e.id}/log?region=${ctx.region}`
                              : undefined,
                        externalExecutionId:
                          action.provider === 'CodeBuild' ? `${action.configuration.ProjectName}:${e.id}` : undefined,
                      }
                    : undefined,
                currentRevision:
                  source && status
                    ? { revisionId: source.id, revisionChangeId: source.id, created: new Date(source.time) }
                    : undefined,
                entityUrl:
                  action.provider === 'CodeCommit'
                    ? `https://${ctx.region}.console.aws.amazon.com/codesuite/codecommit/repositories/${REPO}/browse/refs/heads/${action.configuration.BranchName}`
                    : undefined,
              };
            }),
          };
        }),
        created: new Date(r.created),
        updated: new Date(latest.approval?.at ?? latest.start),
      };
    },
    ListPipelineExecutions: (input) => {
      known(input.pipelineName);
      const { items, NextToken } = page(r.executions, input.nextToken, input.maxResults, 100);
      return {
        pipelineExecutionSummaries: items.map((e) => ({
          pipelineExecutionId: e.id,
          status: e.status,
          startTime: new Date(e.start),
          lastUpdateTime: new Date(e.approval?.at ?? e.start + e.stageIndex * STEP_MS),
          sourceRevisions: [
            { actionName: 'MainSource', revisionId: e.main.id, revisionSummary: e.main.message },
            { actionName: 'ModelSource', revisionId: e.model.id, revisionSummary: e.model.message },
          ],
          trigger: {
            triggerType: 'CloudWatchEvent',
            triggerDetail: `arn:aws:events:${DEFAULT_REGION}:${world.accountId}:rule/abalone-cicd-pipeline-main`,
          },
        })),
        nextToken: NextToken,
      };
    },
    ListActionExecutions: (input, ctx) => {
      known(input.pipelineName);
      const wanted: string | undefined = input.filter?.pipelineExecutionId;
      const executions = wanted ? r.executions.filter((e) => e.id === wanted) : r.executions;
      const details = executions.flatMap((e) =>
        STAGES.flatMap((stage, index) => {
          const status = stageStatus(e, index);
          if (!status) return [];
          // Actions of a stage run one after another within the stage's ten minutes (sources together).
          return stage.actions.map((action, i) => {
            const slot = stage.name === 'Source' ? 0 : i;
            const width = stage.name === 'Source' ? STEP_MS / 10 : STEP_MS / stage.actions.length;
            const start = e.start + index * STEP_MS + slot * width;
            const approval = index === APPROVAL_INDEX ? e.approval : undefined;
            const actionStatus = approval ? (approval.status === 'Approved' ? 'Succeeded' : 'Failed') : status;
            return {
              pipelineExecutionId: e.id,
              actionExecutionId: uuid(createHash('md5').update(`${e.id}/${action.name}`).digest('hex')),
              pipelineVersion: 1,
              stageName: stage.name,
              actionName: action.name,
              startTime: new Date(start),
              lastUpdateTime: new Date(
                actionStatus === 'InProgress' ? Math.max(start, world.clock.now()) : (approval?.at ?? start + width),
              ),
              updatedBy: approval?.by,
              status: actionStatus,
              input: {
                actionTypeId: {
                  category: action.category,
                  owner: action.owner,
                  provider: action.provider,
                  version: '1',
                },
                configuration: action.configuration,
                region: ctx.region,
              },
            };
          });
        }),
      );
      const { items, NextToken } = page(details, input.nextToken, input.maxResults, 100);
      return { actionExecutionDetails: items, nextToken: NextToken };
    },
    StartPipelineExecution: (input) => {
      known(input.name);
      const now = world.clock.now();
      const id = uuid(createHash('md5').update(`started-${now}-${r.executions.length}`).digest('hex'));
      const head = (branch: Branch) => r.commits.find((c) => c.branch === branch)!;
      r.executions.unshift({
        id,
        status: 'InProgress',
        start: now,
        main: head('main'),
        model: head('model'),
        stageIndex: 0,
        runningSince: now,
        runFrom: 0,
      });
      world.s3.put(
        ARTIFACT_BUCKET,
        evaluationKey(id),
        JSON.stringify(
          { regression_metrics: { rmse: { value: 1.4838999769750487 }, mse: { value: 2.20195914166655 } } },
          null,
          2,
        ),
        'application/json',
      );
      return { pipelineExecutionId: id };
    },
    StopPipelineExecution: (input) => {
      known(input.pipelineName);
      const e = r.executions.find((x) => x.id === input.pipelineExecutionId);
      if (!e)
        throw new AwsError(
          'PipelineExecutionNotFoundException',
          `Pipeline execution ${input.pipelineExecutionId} not found for pipeline ${input.pipelineName}`,
        );
      if (e.status !== 'InProgress')
        throw new AwsError(
          'PipelineExecutionNotStoppableException',
          `Unable to stop pipeline execution ${e.id} since it is in ${e.status} state`,
        );
      e.status = 'Stopped';
      e.runningSince = undefined;
      return { pipelineExecutionId: e.id };
    },
    RetryStageExecution: (input) => {
      known(input.pipelineName);
      const index = STAGES.findIndex((st) => st.name === input.stageName);
      if (index < 0)
        throw new AwsError(
          'StageNotFoundException',
          `Stage '${input.stageName}' was not found in pipeline '${input.pipelineName}'`,
        );
      const e = r.executions.find((x) => x.id === input.pipelineExecutionId);
      if (!e)
        throw new AwsError(
          'PipelineExecutionNotFoundException',
          `Pipeline execution ${input.pipelineExecutionId} not found for pipeline ${input.pipelineName}`,
        );
      const newest = r.executions.find((x) => x.stageIndex >= index);
      if (e.status !== 'Failed' || e.stageIndex !== index || newest !== e) {
        throw new AwsError(
          'StageNotRetryableException',
          `Stage ${input.stageName} of execution ${e.id} cannot be retried: only the latest execution of a failed stage can be`,
        );
      }
      e.status = 'InProgress';
      e.approval = undefined;
      e.approvalToken = undefined;
      e.runningSince = world.clock.now();
      e.runFrom = index;
      walkToApproval(e);
      return { pipelineExecutionId: e.id };
    },
    PutApprovalResult: (input, ctx) => {
      known(input.pipelineName);
      const latest = r.executions[0];
      const stage = STAGES.find((s) => s.name === input.stageName);
      if (!stage)
        throw new AwsError(
          'StageNotFoundException',
          `Stage '${input.stageName}' was not found in pipeline '${input.pipelineName}'`,
        );
      if (!stage.actions.some((a) => a.name === input.actionName && a.category === 'Approval')) {
        throw new AwsError(
          'ActionNotFoundException',
          `Approval action '${input.actionName}' was not found in stage '${input.stageName}'`,
        );
      }
      const execution = r.executions.find((e) => e.approvalToken === input.token);
      if (execution?.approval)
        throw new AwsError(
          'ApprovalAlreadyCompletedException',
          `The approval action ${input.actionName} has already been ${execution.approval.status.toLowerCase()}`,
        );
      // A token belongs to one execution's wait; once a newer execution supersedes it, the token is gone.
      if (
        !execution ||
        execution !== latest ||
        latest.stageIndex !== APPROVAL_INDEX ||
        latest.status !== 'InProgress'
      ) {
        throw new AwsError(
          'InvalidApprovalTokenException',
          `The approval token ${input.token} is not valid for action ${input.actionName} in stage ${input.stageName}`,
        );
      }
      const at = world.clock.now();
      execution.approval = {
        status: input.result.status,
        summary: input.result.summary,
        by: `arn:aws:sts::${ctx.accountId}:assumed-role/MLApprover/approver`,
        at,
      };
      if (input.result.status === 'Approved') {
        execution.stageIndex = STAGES.length - 1;
        execution.deployedAt = at + world.clock.duration(STEP_MS / 1000);
      } else {
        execution.status = 'Failed';
      }
      return { approvedAt: new Date(at) };
    },
  };
}

function commitHandlers(world: World): Record<string, OperationHandler> {
  const r = release(world);
  const repo = (name: string) => {
    if (name !== REPO || r.commits.length === 0)
      throw new AwsError('RepositoryDoesNotExistException', `${name} does not exist`);
  };
  const head = (branch: string) => r.commits.find((c) => c.branch === branch);
  const date = (ms: number) => `${Math.floor(ms / 1000)} +0000`;
  /** A commit id or a branch name, as CodeCommit's commit specifiers. */
  const resolve = (specifier: string) => {
    const found = r.commits.find((c) => c.id === specifier) ?? head(specifier);
    if (!found) throw new AwsError('CommitDoesNotExistException', `Commit '${specifier}' does not exist`);
    return found;
  };
  const commitOut = (commit: Commit) => {
    const person = { name: commit.author, email: commit.email, date: date(commit.time) };
    return {
      commitId: commit.id,
      treeId: createHash('sha1').update(`tree${commit.id}`).digest('hex'),
      parents: commit.parent ? [commit.parent] : [],
      message: `${commit.message}\n`,
      author: person,
      committer: person,
      additionalData: '',
    };
  };
  return {
    CreateRepository: createRepositoryHandler(world, (name) => name === REPO && r.commits.length > 0),
    ListRepositories: (input) => {
      const seeded =
        r.commits.length === 0
          ? []
          : [
              {
                repositoryName: REPO,
                repositoryId: '6a2b1f3e-0c4d-4e5f-8a9b-abalone00001',
                modified: Math.max(...r.commits.map((c) => c.time)),
              },
            ];
      const all = [
        ...seeded,
        ...[...createdRepositories(world).values()].map((c) => ({
          repositoryName: c.name,
          repositoryId: c.id,
          modified: c.created.getTime(),
        })),
      ];
      // Documented defaults: sortBy repositoryName, order ascending.
      const direction = input.order === 'descending' ? -1 : 1;
      all.sort(
        (a, b) =>
          direction *
          (input.sortBy === 'lastModifiedDate'
            ? a.modified - b.modified
            : a.repositoryName.localeCompare(b.repositoryName)),
      );
      return { repositories: all.map(({ repositoryName, repositoryId }) => ({ repositoryName, repositoryId })) };
    },
    GetRepository: (input, ctx) => {
      const created = createdRepositories(world).get(input.repositoryName);
      if (created) return { repositoryMetadata: repositoryMetadata(world, created) };
      repo(input.repositoryName);
      return {
        repositoryMetadata: {
          accountId: world.accountId,
          repositoryId: '6a2b1f3e-0c4d-4e5f-8a9b-abalone00001',
          repositoryName: REPO,
          repositoryDescription: 'Abalone model: pipeline code on main, model artifacts on model',
          defaultBranch: 'main',
          lastModifiedDate: new Date(Math.max(...r.commits.map((c) => c.time))),
          creationDate: new Date(Math.min(...r.commits.map((c) => c.time))),
          cloneUrlHttp: `https://git-codecommit.${ctx.region}.amazonaws.com/v1/repos/${REPO}`,
          cloneUrlSsh: `ssh://git-codecommit.${ctx.region}.amazonaws.com/v1/repos/${REPO}`,
          Arn: world.arn('codecommit', ctx.region, REPO),
        },
      };
    },
    ListBranches: (input) => {
      if (createdRepositories(world).has(input.repositoryName)) return { branches: [] };
      repo(input.repositoryName);
      return { branches: ['main', 'model'] };
    },
    GetBranch: (input) => {
      if (createdRepositories(world).has(input.repositoryName))
        throw new AwsError('BranchDoesNotExistException', `Branch '${input.branchName}' does not exist`);
      repo(input.repositoryName ?? REPO);
      const commit = head(input.branchName);
      if (!commit) throw new AwsError('BranchDoesNotExistException', `Branch '${input.branchName}' does not exist`);
      return { branch: { branchName: input.branchName, commitId: commit.id } };
    },
    GetCommit: (input) => {
      repo(input.repositoryName);
      const commit = r.commits.find((c) => c.id === input.commitId);
      if (!commit) throw new AwsError('CommitIdDoesNotExistException', `Commit '${input.commitId}' does not exist`);
      return { commit: commitOut(commit) };
    },
    GetDifferences: (input) => {
      repo(input.repositoryName);
      const after = resolve(input.afterCommitSpecifier);
      const before = input.beforeCommitSpecifier ? resolve(input.beforeCommitSpecifier) : undefined;
      const paths = [...new Set([...Object.keys(before?.files ?? {}), ...Object.keys(after.files)])].sort();
      const differences = paths.flatMap((path) => {
        const was = before?.files[path];
        const now = after.files[path];
        if (was === now) return [];
        const blob = (content: string | undefined) =>
          content === undefined ? undefined : { blobId: blobId(content), path, mode: '100644' };
        return [
          {
            beforeBlob: blob(was),
            afterBlob: blob(now),
            changeType: was === undefined ? 'A' : now === undefined ? 'D' : 'M',
          },
        ];
      });
      const { items, NextToken } = page(differences, input.NextToken, input.MaxResults, 100);
      return { differences: items, NextToken };
    },
    GetBlob: (input) => {
      repo(input.repositoryName);
      for (const c of r.commits) {
        for (const content of Object.values(c.files))
          if (blobId(content) === input.blobId) return { content: Buffer.from(content, 'utf8') };
      }
      throw new AwsError('BlobIdDoesNotExistException', `Blob ${input.blobId} does not exist`);
    },
    BatchGetCommits: (input) => {
      repo(input.repositoryName);
      const ids: string[] = input.commitIds;
      if (ids.length > 100)
        throw new AwsError(
          'CommitIdsLimitExceededException',
          'The maximum number of allowed commit IDs in a batch request is 100',
        );
      const found = ids.map((id) => r.commits.find((c) => c.id === id));
      return {
        commits: found.filter((c): c is Commit => !!c).map(commitOut),
        errors: ids
          .filter((_, i) => !found[i])
          .map((commitId) => ({
            commitId,
            errorCode: 'CommitIdDoesNotExistException',
            errorMessage: `Commit '${commitId}' does not exist`,
          })),
      };
    },
  };
}

function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const r = release(world);
  const now = world.clock.now();
  r.created = now - 30 * DAY;
  const history: Array<[Branch, string, string, string, number]> = [
    ['main', 'Checkpoint', 'Sam Okafor', 'sam.okafor@example.com', 1],
    ['model', 'Added Integration artifacts', 'Priya Raman', 'priya.raman@example.com', 2],
    ['model', 'Tune XGBoost max_depth to 5 and eta to 0.2', 'Priya Raman', 'priya.raman@example.com', 6],
    ['main', 'Add evaluation step writing evaluation.json', 'Sam Okafor', 'sam.okafor@example.com', 9],
    ['model', 'Initial commit of model artifacts', 'Priya Raman', 'priya.raman@example.com', 14],
    ['main', 'Initial commit of Pipeline Artifacts', 'Sam Okafor', 'sam.okafor@example.com', 29],
  ];
  const trees = treesByMessage();
  r.commits = history.map(([branch, message, author, email, ageDays]) => ({
    id: createHash('sha1').update(`${branch}:${message}`).digest('hex'),
    branch,
    files: trees[message] ?? {},
    message,
    author,
    email,
    time: now - ageDays * DAY,
  }));
  for (const branch of ['main', 'model'] as const) {
    const line = r.commits.filter((c) => c.branch === branch);
    line.forEach((c, i) => (c.parent = line[i + 1]?.id));
  }
  const onBranch = (branch: Branch, skip: number) => {
    const line = r.commits.filter((c) => c.branch === branch);
    return line[Math.min(skip, line.length - 1)];
  };
  const execution = (i: number, status: Execution['status'], stageIndex: number, ageHours: number): Execution => ({
    id: uuid(createHash('md5').update(`execution-${i}`).digest('hex')),
    status,
    start: now - ageHours * 3_600_000,
    main: onBranch('main', Math.min(i, 2)),
    model: onBranch('model', Math.min(i, 2)),
    stageIndex,
  });
  const pending = execution(0, 'InProgress', APPROVAL_INDEX, 2);
  pending.approvalToken = uuid(createHash('sha256').update(`approval-${pending.id}`).digest('hex'));
  const approved = execution(1, 'Succeeded', STAGES.length - 1, 6 * 24);
  approved.approval = {
    status: 'Approved',
    summary: 'RMSE 1.52 is below 2.0; deploying.',
    by: `arn:aws:iam::${world.accountId}:user/priya.raman`,
    at: approved.start + APPROVAL_INDEX * STEP_MS + STEP_MS / 2,
  };
  r.executions = [
    pending,
    approved,
    execution(2, 'Failed', 1, 14 * 24),
    execution(3, 'Succeeded', STAGES.length - 1, 29 * 24),
  ];
  const report = JSON.stringify(
    { regression_metrics: { rmse: { value: 1.4838999769750487 }, mse: { value: 2.20195914166655 } } },
    null,
    2,
  );
  // The waiting release has the seed's regression_metrics report; the one approved before it the GroundTruth/Predictions form.
  r.executions.forEach((e, i) =>
    world.s3.put(ARTIFACT_BUCKET, evaluationKey(e.id), i === 1 ? groundTruthReport(1.52) : report, 'application/json'),
  );
  if (scenario === 'large') {
    seedOtherPipelines(world, 199);
    for (let i = 4; i < 200; i++)
      r.executions.push(
        execution(i, i % 5 === 0 ? 'Failed' : 'Succeeded', i % 5 === 0 ? 1 : STAGES.length - 1, 30 * 24 + i * 12),
      );
  }
}

export const releaseModule: ServiceModule = {
  name: 'codecommit and codepipeline release',
  handlers: (world) => ({ codepipeline: pipelineHandlers(world), codecommit: commitHandlers(world) }),
  seed,
};
