import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type Aspects, papersQueryKey } from './get-dossier-papers';

export function answerOpinionRequest({ id, ...body }: { id: number; version: number; answeredOn: string; aspects: Aspects; note?: string | undefined }) {
  return api<{ ok: true }>(`/api/opinion-requests/${id}/answer`, { method: 'POST', body });
}

export function useAnswerOpinionRequest() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: answerOpinionRequest, onSettled: () => queryClient.invalidateQueries({ queryKey: papersQueryKey }) });
}
