import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MentorTag, ReportScope } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { ApiError } from '../api/errors';

/** Every query this area owns starts with `mentors.`: a tag change refetches them all. */
const MENTOR_KEYS = ['mentors.view', 'mentors.deals', 'mentors.forDeal', 'mentors.people', 'report.mentors'];
export const isMentorQuery = (key: readonly unknown[]) =>
  typeof key[0] === 'string' && MENTOR_KEYS.includes(key[0]);

/** The Mentors view for a scope: the report, per mentor per quarter, and the lift. */
export function useMentorsView(scope: ReportScope | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['mentors.view', scope],
    queryFn: () => api.invoke('mentors.view', scope!),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The deals behind a mentor (or every mentored deal when `mentor` is undefined). */
export function useMentoredDeals(scope: ReportScope | null, mentor: string | undefined, enabled = true) {
  const api = useApi();
  const input = scope && { ...scope, ...(mentor === undefined ? {} : { mentor }) };
  return useQuery({
    queryKey: ['mentors.deals', input],
    queryFn: () => api.invoke('mentors.deals', input!),
    enabled: enabled && input !== null,
    staleTime: 60_000,
  });
}

export function useDealMentors(dealId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['mentors.forDeal', dealId],
    queryFn: () => api.invoke('mentors.forDeal', { dealId }),
  });
}

/** Names to offer when tagging (owners and mentors). */
export function useMentorPeople() {
  const api = useApi();
  return useQuery({
    queryKey: ['mentors.people'],
    queryFn: () => api.invoke('mentors.people', {}),
    staleTime: 5 * 60_000,
  });
}

/**
 * Tagging, removing and undoing. Each refetches the mentor queries when it settles (the
 * workspace.changed event does too, for other windows); the deals table is untouched.
 */
export function useMentorMutations() {
  const api = useApi();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ predicate: (q) => isMentorQuery(q.queryKey) });
  const tag = useMutation({
    mutationFn: (input: { mentor: string; sharePct: number; dealIds: string[] }) =>
      api.invoke('mentors.tag', input),
    onSettled,
  });
  const untag = useMutation({
    mutationFn: (input: { mentor: string; dealIds: string[] }) => api.invoke('mentors.untag', input),
    onSettled,
  });
  const restore = useMutation({
    mutationFn: (tags: MentorTag[]) => api.invoke('mentors.restore', { tags }),
    onSettled,
  });
  return { tag, untag, restore };
}

/** The deals a refused tagging names (`invalid_input` with `details.deals`), else none. */
export function refusedDeals(error: unknown): { dealId: string; totalPct: number }[] {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return [];
  const deals = (error.details as { deals?: unknown } | undefined)?.deals;
  if (!Array.isArray(deals)) return [];
  return deals.filter(
    (d): d is { dealId: string; totalPct: number } =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as { dealId?: unknown }).dealId === 'string' &&
      typeof (d as { totalPct?: unknown }).totalPct === 'number',
  );
}
