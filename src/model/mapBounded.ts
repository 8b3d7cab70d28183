// A map over items with at most `limit` calls in flight: a bill of 300 endpoints describes them eight at a time
// rather than 300 at once, which AWS would throttle and the host's sockets would queue anyway.

export const DESCRIBES_IN_FLIGHT = 8;

/** Like Promise.all(items.map(fn)), results in the items' order, but never more than `limit` fn calls at once. */
export async function mapBounded<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  limit = DESCRIBES_IN_FLIGHT,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
