import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealDetail, Note } from '@shared/contract';
import { useApi } from '../api/ApiProvider';

export const dealKey = (id?: string) =>
  id === undefined ? (['deal.get'] as const) : (['deal.get', id] as const);

export function useDeal(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: dealKey(id ?? ''),
    queryFn: () => api.invoke('deal.get', { id: id! }),
    enabled: id !== null,
  });
}

/**
 * Notes change the cached deal in place (no refetch of timeline and histories), then a
 * background refetch confirms the server's version.
 */
export function useNoteMutations(dealId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const patch = (update: (notes: Note[]) => Note[]) =>
    queryClient.setQueryData<DealDetail>(dealKey(dealId), (deal) =>
      deal ? { ...deal, notes: update(deal.notes) } : deal,
    );
  const settle = () => queryClient.invalidateQueries({ queryKey: dealKey(dealId) });

  const save = useMutation({
    mutationFn: (input: { body: string; noteId?: number }) =>
      api.invoke(
        'notes.save',
        input.noteId ? { dealId, noteId: input.noteId, body: input.body } : { dealId, body: input.body },
      ),
    onSuccess: (note) => patch((notes) => [note, ...notes.filter((n) => n.id !== note.id)]),
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (note: Note) => api.invoke('notes.delete', { noteId: note.id }),
    onSuccess: (_deleted, note) => patch((notes) => notes.filter((n) => n.id !== note.id)),
    onSettled: settle,
  });

  return { save, remove };
}
