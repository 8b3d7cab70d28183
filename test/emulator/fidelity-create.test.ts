// The creates seed 003 runs before its pipeline exists: `aws codecommit create-repository` and the IAM
// roles, with the errors AWS answers (name taken, malformed trust policy, names outside the model).
import * as assert from 'node:assert/strict';
import * as commitSdk from '@aws-sdk/client-codecommit';
import * as iamSdk from '@aws-sdk/client-iam';
import { credentials, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

describe('emulator create fidelity (CodeCommit, IAM)', function () {
  let emulator: RunningEmulator;
  let commits: commitSdk.CodeCommitClient;
  let iam: iamSdk.IAMClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    const common = { endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 };
    commits = new commitSdk.CodeCommitClient(common);
    iam = new iamSdk.IAMClient(common);
  });
  afterEach(async () => emulator.close());

  const errorOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: Error) => e.name,
    );

  it('CodeCommit CreateRepository makes an empty repository, and refuses a name taken or malformed', async () => {
    const made = await commits.send(
      new commitSdk.CreateRepositoryCommand({ repositoryName: 'mlops-airflow', repositoryDescription: 'Airflow DAGs' }),
    );
    assert.equal(
      made.repositoryMetadata?.cloneUrlHttp,
      'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/mlops-airflow',
    );
    assert.equal(made.repositoryMetadata?.defaultBranch, undefined, 'an empty repository has no default branch');
    const listed = await commits.send(new commitSdk.ListRepositoriesCommand({}));
    assert.deepEqual(
      listed.repositories?.map((r) => r.repositoryName),
      ['abalone-cicd-pipeline', 'mlops-airflow'],
      'sorted by name, ascending',
    );
    const got = await commits.send(new commitSdk.GetRepositoryCommand({ repositoryName: 'mlops-airflow' }));
    assert.equal(got.repositoryMetadata?.repositoryDescription, 'Airflow DAGs');
    assert.deepEqual(
      (await commits.send(new commitSdk.ListBranchesCommand({ repositoryName: 'mlops-airflow' }))).branches,
      [],
    );
    assert.equal(
      await errorOf(commits.send(new commitSdk.CreateRepositoryCommand({ repositoryName: 'mlops-airflow' }))),
      'RepositoryNameExistsException',
    );
    assert.equal(
      await errorOf(commits.send(new commitSdk.CreateRepositoryCommand({ repositoryName: 'abalone-cicd-pipeline' }))),
      'RepositoryNameExistsException',
    );
    assert.ok(
      await errorOf(commits.send(new commitSdk.CreateRepositoryCommand({ repositoryName: 'has space' }))),
      'the model pattern [\\w.-]+',
    );
    assert.ok(
      await errorOf(commits.send(new commitSdk.CreateRepositoryCommand({ repositoryName: 'x'.repeat(101) }))),
      'at most 100 characters',
    );
    assert.equal(
      await errorOf(commits.send(new commitSdk.CreateRepositoryCommand({ repositoryName: 'repo.git' }))),
      'InvalidRepositoryNameException',
    );
  });

  it('IAM CreateRole keeps the trust policy, refuses a taken name (any case) and malformed policies', async () => {
    const made = await iam.send(
      new iamSdk.CreateRoleCommand({
        RoleName: 'abalone-build-role',
        AssumeRolePolicyDocument: TRUST,
        Path: '/service-role/',
      }),
    );
    assert.equal(made.Role?.Arn, 'arn:aws:iam::123456789012:role/service-role/abalone-build-role');
    assert.equal(decodeURIComponent(made.Role?.AssumeRolePolicyDocument ?? ''), TRUST);
    assert.equal(made.Role?.MaxSessionDuration, 3600);
    const listed = await iam.send(new iamSdk.ListRolesCommand({ PathPrefix: '/service-role/' }));
    assert.ok(listed.Roles?.some((r) => r.RoleName === 'abalone-build-role'));
    assert.equal(
      await errorOf(
        iam.send(new iamSdk.CreateRoleCommand({ RoleName: 'ABALONE-BUILD-ROLE', AssumeRolePolicyDocument: TRUST })),
      ),
      'EntityAlreadyExistsException',
    );
    assert.equal(
      await errorOf(
        iam.send(new iamSdk.CreateRoleCommand({ RoleName: 'bad-json', AssumeRolePolicyDocument: '{"Statement": [' })),
      ),
      'MalformedPolicyDocumentException',
    );
    const withResource = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' },
      ],
    });
    assert.equal(
      await errorOf(
        iam.send(new iamSdk.CreateRoleCommand({ RoleName: 'with-resource', AssumeRolePolicyDocument: withResource })),
      ),
      'MalformedPolicyDocumentException',
    );
    const noPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }],
    });
    assert.equal(
      await errorOf(
        iam.send(new iamSdk.CreateRoleCommand({ RoleName: 'no-principal', AssumeRolePolicyDocument: noPrincipal })),
      ),
      'MalformedPolicyDocumentException',
    );
    assert.ok(
      await errorOf(
        iam.send(new iamSdk.CreateRoleCommand({ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: TRUST })),
      ),
      'at most 64 characters',
    );
    assert.ok(
      await errorOf(iam.send(new iamSdk.CreateRoleCommand({ RoleName: 'bad/name', AssumeRolePolicyDocument: TRUST }))),
      'the model pattern [\\w+=,.@-]+',
    );
  });
});
