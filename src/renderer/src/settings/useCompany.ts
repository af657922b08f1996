import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompanySettings, InputOf } from '@shared/contract';
import { useApi } from '../api/ApiProvider';

export const companyKey = ['company'] as const;

/** The workspace's company name and logo (company.get). */
export function useCompany() {
  const api = useApi();
  return useQuery({ queryKey: companyKey, queryFn: () => api.invoke('company.get', {}) });
}

/** Saves a change (company.set); what the backend kept becomes the screen's state. */
export function useSaveCompany() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<CompanySettings, Error, InputOf<'company.set'>>({
    mutationFn: (change) => api.invoke('company.set', change),
    onSuccess: (saved) => queryClient.setQueryData(companyKey, saved),
  });
}
