import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { peopleQueryKey } from './get-people';

/** Splits two merged people again; both keep their ids and their own facts. */
export function undoMerge(mergeId: number): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/api/merges/${mergeId}/undo`, { method: 'POST' });
}

export function useUndoMerge() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: undoMerge, onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }) });
}
