// The account's ECR images for the training wizard: repositories first (one paginated listing), then the
// images of the one picked (its tags, newest first), so nothing is described that is not shown.
import type { AwsClients } from '../clients';
import { firstPages } from '../firstPages';

export interface RepositoryChoice {
  name: string;
  uri: string;
  createdAt?: Date;
}

export interface ImageChoice {
  /** Image URI with its tag (or digest when untagged). */
  uri: string;
  tags: string[];
  pushedAt?: Date;
  sizeInBytes?: number;
}

export async function ecrRepositories(clients: AwsClients): Promise<RepositoryChoice[]> {
  const { paginateDescribeRepositories } = await import('./ecrSdk.js');
  return firstPages(paginateDescribeRepositories({ client: await clients.ecr(), pageSize: 100 }, {}), (page) =>
    (page.repositories ?? []).map((r) => ({
      name: r.repositoryName ?? '',
      uri: r.repositoryUri ?? '',
      createdAt: r.createdAt,
    })),
  );
}

/** One entry per tag (a tagged image can be picked by any of its tags), newest push first. */
export async function ecrImages(clients: AwsClients, repository: RepositoryChoice): Promise<ImageChoice[]> {
  const { paginateDescribeImages } = await import('./ecrSdk.js');
  const images = await firstPages(
    paginateDescribeImages({ client: await clients.ecr(), pageSize: 100 }, { repositoryName: repository.name }),
    (page) => page.imageDetails ?? [],
  );
  const out = images.flatMap((image) => {
    const tags = image.imageTags ?? [];
    const refs = tags.length ? tags.map((t) => `:${t}`) : [`@${image.imageDigest ?? ''}`];
    return refs.map((ref): ImageChoice => ({
      uri: `${repository.uri}${ref}`,
      tags,
      pushedAt: image.imagePushedAt,
      sizeInBytes: image.imageSizeInBytes,
    }));
  });
  return out.sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0));
}
