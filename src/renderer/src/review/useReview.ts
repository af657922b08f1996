import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppChannel, InputOf, LiveState, Meeting, ResultOf } from '@shared/contract';
import { useApi } from '../api/ApiProvider';

export const meetingKey = (id: number) => ['review.get', id] as const;
export const MEETINGS_KEY = ['review.list'] as const;

/** Every review, newest first. */
export function useMeetings() {
  const api = useApi();
  return useQuery({ queryKey: MEETINGS_KEY, queryFn: () => api.invoke('review.list', {}) });
}

/** One meeting as the backend shows it (a draft's cards live, a started one's as fixed at its start). */
export function useMeeting(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: meetingKey(id ?? 0),
    queryFn: () => api.invoke('review.get', { id: id! }),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Keeps a meeting on screen in step with every other window showing it: the presenter's
 * moves arrive as `review.live` and are written straight into the cached meeting (no
 * round trip, so the audience follows within a frame); other changes (`review.changed`)
 * refetch it.
 */
export function useMeetingEvents(id: number | null): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (id === null) return undefined;
    const offLive = api.on('review.live', (live: LiveState) => {
      if (live.meetingId !== id) return;
      queryClient.setQueryData<Meeting>(meetingKey(id), (m) => (m ? { ...m, live } : m));
    });
    const offChanged = api.on('review.changed', ({ meetingId }) => {
      void queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });
      if (meetingId === id) void queryClient.invalidateQueries({ queryKey: meetingKey(id) });
    });
    return () => {
      offLive();
      offChanged();
    };
  }, [api, queryClient, id]);
}

type ReviewWrite = Extract<
  AppChannel,
  | 'review.save'
  | 'review.start'
  | 'review.present'
  | 'review.record'
  | 'review.updateDecision'
  | 'review.deleteDecision'
  | 'review.agree'
  | 'review.followUp'
  | 'review.notes'
  | 'review.end'
  | 'review.delete'
>;

/**
 * A write on a review. Other windows refresh through the events it announces; this one
 * refetches at once (the presenter's moves excepted: their answer is written in directly).
 */
export function useReviewWrite<K extends ReviewWrite>(channel: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ResultOf<K>, Error, InputOf<K>>({
    mutationFn: (input) => api.invoke(channel, input) as Promise<ResultOf<K>>,
    onSuccess: () => {
      if (channel === 'review.present') return;
      void queryClient.invalidateQueries({ queryKey: ['review.get'] });
      void queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });
    },
  });
}
