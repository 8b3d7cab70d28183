// CodeCommit repositories made with CreateRepository (seed 003 starts with `aws codecommit
// create-repository`): empty until pushed to, so no default branch and no branches. The seeded
// abalone repository lives with its pipeline in codepipeline/releaseModule.ts, which lists these too.
import { createHash } from 'node:crypto';
import { AwsError, type OperationHandler } from '../../engine/contract';
import type { World } from '../world';

export interface CreatedRepository {
  name: string;
  id: string;
  description?: string;
  region: string;
  created: Date;
}

export function createdRepositories(world: World): Map<string, CreatedRepository> {
  return world.state('codecommit.created', () => new Map<string, CreatedRepository>());
}

export function repositoryMetadata(world: World, r: CreatedRepository) {
  return {
    accountId: world.accountId,
    repositoryId: r.id,
    repositoryName: r.name,
    repositoryDescription: r.description,
    lastModifiedDate: r.created,
    creationDate: r.created,
    cloneUrlHttp: `https://git-codecommit.${r.region}.amazonaws.com/v1/repos/${r.name}`,
    cloneUrlSsh: `ssh://git-codecommit.${r.region}.amazonaws.com/v1/repos/${r.name}`,
    Arn: world.arn('codecommit', r.region, r.name),
  };
}

/** `taken` tells whether another module already holds a repository of that name (the seeded one). */
export function createRepositoryHandler(world: World, taken: (name: string) => boolean): OperationHandler {
  return (input, ctx) => {
    const name: string = input.repositoryName;
    // The model's pattern allows it, but CodeCommit refuses a name ending in .git (its clone URLs add it).
    if (/\.git$/i.test(name))
      throw new AwsError('InvalidRepositoryNameException', 'A repository name cannot end with .git');
    if (createdRepositories(world).has(name) || taken(name))
      throw new AwsError('RepositoryNameExistsException', `Repository named ${name} already exists`);
    const hex = createHash('md5').update(`${ctx.region}/${name}`).digest('hex');
    const r: CreatedRepository = {
      name,
      id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
      description: input.repositoryDescription,
      region: ctx.region,
      created: world.now(),
    };
    createdRepositories(world).set(name, r);
    return { repositoryMetadata: repositoryMetadata(world, r) };
  };
}
