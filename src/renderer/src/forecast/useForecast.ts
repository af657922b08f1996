import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccuracyInput, ForecastScope, Quota, ReportScope, SnapshotScope } from '@shared/contract';
import { useApi } from '../api/ApiProvider';

/**
 * The Forecast view's reads and writes. Reads keep the previous figures on screen while a
 * new scope is computed (no flashing empty panels); a write's `workspace.changed` event
 * refetches every query, and each mutation also refetches its own area when it settles.
 */

export function useForecastRange(scope: ForecastScope | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['forecast.range', scope],
    queryFn: () => api.invoke('forecast.range', scope!),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useModelForecast(scope: ForecastScope | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['model.forecast', scope],
    queryFn: () => api.invoke('model.forecast', scope!),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useModelSummary(scope: ReportScope | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['model.summary', scope],
    queryFn: () => api.invoke('model.summary', scope!),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The backtest: seconds on a large workspace, so it is asked only when its tab is open. */
export function useForecastAccuracy(input: AccuracyInput | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['forecast.accuracy', input],
    queryFn: () => api.invoke('forecast.accuracy', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useSnapshots(scope: SnapshotScope | null, quarter: string) {
  const api = useApi();
  const input = scope && { ...scope, quarter };
  return useQuery({
    queryKey: ['forecast.snapshots', input],
    queryFn: () => api.invoke('forecast.snapshots', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTakeSnapshot() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: SnapshotScope) => api.invoke('forecast.snapshot', scope),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['forecast.snapshots'] }),
  });
}

export function useQuotas(quarter: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['quotas.list', quarter],
    queryFn: () => api.invoke('quotas.list', { quarters: [quarter] }),
  });
}

/** One batch of quota changes (amount null removes the row); the whole batch or none of it. */
export function useSaveQuotas() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quotas: (Omit<Quota, 'amount'> & { amount: number | null })[]) =>
      api.invoke('quotas.save', { quotas }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['quotas.list'] }),
        queryClient.invalidateQueries({ queryKey: ['report.forecast'] }),
      ]),
  });
}
