import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DealPage, DealRow } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import type { ApiClient } from '../api/client';
import type { ListQuery } from './query';

/** Rows per request; the contract allows up to 500. ~9,000px of rows: a few per fling. */
export const PAGE_SIZE = 200;

export const pipelineListKey = (query?: ListQuery, page?: number) =>
  query === undefined ? (['pipeline.list'] as const) : (['pipeline.list', query, page] as const);

export function pageQuery(api: ApiClient, query: ListQuery, page: number) {
  return {
    queryKey: pipelineListKey(query, page),
    queryFn: () =>
      api.invoke('pipeline.list', {
        filter: query.filter,
        sort: query.sort,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    gcTime: 60_000,
    // Only page 0 keeps the previous query's data while a new filter loads: the total
    // and the top rows stay put (dimmed) instead of flashing empty. Deeper pages must
    // never show another page's rows in their place.
    placeholderData: page === 0 ? keepPreviousData : undefined,
  };
}

/** Page 0 alone: the total count and amount for the screen's summary line. */
export function usePipelineSummary(query: ListQuery) {
  const api = useApi();
  return useQuery(pageQuery(api, query, 0));
}

/**
 * The deals behind a virtual window. Filtering, sorting and paging happen in the
 * database; this fetches only the pages that are on screen (plus page 0, which carries
 * the total). Each page is its own query keyed by (query, page): pages scrolled past stay
 * cached for a minute and are then dropped, so memory stays small at 200k deals.
 */
export function usePipelinePages(query: ListQuery, visible: { start: number; end: number }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const first = Math.floor(Math.max(0, visible.start) / PAGE_SIZE);
  const last = Math.floor(Math.max(0, visible.end) / PAGE_SIZE);
  const pages = useMemo(() => {
    const list = [0];
    for (let p = Math.max(first, 1); p <= last; p++) list.push(p);
    return list;
  }, [first, last]);

  const results = useQueries({ queries: pages.map((page) => pageQuery(api, query, page)) });

  const byPage = new Map<number, DealPage>();
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) byPage.set(page, data);
  });
  const head = results[0]!;

  const rowAt = (index: number): DealRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    return byPage.get(page)?.rows[index - page * PAGE_SIZE];
  };

  /**
   * Every row of this query fetched so far, with its index in the list (pages on screen and
   * pages still cached): what "select all" and a selected range take.
   */
  const loadedRows = (): { index: number; row: DealRow }[] =>
    queryClient
      .getQueriesData<DealPage>({ queryKey: ['pipeline.list', query] })
      .filter(([key, page]) => typeof key[2] === 'number' && page !== undefined)
      .sort(([a], [b]) => (a[2] as number) - (b[2] as number))
      .flatMap(([, page]) => page!.rows.map((row, i) => ({ index: page!.offset + i, row })));

  return {
    total: head.data?.total ?? 0,
    totalAmount: head.data?.totalAmount ?? 0,
    rowAt,
    loadedRows,
    isLoading: head.isPending,
    isUpdating: head.isPlaceholderData || (head.isFetching && !head.isPending),
    error: head.error ?? results.find((r) => r.error)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}
