// Objects services make on demand (an Autopilot job's reports, a registry version's model.tar.gz) are
// served by resolvers in the S3 store; these listers name them, so that ListObjectsV2 shows exactly
// what GetObject serves (a listed key that then 404s, or a served key never listed, is not S3).
import type { World } from '../world';

/** Keys a service may serve in a bucket; only those the store actually resolves are listed. */
export type VirtualLister = (bucket: string) => string[];

function listers(world: World): VirtualLister[] {
  return world.state('s3.virtualListers', () => [] as VirtualLister[]);
}

export function addVirtualLister(world: World, lister: VirtualLister): void {
  listers(world).push(lister);
}

/** Keys served on demand in `bucket` right now (not stored ones). */
export function virtualKeys(world: World, bucket: string): string[] {
  const stored = world.s3.buckets.get(bucket)?.objects;
  return [...new Set(listers(world).flatMap((list) => list(bucket)))].filter(
    (key) => !stored?.has(key) && world.s3.get(bucket, key) !== undefined,
  );
}
