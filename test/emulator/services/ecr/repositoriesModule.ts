// ECR repositories and images of the account, read the way the training wizard picks an image
// (DescribeRepositories, DescribeImages): the AutoGluon container the seed's CodeBuild pushed, the one
// `sm-docker build` made in Studio, and an untagged leftover.
import { createHash } from 'node:crypto';
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';

interface Image {
  tags: string[];
  pushedAt: number;
  sizeInBytes: number;
  digest: string;
  /** The image its Dockerfile builds FROM: what the emulator knows of what runs inside (never returned). */
  builtFrom?: string;
}

interface Repository {
  name: string;
  createdAt: number;
  images: Image[];
}

export function ecrRepositories(world: World): Map<string, Repository> {
  return world.state('ecr.repositories', () => new Map<string, Repository>());
}

function registryId(world: World): string {
  return world.accountId;
}

function handlers(world: World): Record<string, OperationHandler> {
  const repos = ecrRepositories(world);
  const uriOf = (region: string, name: string) => `${registryId(world)}.dkr.ecr.${region}.amazonaws.com/${name}`;
  return {
    DescribeRepositories: (input, ctx) => {
      const wanted: string[] | undefined = input.repositoryNames;
      const missing = wanted?.find((n) => !repos.has(n));
      if (missing)
        throw new AwsError(
          'RepositoryNotFoundException',
          `The repository with name '${missing}' does not exist in the registry with id '${registryId(world)}'`,
        );
      const all = [...repos.values()]
        .filter((r) => !wanted || wanted.includes(r.name))
        .sort((a, b) => a.name.localeCompare(b.name));
      const { items, NextToken } = page(all, input.nextToken, input.maxResults, 100);
      return {
        repositories: items.map((r) => ({
          repositoryArn: world.arn('ecr', ctx.region, `repository/${r.name}`),
          registryId: registryId(world),
          repositoryName: r.name,
          repositoryUri: uriOf(ctx.region, r.name),
          createdAt: new Date(r.createdAt),
          imageTagMutability: 'MUTABLE',
          imageScanningConfiguration: { scanOnPush: false },
          encryptionConfiguration: { encryptionType: 'AES256' },
        })),
        nextToken: NextToken,
      };
    },
    DescribeImages: (input) => {
      const repo = repos.get(input.repositoryName);
      if (!repo)
        throw new AwsError(
          'RepositoryNotFoundException',
          `The repository with name '${input.repositoryName}' does not exist in the registry with id '${registryId(world)}'`,
        );
      const tagStatus = input.filter?.tagStatus ?? 'ANY';
      const images = repo.images.filter((i) => tagStatus === 'ANY' || (tagStatus === 'TAGGED') === i.tags.length > 0);
      const { items, NextToken } = page(images, input.nextToken, input.maxResults, 100);
      return {
        imageDetails: items.map((i) => ({
          registryId: registryId(world),
          repositoryName: repo.name,
          imageDigest: i.digest,
          imageTags: i.tags.length ? i.tags : undefined,
          imageSizeInBytes: i.sizeInBytes,
          imagePushedAt: new Date(i.pushedAt),
          imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          artifactMediaType: 'application/vnd.docker.container.image.v1+json',
        })),
        nextToken: NextToken,
      };
    },
  };
}

function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const day = 86_400_000;
  const now = world.clock.now();
  const image = (tags: string[], ageDays: number, sizeInBytes: number, builtFrom: string): Image => ({
    tags,
    pushedAt: now - ageDays * day,
    sizeInBytes,
    digest: `sha256:${createHash('sha256')
      .update(`${tags.join(',')}/${ageDays}`)
      .digest('hex')}`,
    builtFrom,
  });
  // Seed 003's Dockerfiles: the AutoGluon ones start FROM AWS's AutoGluon DLC, the serving one from TensorFlow 2.5.
  const autoGluon = '763104351884.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:0.3.1-cpu-py37-ubuntu18.04';
  const tensorFlow = '763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-training:2.5.0-cpu-py37-ubuntu18.04';
  const add = (name: string, ageDays: number, images: Image[]) =>
    ecrRepositories(world).set(name, { name, createdAt: now - ageDays * day, images });
  add('autogluon-training', 30, [
    image(['latest', '0.3.1-abalone-2021-07-05'], 20, 2_913_441_587, autoGluon),
    image(['0.3.1-abalone-2021-07-04'], 21, 2_913_437_204, autoGluon),
    image([], 22, 2_911_802_113, autoGluon),
  ]);
  add('sagemaker-studio-d-abcdefghijkl', 25, [image(['default-1625508201457'], 21, 2_920_118_334, autoGluon)]);
  add('abalone-cicd-pipeline-serve', 60, [
    image(['v3'], 5, 612_004_221, tensorFlow),
    image(['v2'], 30, 611_990_017, tensorFlow),
  ]);
}

export const repositoriesModule: ServiceModule = {
  name: 'ecr repositories',
  handlers: (world) => ({ ecr: handlers(world) }),
  seed,
};
