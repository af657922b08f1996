import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DealPlanState } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { planKeys } from './usePlans';

const EMPTY = new Map<string, DealPlanState>();

/**
 * The plan state of the deals on screen (the pipeline table's rendered rows, presenter
 * cards): one `plans.states` call per set of ids, the last answer kept while the next
 * loads so the badges do not blink while scrolling.
 */
export function usePlanStates(dealIds: readonly string[]): Map<string, DealPlanState> {
  const api = useApi();
  const ids = useMemo(() => [...new Set(dealIds)].sort(), [dealIds]);
  const query = useQuery({
    queryKey: planKeys.states(ids),
    queryFn: () => api.invoke('plans.states', { dealIds: ids }),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => (query.data ? new Map(query.data.map((s) => [s.dealId, s])) : EMPTY), [query.data]);
}
