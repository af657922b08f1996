import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';

/** The model's win probability of one deal at the workspace's now, with its top factors. */
export function useWinProbability(dealId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['model.deal', dealId],
    queryFn: () => api.invoke('model.deal', { dealId }),
    staleTime: 60_000,
  });
}

/** A probability as a whole percent, the way the drawer and the slide write it. */
export const percent = (p: number): number => Math.round(p * 100);
