import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { papersQueryKey } from './get-dossier-papers';

export function cancelOpinionRequest({ id, ...body }: { id: number; version: number; reason: string }) {
  return api<{ ok: true }>(`/api/opinion-requests/${id}/cancel`, { method: 'POST', body });
}

export function useCancelOpinionRequest() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelOpinionRequest, onSettled: () => queryClient.invalidateQueries({ queryKey: papersQueryKey }) });
}
