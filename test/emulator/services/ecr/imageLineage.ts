// Which framework a container image runs, from what the emulator knows of it rather than from its
// name: AWS's Deep Learning Containers by registry and repository, and images in this account's ECR by
// the image their Dockerfile was built FROM (seed 003's `sm-docker build` in Studio, its CodeBuild).
import type { World } from '../world';
import { ecrRepositories } from './repositoriesModule';

/** AWS's AutoGluon Deep Learning Containers (training and inference), in the DLC account of the regions the seeds use. */
const AUTOGLUON_DLC = /^763104351884\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/autogluon-(training|inference)[:@]/;

/** The image an account ECR URI names (by tag, `latest` when none, or by digest), when it was pushed. */
function accountImage(world: World, uri: string) {
  const match = /^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]+))?$/.exec(
    uri,
  );
  if (!match || match[1] !== world.accountId) return undefined;
  const [, , name, tag, digest] = match;
  return ecrRepositories(world)
    .get(name)
    ?.images.find((i) => (digest ? i.digest === digest : i.tags.includes(tag ?? 'latest')));
}

export function isAutoGluonImage(world: World, uri: string, depth = 0): boolean {
  if (AUTOGLUON_DLC.test(uri)) return true;
  const base = depth < 5 ? accountImage(world, uri)?.builtFrom : undefined;
  return base !== undefined && isAutoGluonImage(world, base, depth + 1);
}
