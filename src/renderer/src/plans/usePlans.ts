import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppChannel, InputOf, ResultOf } from '@shared/contract';
import { useApi } from '../api/ApiProvider';

/**
 * Every query of this area starts with `plans`, so one invalidation refreshes what a
 * plan write can change (the workspace events do the same for writes in other windows)
 * without refetching the deals table.
 */
export const PLANS_KEY = ['plans'] as const;
export const planKeys = {
  forDeal: (dealId: string) => ['plans', 'forDeal', dealId] as const,
  plan: (id: number, lang: string) => ['plans', 'get', id, lang] as const,
  draft: (dealId: string, lang: string) => ['plans', 'draft', dealId, lang] as const,
  queue: ['plans', 'queue'] as const,
  states: (ids: readonly string[]) => ['plans', 'states', ids] as const,
  contacts: (dealId: string) => ['plans', 'contacts', dealId] as const,
  playbook: ['plans', 'playbook'] as const,
};

/** The language plans are asked for in (the standard actions' texts follow it). */
export const planLang = (language: string): 'zh-CN' | 'en' => (language.startsWith('zh') ? 'zh-CN' : 'en');

export function useDealPlans(dealId: string) {
  const api = useApi();
  return useQuery({
    queryKey: planKeys.forDeal(dealId),
    queryFn: () => api.invoke('plans.forDeal', { dealId }),
  });
}

export function usePlan(id: number | null, lang: 'zh-CN' | 'en') {
  const api = useApi();
  return useQuery({
    queryKey: planKeys.plan(id ?? 0, lang),
    queryFn: () => api.invoke('plans.get', { planId: id!, lang }),
    enabled: id !== null,
  });
}

/** A new plan prefilled from the deal's stage; asked afresh each time the editor opens. */
export function usePlanDraft(dealId: string | null, lang: 'zh-CN' | 'en') {
  const api = useApi();
  return useQuery({
    queryKey: planKeys.draft(dealId ?? '', lang),
    queryFn: () => api.invoke('plans.draft', { dealId: dealId!, lang }),
    enabled: dealId !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useBuyingCentre(dealId: string) {
  const api = useApi();
  return useQuery({
    queryKey: planKeys.contacts(dealId),
    queryFn: () => api.invoke('contacts.list', { dealId }),
  });
}

export function usePlaybooks() {
  const api = useApi();
  return useQuery({ queryKey: planKeys.playbook, queryFn: () => api.invoke('playbook.list', {}) });
}

export function usePlanQueue() {
  const api = useApi();
  return useQuery({ queryKey: planKeys.queue, queryFn: () => api.invoke('plans.queue', {}) });
}

type PlanWrite = Extract<
  AppChannel,
  | 'plans.save'
  | 'plans.submit'
  | 'plans.review'
  | 'plans.outcome'
  | 'plans.check'
  | 'plans.delete'
  | 'contacts.save'
  | 'contacts.delete'
>;

/**
 * A write of this area; everything of the area is refetched after it (the deal's list,
 * the plan, the queue, the pipeline's badges, the contacts). Plans come back in the
 * language asked for, so the write's own answer is not written into the cache.
 */
export function usePlanWrite<K extends PlanWrite>(channel: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ResultOf<K>, Error, InputOf<K>>({
    mutationFn: (input) => api.invoke(channel, input) as Promise<ResultOf<K>>,
    onSuccess: async () => {
      // A draft review's deal cards are live: they show plan status and coverage gaps.
      void queryClient.invalidateQueries({ queryKey: ['review.get'] });
      await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
    },
  });
}
