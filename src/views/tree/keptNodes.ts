// Sources whose nodes live across re-renders (Load more, polling, a describe arriving), so an expanded
// resource keeps what it listed or described. The provider's `groups` hook runs on the first listing and
// after every full refresh (filter, refresh button, region change): that is where the kept nodes are
// dropped and where the provider introduces itself, so a node can ask to be re-rendered.
import type { AwsSession } from '../../session/awsSession';
import type { ExplorerNode } from './explorerNode';
import type { ListSource, ResourceListProvider } from './resourceListProvider';

export type NodeChanged = (node: ExplorerNode) => void;

export interface KeptNodes<T, N extends ExplorerNode> {
  /** Stable id of the item's node in this region. */
  idOf(item: T, region: string): string;
  create(item: T, region: string, changed: NodeChanged): N;
  /** A newer list result for a kept node. */
  update?(node: N, item: T): void;
  /** Groups shown with the list; made after each full refresh. */
  groups?(changed: NodeChanged, provider: ResourceListProvider<T>): ExplorerNode[];
}

export function withKeptNodes<T, N extends ExplorerNode>(
  session: AwsSession,
  source: Omit<ListSource<T>, 'toNode' | 'groups'>,
  kept: KeptNodes<T, N>,
): ListSource<T> & { nodes(): Iterable<N> } {
  let provider: ResourceListProvider<T> | undefined;
  const nodes = new Map<string, N>();
  const changed: NodeChanged = (node) => provider?.refresh(node);
  return {
    ...source,
    nodes: () => nodes.values(),
    toNode: (item) => {
      const region = session.current.region;
      const id = kept.idOf(item, region);
      const existing = nodes.get(id);
      if (existing) {
        kept.update?.(existing, item);
        return existing;
      }
      const node = kept.create(item, region, changed);
      nodes.set(id, node);
      return node;
    },
    groups: (p) => {
      provider = p;
      nodes.clear();
      return kept.groups?.(changed, p) ?? [];
    },
  };
}
