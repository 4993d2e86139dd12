import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { papersQueryKey, type RequestStage, type TwoPlace } from './get-dossier-papers';

export interface OpinionRequestInput {
  stage: RequestStage;
  place: TwoPlace;
  toOrgId?: number | undefined;
  toName: string;
  sentOn: string;
  replyBy?: string | undefined;
}

export function createOpinionRequest({ dossierId, ...body }: OpinionRequestInput & { dossierId: number }): Promise<{ id: number }> {
  return api<{ id: number }>(`/api/dossiers/${dossierId}/opinion-requests`, { method: 'POST', body });
}

export function useCreateOpinionRequest() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createOpinionRequest, onSuccess: () => queryClient.invalidateQueries({ queryKey: papersQueryKey }) });
}
