import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { papersQueryKey } from './get-dossier-papers';

export function resolveObjection({ noticeId, objectionId, ...body }: { noticeId: number; objectionId: number; version: number; resolvedOn: string; resolution: string; upheld: boolean }) {
  return api<{ ok: true }>(`/api/notices/${noticeId}/objections/${objectionId}/resolve`, { method: 'POST', body });
}

export function useResolveObjection() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resolveObjection, onSettled: () => queryClient.invalidateQueries({ queryKey: papersQueryKey }) });
}
