import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssumptionsSave, HorizonsInput } from '@shared/contract';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../api/ApiProvider';

/**
 * The Horizons tab's reads and writes. One horizon is asked at a time (its figures are the
 * same as when all three are asked together, and it is a third of the work); the previous
 * figures stay on screen while another horizon or scope is computed, so the chart does not
 * flash empty.
 */
export const horizonsQuery = (api: ApiClient, input: HorizonsInput) => ({
  queryKey: ['forecast.horizons', input] as const,
  queryFn: () => api.invoke('forecast.horizons', input),
  staleTime: 60_000,
});

export function useHorizons(input: HorizonsInput) {
  const api = useApi();
  return useQuery({ ...horizonsQuery(api, input), placeholderData: keepPreviousData });
}

/** Who saved assumptions belong to: the organisation, a team, a rep (of a team). */
export type AssumptionScope = Pick<AssumptionsSave, 'team' | 'owner'>;

/** What is saved for exactly this scope (every horizon's assumptions, not only the shown ones). */
export function useSavedAssumptions(scope: AssumptionScope) {
  const api = useApi();
  return useQuery({
    queryKey: ['forecast.assumptions', scope],
    queryFn: () => api.invoke('forecast.assumptions', scope),
  });
}

function useRefetchAssumptions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['forecast.horizons'] }),
      queryClient.invalidateQueries({ queryKey: ['forecast.assumptions'] }),
    ]);
}

export function useSaveAssumptions() {
  const api = useApi();
  const refetch = useRefetchAssumptions();
  return useMutation({
    mutationFn: (input: AssumptionsSave) => api.invoke('forecast.assumptions.save', input),
    onSettled: refetch,
  });
}

export function useResetAssumptions() {
  const api = useApi();
  const refetch = useRefetchAssumptions();
  return useMutation({
    mutationFn: (scope: AssumptionScope) => api.invoke('forecast.assumptions.reset', scope),
    onSettled: refetch,
  });
}
