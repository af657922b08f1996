import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../api/ApiProvider';
import { dealKey } from '../deal/useDeal';

/**
 * The backend announces changes made elsewhere (an import in another window, a sync,
 * `funnel import` on the command line): refetch what is on screen. A notes change only
 * touches deal details, so the (expensive) deal list stays cached.
 */
export function useWorkspaceEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('workspace.changed', ({ reason }) => {
        if (reason === 'notes') void queryClient.invalidateQueries({ queryKey: dealKey() });
        else void queryClient.invalidateQueries();
      }),
    [api, queryClient],
  );
}
