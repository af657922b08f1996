import type { DealFilter, DealQuery, DealSortColumn, DealStatus } from '@shared/contract';
import type { AttentionFlag } from '@shared/domain/attention';

/** What the filter bar holds; empty lists mean "any". */
export interface FilterState {
  search: string;
  /** Open deals by default: the pipeline a manager manages; won/lost/all on request. */
  status: DealStatus;
  teams: string[];
  owners: string[];
  stages: string[];
  closeQuarter: string | null;
  forecastCategories: string[];
  stalledOnly: boolean;
  /** Deals with any of these attention flags. */
  flags: AttentionFlag[];
}

export const EMPTY_FILTER: FilterState = {
  search: '',
  status: 'open',
  teams: [],
  owners: [],
  stages: [],
  closeQuarter: null,
  forecastCategories: [],
  stalledOnly: false,
  flags: [],
};

export interface SortState {
  column: DealSortColumn;
  direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: SortState = { column: 'amount', direction: 'desc' };

/** Numbers and dates read best largest/latest first on the first click; text A→Z. */
const DESC_FIRST: ReadonlySet<DealSortColumn> = new Set(['amount', 'daysInStage', 'updatedAt']);

export function nextSort(current: SortState, column: DealSortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: DESC_FIRST.has(column) ? 'desc' : 'asc' };
}

export function isFiltered(f: FilterState): boolean {
  return (
    f.search.trim() !== '' ||
    f.status !== EMPTY_FILTER.status ||
    f.teams.length > 0 ||
    f.owners.length > 0 ||
    f.stages.length > 0 ||
    f.closeQuarter !== null ||
    f.forecastCategories.length > 0 ||
    f.stalledOnly ||
    f.flags.length > 0
  );
}

/**
 * The wire filter: only what is set, so equal filters give equal query keys (and hit
 * the same cached pages) however the person got there.
 */
export function toDealFilter(f: FilterState, search: string): DealFilter {
  const filter: DealFilter = {};
  const s = search.trim();
  if (s) filter.search = s.slice(0, 200);
  if (f.status !== 'all') filter.status = f.status;
  if (f.teams.length) filter.teams = [...f.teams].sort();
  if (f.owners.length) filter.owners = [...f.owners].sort();
  if (f.stages.length) filter.stages = [...f.stages].sort();
  if (f.closeQuarter) filter.closeQuarter = f.closeQuarter;
  if (f.forecastCategories.length) filter.forecastCategories = [...f.forecastCategories].sort();
  if (f.stalledOnly) filter.stalledOnly = true;
  if (f.flags.length) filter.flags = [...f.flags].sort();
  return filter;
}

export type ListQuery = Required<Pick<DealQuery, 'filter' | 'sort'>>;
