import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { papersQueryKey } from './get-dossier-papers';

export function addObjection({ noticeId, ...body }: { noticeId: number; receivedOn: string; summary: string }): Promise<{ id: number }> {
  return api<{ id: number }>(`/api/notices/${noticeId}/objections`, { method: 'POST', body });
}

export function useAddObjection() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addObjection, onSuccess: () => queryClient.invalidateQueries({ queryKey: papersQueryKey }) });
}
