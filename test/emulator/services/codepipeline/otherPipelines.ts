// The large scenario's other CodePipeline pipelines (team-NNN-release): names, a definition and a state
// whose latest run succeeded, enough for the Pipelines view at account scale. The abalone release keeps
// its full model in releaseModule.
import { AwsError } from '../../engine/contract';
import type { World } from '../world';

export interface OtherPipeline {
  name: string;
  created: number;
}

export function otherPipelines(world: World): OtherPipeline[] {
  return world.state('codepipeline.others', () => [] as OtherPipeline[]);
}

export function seedOtherPipelines(world: World, count: number): void {
  const now = world.clock.now();
  for (let i = 1; i <= count; i++)
    otherPipelines(world).push({ name: `team-${String(i).padStart(3, '0')}-release`, created: now - i * 3_600_000 });
}

const STAGES = ['Source', 'Build', 'Deploy'];

export function otherPipelineDefinition(world: World, region: string, name: string) {
  const p = find(world, name);
  return {
    pipeline: {
      name: p.name,
      roleArn: `arn:aws:iam::${world.accountId}:role/${p.name}-role`,
      artifactStore: { type: 'S3', location: `codepipeline-${region}-${world.accountId}` },
      stages: STAGES.map((stage) => ({
        name: stage,
        actions: [
          {
            name: stage,
            actionTypeId: {
              category: stage === 'Source' ? 'Source' : stage,
              owner: 'AWS',
              provider: stage === 'Source' ? 'CodeCommit' : stage === 'Build' ? 'CodeBuild' : 'CloudFormation',
              version: '1',
            },
            runOrder: 1,
            configuration: {},
          },
        ],
      })),
      version: 1,
      pipelineType: 'V2',
      executionMode: 'SUPERSEDED',
    },
    metadata: {
      pipelineArn: world.arn('codepipeline', region, p.name),
      created: new Date(p.created),
      updated: new Date(p.created),
    },
  };
}

export function otherPipelineState(world: World, name: string) {
  const p = find(world, name);
  const executionId = `00000000-0000-4000-8000-${String(otherPipelines(world).indexOf(p)).padStart(12, '0')}`;
  return {
    pipelineName: p.name,
    pipelineVersion: 1,
    stageStates: STAGES.map((stage) => ({
      stageName: stage,
      inboundTransitionState: { enabled: true },
      latestExecution: { pipelineExecutionId: executionId, status: 'Succeeded' },
      actionStates: [
        { actionName: stage, latestExecution: { status: 'Succeeded', lastStatusChange: new Date(p.created) } },
      ],
    })),
    created: new Date(p.created),
    updated: new Date(p.created),
  };
}

export function isOtherPipeline(world: World, name: string): boolean {
  return otherPipelines(world).some((p) => p.name === name);
}

function find(world: World, name: string): OtherPipeline {
  const p = otherPipelines(world).find((x) => x.name === name);
  if (!p)
    throw new AwsError(
      'PipelineNotFoundException',
      `Account '${world.accountId}' does not have a pipeline with name '${name}'`,
    );
  return p;
}
