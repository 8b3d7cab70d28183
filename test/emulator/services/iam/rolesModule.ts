// IAM roles, listed the way the create-notebook wizard reads them (ListRoles, query protocol): the
// execution roles of the seeds, which SageMaker may assume, and a Lambda role it may not.
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';

interface Role {
  name: string;
  path: string;
  trustedService: string;
  created: Date;
  description?: string;
}

function roles(world: World): Role[] {
  return world.state('iam.roles', () => [] as Role[]);
}

function trustPolicy(service: string): string {
  return encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }));
}

function handlers(world: World): Record<string, OperationHandler> {
  return {
    ListRoles: (input) => {
      const all = roles(world).filter((r) => !input.PathPrefix || r.path.startsWith(input.PathPrefix)).sort((a, b) => a.name.localeCompare(b.name));
      const start = input.Marker ? Number(Buffer.from(input.Marker, 'base64').toString('utf8')) : 0;
      if (!Number.isInteger(start) || start < 0) throw new AwsError('ValidationError', 'Invalid Marker.');
      const max = input.MaxItems ?? 100;
      const page = all.slice(start, start + max);
      const more = start + max < all.length;
      return {
        Roles: page.map((r) => ({
          Path: r.path,
          RoleName: r.name,
          RoleId: `AROA${Buffer.from(r.name).toString('hex').toUpperCase().slice(0, 17).padEnd(17, 'X')}`,
          Arn: world.arn('iam', '', `role${r.path}${r.name}`),
          CreateDate: r.created,
          AssumeRolePolicyDocument: trustPolicy(r.trustedService),
          Description: r.description,
          MaxSessionDuration: 3600,
        })),
        IsTruncated: more,
        Marker: more ? Buffer.from(String(start + max)).toString('base64') : undefined,
      };
    },
  };
}

function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const day = 86_400_000;
  const add = (name: string, path: string, trustedService: string, ageDays: number, description?: string) =>
    roles(world).push({ name, path, trustedService, created: new Date(world.clock.now() - ageDays * day), description });
  add('sm-notebook-instance-role', '/', 'sagemaker.amazonaws.com', 40, 'Terraform: notebook instances of the fraud detection stack');
  add('AmazonSageMaker-ExecutionRole-20210705T170715', '/service-role/', 'sagemaker.amazonaws.com', 500, 'SageMaker execution role');
  add('abalone-cicd-pipeline-SageMakerRole', '/', 'sagemaker.amazonaws.com', 60, 'Training, processing and endpoints of the abalone pipeline');
  add('abalone-cicd-pipeline-CodeBuildRole', '/', 'codebuild.amazonaws.com', 60);
  add('fraud-detection-lambda-role', '/', 'lambda.amazonaws.com', 40);
}

export const rolesModule: ServiceModule = { name: 'iam roles', handlers: (world) => ({ iam: handlers(world) }), seed };
