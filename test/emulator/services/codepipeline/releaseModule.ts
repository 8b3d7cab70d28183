// The abalone release of seed 003: the CodeCommit repository `abalone-cicd-pipeline` and the
// CodePipeline of the same name, whose latest execution waits at the manual `EvaluationApproval`
// stage with the evaluation.json of its evaluation step in S3. List and read operations; approving
// (PutApprovalResult) comes with the approval feature.
import { createHash } from 'node:crypto';
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import { DEFAULT_REGION, type World } from '../world';

const REPO = 'abalone-cicd-pipeline';
const PIPELINE = 'abalone-cicd-pipeline';
const ARTIFACT_BUCKET = 'abalone-cicd-pipeline-artifacts-123456789012';
const DAY = 86_400_000;

interface Commit {
  id: string;
  parent?: string;
  message: string;
  author: string;
  email: string;
  time: number;
}

interface Execution {
  id: string;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  start: number;
  commit: Commit;
  /** Stage the execution reached; stages after it have not run. */
  stageIndex: number;
  approvalToken?: string;
}

interface Release {
  commits: Commit[];
  executions: Execution[];
  created: number;
}

const STAGES: Array<{ name: string; actions: Array<{ name: string; category: string; owner: string; provider: string; configuration: Record<string, string> }> }> = [
  { name: 'Source', actions: [{ name: 'MainSource', category: 'Source', owner: 'AWS', provider: 'CodeCommit', configuration: { RepositoryName: REPO, BranchName: 'main' } }] },
  { name: 'Build', actions: [{ name: 'BuildModelArtifact', category: 'Build', owner: 'AWS', provider: 'CodeBuild', configuration: { ProjectName: 'abalone-cicd-build' } }] },
  {
    name: 'MLWorkflow',
    actions: [
      { name: 'DataProcessing', category: 'Build', owner: 'AWS', provider: 'CodeBuild', configuration: { ProjectName: 'abalone-cicd-data-processing' } },
      { name: 'ModelTraining', category: 'Build', owner: 'AWS', provider: 'CodeBuild', configuration: { ProjectName: 'abalone-cicd-training' } },
      { name: 'ModelEvaluation', category: 'Build', owner: 'AWS', provider: 'CodeBuild', configuration: { ProjectName: 'abalone-cicd-evaluation' } },
    ],
  },
  {
    name: 'EvaluationApproval',
    actions: [{ name: 'EvaluationApproval', category: 'Approval', owner: 'AWS', provider: 'Manual', configuration: { CustomData: 'Review the model evaluation report (evaluation.json): approve if RMSE is below 2.0.' } }],
  },
  { name: 'Deploy', actions: [{ name: 'DeployEndpoint', category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', configuration: { StackName: 'EndpointStack', ActionMode: 'CREATE_UPDATE' } }] },
];
const APPROVAL_INDEX = 3;

function release(world: World): Release {
  return world.state('codepipeline.release', () => ({ commits: [], executions: [], created: world.clock.now() }));
}

export function evaluationKey(executionId: string): string {
  return `${PIPELINE}/${executionId}/evaluation/evaluation.json`;
}

function pipelineHandlers(world: World): Record<string, OperationHandler> {
  const r = release(world);
  const known = (name: string) => {
    if (name !== PIPELINE) throw new AwsError('PipelineNotFoundException', `Account '${world.accountId}' does not have a pipeline with name '${name}'`);
  };
  return {
    ListPipelines: () => (r.executions.length === 0 ? { pipelines: [] } : { pipelines: [{ name: PIPELINE, version: 1, pipelineType: 'V2', executionMode: 'SUPERSEDED', created: new Date(r.created), updated: new Date(r.created) }] }),
    GetPipeline: (input, ctx) => {
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
              runOrder: i + 1,
              configuration: action.configuration,
            })),
          })),
          version: 1,
          pipelineType: 'V2',
          executionMode: 'SUPERSEDED',
        },
        metadata: { pipelineArn: world.arn('codepipeline', ctx.region, PIPELINE), created: new Date(r.created), updated: new Date(r.created) },
      };
    },
    GetPipelineState: (input) => {
      known(input.name);
      const latest = r.executions[0];
      return {
        pipelineName: PIPELINE,
        pipelineVersion: 1,
        stageStates: STAGES.map((stage, index) => {
          const reached = latest && index <= latest.stageIndex;
          const stageStatus = !reached ? undefined : index < latest.stageIndex ? 'Succeeded' : latest.status;
          return {
            stageName: stage.name,
            inboundTransitionState: { enabled: true },
            latestExecution: stageStatus ? { pipelineExecutionId: latest.id, status: stageStatus } : undefined,
            actionStates: stage.actions.map((action) => ({
              actionName: action.name,
              latestExecution: stageStatus
                ? {
                    status: stageStatus,
                    lastStatusChange: new Date(latest.start + index * 600_000),
                    token: index === APPROVAL_INDEX && stageStatus === 'InProgress' ? latest.approvalToken : undefined,
                    summary: index === 0 ? latest.commit.message : undefined,
                    externalExecutionUrl: index === APPROVAL_INDEX ? `https://s3.console.aws.amazon.com/s3/object/${ARTIFACT_BUCKET}?prefix=${encodeURIComponent(evaluationKey(latest.id))}` : undefined,
                  }
                : undefined,
              currentRevision: index === 0 && reached ? { revisionId: latest.commit.id, revisionChangeId: latest.commit.id, created: new Date(latest.commit.time) } : undefined,
            })),
          };
        }),
        created: new Date(r.created),
        updated: new Date(latest?.start ?? r.created),
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
          lastUpdateTime: new Date(e.start + e.stageIndex * 600_000),
          sourceRevisions: [{ actionName: 'MainSource', revisionId: e.commit.id, revisionSummary: e.commit.message }],
          trigger: { triggerType: 'CloudWatchEvent', triggerDetail: `arn:aws:events:${DEFAULT_REGION}:${world.accountId}:rule/abalone-cicd-pipeline-main` },
        })),
        nextToken: NextToken,
      };
    },
  };
}

