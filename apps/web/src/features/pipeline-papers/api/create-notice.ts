import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type NoticePlace, type NoticeStage, papersQueryKey } from './get-dossier-papers';

export interface NoticeInput {
  stage: NoticeStage;
  place: NoticePlace;
  location: string;
  startOn: string;
  workingDays?: number | undefined;
  contact?: string | undefined;
  note?: string | undefined;
}

export function createNotice({ dossierId, ...body }: NoticeInput & { dossierId: number }): Promise<{ id: number }> {
  return api<{ id: number }>(`/api/dossiers/${dossierId}/notices`, { method: 'POST', body });
}

export function useCreateNotice() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createNotice, onSuccess: () => queryClient.invalidateQueries({ queryKey: papersQueryKey }) });
}
