import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';

export const workspaceKey = ['workspace.info'] as const;

/** The open workspace: demo or real, currency, "now". */
export function useWorkspace() {
  const api = useApi();
  return useQuery({ queryKey: workspaceKey, queryFn: () => api.invoke('workspace.info', {}) });
}