function commitHandlers(world: World): Record<string, OperationHandler> {
  const r = release(world);
  const repo = (name: string) => {
    if (name !== REPO || r.commits.length === 0) throw new AwsError('RepositoryDoesNotExistException', `${name} does not exist`);
  };
  const date = (ms: number) => `${Math.floor(ms / 1000)} +0000`;
  return {
    ListRepositories: () => ({ repositories: r.commits.length === 0 ? [] : [{ repositoryName: REPO, repositoryId: '6a2b1f3e-0c4d-4e5f-8a9b-abalone00001' }] }),
    GetRepository: (input, ctx) => {
      repo(input.repositoryName);
      return {
        repositoryMetadata: {
          accountId: world.accountId,
          repositoryId: '6a2b1f3e-0c4d-4e5f-8a9b-abalone00001',
          repositoryName: REPO,
          repositoryDescription: 'Abalone model: build, train, evaluate and release',
          defaultBranch: 'main',
          lastModifiedDate: new Date(r.commits[0].time),
          creationDate: new Date(r.commits.at(-1)!.time),
          cloneUrlHttp: `https://git-codecommit.${ctx.region}.amazonaws.com/v1/repos/${REPO}`,
          cloneUrlSsh: `ssh://git-codecommit.${ctx.region}.amazonaws.com/v1/repos/${REPO}`,
          Arn: world.arn('codecommit', ctx.region, REPO),
        },
      };
    },
    GetBranch: (input) => {
      repo(input.repositoryName ?? REPO);
      if (input.branchName !== 'main') throw new AwsError('BranchDoesNotExistException', `Branch '${input.branchName}' does not exist`);
      return { branch: { branchName: 'main', commitId: r.commits[0].id } };
    },
    GetCommit: (input) => {
      repo(input.repositoryName);
      const commit = r.commits.find((c) => c.id === input.commitId);
      if (!commit) throw new AwsError('CommitIdDoesNotExistException', `Commit '${input.commitId}' does not exist`);
      const person = { name: commit.author, email: commit.email, date: date(commit.time) };
      return { commit: { commitId: commit.id, treeId: createHash('sha1').update(`tree${commit.id}`).digest('hex'), parents: commit.parent ? [commit.parent] : [], message: `${commit.message}\n`, author: person, committer: person, additionalData: '' } };
    },
  };
}

function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const r = release(world);
  const now = world.clock.now();
  r.created = now - 30 * DAY;
  const history: Array<[string, string, string, number]> = [
    ['Add evaluation step writing evaluation.json', 'Priya Raman', 'priya.raman@example.com', 1],
    ['Tune XGBoost max_depth to 5 and eta to 0.2', 'Sam Okafor', 'sam.okafor@example.com', 6],
    ['Split abalone data 80/10/10 in preprocessing', 'Priya Raman', 'priya.raman@example.com', 14],
    ['Initial CDK pipeline for the abalone model', 'Sam Okafor', 'sam.okafor@example.com', 29],
  ];
  r.commits = history.map(([message, author, email, ageDays]) => ({ id: createHash('sha1').update(message).digest('hex'), message, author, email, time: now - ageDays * DAY }));
  r.commits.forEach((c, i) => (c.parent = r.commits[i + 1]?.id));
  const execution = (i: number, status: Execution['status'], stageIndex: number, ageHours: number): Execution => ({
    id: `${createHash('md5').update(`execution-${i}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5')}`,
    status,
    start: now - ageHours * 3_600_000,
    commit: r.commits[Math.min(i, r.commits.length - 1)],
    stageIndex,
  });
  const pending = execution(0, 'InProgress', APPROVAL_INDEX, 2);
  pending.approvalToken = createHash('sha256').update(`approval-${pending.id}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5');
  r.executions = [pending, execution(1, 'Succeeded', STAGES.length - 1, 6 * 24), execution(2, 'Failed', 2, 14 * 24), execution(3, 'Succeeded', STAGES.length - 1, 29 * 24)];
  const report = JSON.stringify({ regression_metrics: { rmse: { value: 1.4838999769750487 }, mse: { value: 2.20195914166655 } } }, null, 2);
  for (const e of r.executions) world.s3.put(ARTIFACT_BUCKET, evaluationKey(e.id), report, 'application/json');
  if (scenario === 'large') {
    for (let i = 4; i < 200; i++) r.executions.push(execution(i, i % 5 === 0 ? 'Failed' : 'Succeeded', i % 5 === 0 ? 2 : STAGES.length - 1, 30 * 24 + i * 12));
  }
}

export const releaseModule: ServiceModule = {
  name: 'codecommit and codepipeline release',
  handlers: (world) => ({ codepipeline: pipelineHandlers(world), codecommit: commitHandlers(world) }),
  seed,
};
