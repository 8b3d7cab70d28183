// The account's ECR images for the training wizard: repositories first (one paginated listing), then the
// images of the one picked (its tags, newest first), so nothing is described that is not shown.
import { paginateDescribeImages, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import type { AwsClients } from '../clients';

const MAX_PAGES = 5;

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
  const out: RepositoryChoice[] = [];
  let pages = 0;
  for await (const page of paginateDescribeRepositories({ client: clients.ecr(), pageSize: 100 }, {})) {
    for (const r of page.repositories ?? []) out.push({ name: r.repositoryName ?? '', uri: r.repositoryUri ?? '', createdAt: r.createdAt });
    if (++pages >= MAX_PAGES) break;
  }
  return out;
}

/** One entry per tag (a tagged image can be picked by any of its tags), newest push first. */
export async function ecrImages(clients: AwsClients, repository: RepositoryChoice): Promise<ImageChoice[]> {
  const out: ImageChoice[] = [];
  let pages = 0;
  for await (const page of paginateDescribeImages({ client: clients.ecr(), pageSize: 100 }, { repositoryName: repository.name })) {
    for (const image of page.imageDetails ?? []) {
      const tags = image.imageTags ?? [];
      const refs = tags.length ? tags.map((t) => `:${t}`) : [`@${image.imageDigest ?? ''}`];
      for (const ref of refs) out.push({ uri: `${repository.uri}${ref}`, tags, pushedAt: image.imagePushedAt, sizeInBytes: image.imageSizeInBytes });
    }
    if (++pages >= MAX_PAGES) break;
  }
  return out.sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0));
}
