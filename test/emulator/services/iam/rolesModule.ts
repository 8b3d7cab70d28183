// IAM roles, listed the way the create-notebook wizard reads them (ListRoles, query protocol): the
// execution roles of the seeds, which SageMaker may assume, and a Lambda role it may not. CreateRole
// (seed 003 makes its pipeline roles) checks the trust policy and name as IAM does.
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';
import { checkTrustPolicy } from './trustPolicy';

interface Role {
  name: string;
  path: string;
  trustedService: string;
  created: Date;
  description?: string;
  /** The trust policy as CreateRole received it; seeded roles trust `trustedService` alone. */
  document?: string;
  maxSessionDuration?: number;
}

function roles(world: World): Role[] {
  return world.state('iam.roles', () => [] as Role[]);
}

function trustPolicy(service: string): string {
  return encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
    }),
  );
}

function roleOut(world: World, r: Role) {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: `AROA${Buffer.from(r.name).toString('hex').toUpperCase().slice(0, 17).padEnd(17, 'X')}`,
    Arn: world.arn('iam', '', `role${r.path}${r.name}`),
    CreateDate: r.created,
    AssumeRolePolicyDocument: r.document !== undefined ? encodeURIComponent(r.document) : trustPolicy(r.trustedService),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration ?? 3600,
  };
}

function handlers(world: World): Record<string, OperationHandler> {
  return {
    CreateRole: (input) => {
      // IAM names are unique regardless of case: PRODROLE and prodrole cannot both exist.
      if (roles(world).some((r) => r.name.toLowerCase() === input.RoleName.toLowerCase()))
        throw new AwsError('EntityAlreadyExists', `Role with name ${input.RoleName} already exists.`, 409);
      checkTrustPolicy(input.AssumeRolePolicyDocument);
      const role: Role = {
        name: input.RoleName,
        path: input.Path ?? '/',
        trustedService: '',
        created: world.now(),
        description: input.Description,
        document: input.AssumeRolePolicyDocument,
        maxSessionDuration: input.MaxSessionDuration,
      };
      roles(world).push(role);
      return { Role: roleOut(world, role) };
    },
    ListRoles: (input) => {
      const all = roles(world)
        .filter((r) => !input.PathPrefix || r.path.startsWith(input.PathPrefix))
        .sort((a, b) => a.name.localeCompare(b.name));
      const start = input.Marker ? Number(Buffer.from(input.Marker, 'base64').toString('utf8')) : 0;
      if (!Number.isInteger(start) || start < 0) throw new AwsError('ValidationError', 'Invalid Marker.');
      const max = input.MaxItems ?? 100;
      const page = all.slice(start, start + max);
      const more = start + max < all.length;
      return {
        Roles: page.map((r) => roleOut(world, r)),
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
    roles(world).push({
      name,
      path,
      trustedService,
      created: new Date(world.clock.now() - ageDays * day),
      description,
    });
  add(
    'sm-notebook-instance-role',
    '/',
    'sagemaker.amazonaws.com',
    40,
    'Terraform: notebook instances of the fraud detection stack',
  );
  add(
    'AmazonSageMaker-ExecutionRole-20210705T170715',
    '/service-role/',
    'sagemaker.amazonaws.com',
    500,
    'SageMaker execution role',
  );
  add(
    'abalone-cicd-pipeline-SageMakerRole',
    '/',
    'sagemaker.amazonaws.com',
    60,
    'Training, processing and endpoints of the abalone pipeline',
  );
  add('abalone-cicd-pipeline-CodeBuildRole', '/', 'codebuild.amazonaws.com', 60);
  add('fraud-detection-lambda-role', '/', 'lambda.amazonaws.com', 40);
}

export const rolesModule: ServiceModule = { name: 'iam roles', handlers: (world) => ({ iam: handlers(world) }), seed };
