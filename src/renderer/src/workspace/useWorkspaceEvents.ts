import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../api/ApiProvider';
import { dealKey } from '../deal/useDeal';
import { PLANS_KEY } from '../plans/usePlans';

/**
 * The backend announces changes made through it (an import in another window or tab, a
 * note, later a sync): refetch what is on screen. (Changes by another process, such as
 * `funnel import` on the command line, show after a reload.) A notes change only
 * touches deal details and a plans change the plans area, so the (expensive) deal list
 * stays cached.
 */
export function useWorkspaceEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('workspace.changed', ({ reason }) => {
        if (reason === 'notes') void queryClient.invalidateQueries({ queryKey: dealKey() });
        else if (reason === 'plans') {
          // Plans, contacts and their badges; the deals and the figures are untouched.
          void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
          void queryClient.invalidateQueries({ queryKey: ['review.get'] });
        } else void queryClient.invalidateQueries();
      }),
    [api, queryClient],
  );
  // The deals table is listed before the analytics snapshot of a large workspace is built;
  // once it is, the rows are fetched again with their attention flags.
  useEffect(
    () =>
      api.on('analytics.ready', () => void queryClient.invalidateQueries({ queryKey: ['pipeline.list'] })),
    [api, queryClient],
  );
}
