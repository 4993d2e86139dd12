import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { microOrgsQueryKey } from './get-micro-orgs';

export interface BackboneInput {
  microOrgId: number;
  name?: string | undefined;
  personId?: number | null | undefined;
  duty: string;
  joinedOn: string;
}

export function addBackbone({ microOrgId, ...body }: BackboneInput): Promise<{ id: number }> {
  return api<{ id: number }>(`/api/micro-orgs/${microOrgId}/backbones`, { method: 'POST', body });
}

export function useAddBackbone() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addBackbone, onSuccess: () => queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }) });
}
