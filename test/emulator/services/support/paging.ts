// Pagination and list filters the way SageMaker list operations behave: opaque NextToken,
// MaxResults bounded by the model, NameContains/StatusEquals/time filters, SortBy/SortOrder.
import { AwsError } from '../../engine/contract';

export function page<T>(
  items: T[],
  nextToken: unknown,
  maxResults: unknown,
  defaultMax = 10,
): { items: T[]; NextToken?: string } {
  let offset = 0;
  if (typeof nextToken === 'string' && nextToken !== '') {
    try {
      offset = JSON.parse(Buffer.from(nextToken, 'base64').toString('utf8')).offset;
    } catch {
      offset = NaN;
    }
    if (!Number.isInteger(offset) || offset < 0) throw new AwsError('ValidationException', 'Invalid pagination token');
  }
  const size = typeof maxResults === 'number' ? maxResults : defaultMax;
  const slice = items.slice(offset, offset + size);
  const next =
    offset + size < items.length
      ? Buffer.from(JSON.stringify({ offset: offset + size })).toString('base64')
      : undefined;
  return { items: slice, NextToken: next };
}

export interface Listable {
  name: string;
  status?: string;
  creationTime: Date;
}

export interface ListInput {
  NameContains?: string;
  StatusEquals?: string;
  CreationTimeAfter?: Date;
  CreationTimeBefore?: Date;
  LastModifiedTimeAfter?: Date;
  LastModifiedTimeBefore?: Date;
  SortBy?: string;
  SortOrder?: string;
}

/** Filters and sorts; default order is CreationTime descending as in SageMaker. */
export function filterAndSort<T>(items: T[], input: ListInput, view: (item: T) => Listable): T[] {
  const needle = input.NameContains?.toLowerCase();
  const filtered = items.filter((item) => {
    const v = view(item);
    if (needle && !v.name.toLowerCase().includes(needle)) return false;
    if (input.StatusEquals && v.status !== input.StatusEquals) return false;
    if (input.CreationTimeAfter && v.creationTime <= input.CreationTimeAfter) return false;
    if (input.CreationTimeBefore && v.creationTime >= input.CreationTimeBefore) return false;
    return true;
  });
  const by = input.SortBy ?? 'CreationTime';
  const direction = (input.SortOrder ?? 'Descending') === 'Ascending' ? 1 : -1;
  const key = (item: T): string | number => {
    const v = view(item);
    if (by === 'Name') return v.name;
    if (by === 'Status') return v.status ?? '';
    return v.creationTime.getTime();
  };
  return [...filtered].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * direction;
  });
}
