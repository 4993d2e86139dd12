import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { papersQueryKey } from './get-dossier-papers';

export function cancelNotice({ id, ...body }: { id: number; version: number; reason: string }) {
  return api<{ ok: true }>(`/api/notices/${id}/cancel`, { method: 'POST', body });
}

export function useCancelNotice() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelNotice, onSettled: () => queryClient.invalidateQueries({ queryKey: papersQueryKey }) });
}
