import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AppChannel, InputOf, ResultOf } from '@shared/contract';
import { useApi } from '../api/ApiProvider';

type ReportChannel = Extract<AppChannel, `report.${string}`>;

/**
 * One report from the engine, cached by its input; a change to the workspace refetches
 * (workspace.changed invalidates every query), and the previous figures stay on screen
 * while new ones are computed, so charts do not flash empty when a filter changes.
 */
export function useReport<K extends ReportChannel>(channel: K, input: InputOf<K> | null) {
  const api = useApi();
  return useQuery({
    queryKey: [channel, input],
    queryFn: () => api.invoke(channel, input!) as Promise<ResultOf<K>>,
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
