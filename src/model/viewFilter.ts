// Per-view filter and sort, remembered per workspace. Passed to the list call (NameContains, StatusEquals,
// SortBy) wherever the API has them, so filtering a big account is still one call for the first page.
import * as l10n from '@vscode/l10n';

export type SortKey = 'newest' | 'oldest' | 'name';

export interface ViewFilter {
  nameContains?: string;
  status?: string;
  sort: SortKey;
}

export const DEFAULT_FILTER: ViewFilter = { sort: 'newest' };

export function isFiltered(filter: ViewFilter): boolean {
  return !!filter.nameContains || !!filter.status;
}

/** One line for the view's title bar description, e.g. `"abalone" · InProgress`. */
export function describeFilter(filter: ViewFilter): string | undefined {
  const parts: string[] = [];
  if (filter.nameContains) parts.push(`"${filter.nameContains}"`);
  if (filter.status) parts.push(filter.status);
  if (filter.sort !== 'newest') parts.push(filter.sort === 'name' ? l10n.t('by name') : l10n.t('oldest first'));
  return parts.length ? parts.join(' · ') : undefined;
}

/** SageMaker list calls: SortBy/SortOrder values for our sort keys. */
export function sageMakerSort(
  filter: ViewFilter,
  nameKey = 'Name',
  timeKey = 'CreationTime',
): { SortBy: string; SortOrder: 'Ascending' | 'Descending' } {
  switch (filter.sort) {
    case 'name':
      return { SortBy: nameKey, SortOrder: 'Ascending' };
    case 'oldest':
      return { SortBy: timeKey, SortOrder: 'Ascending' };
    default:
      return { SortBy: timeKey, SortOrder: 'Descending' };
  }
}

/** For lists the API cannot filter: the same rules applied locally. */
export function matchesFilter(name: string, status: string | undefined, filter: ViewFilter): boolean {
  if (filter.nameContains && !name.toLowerCase().includes(filter.nameContains.toLowerCase())) return false;
  if (filter.status && status !== filter.status) return false;
  return true;
}
