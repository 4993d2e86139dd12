import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { microOrgsQueryKey } from './get-micro-orgs';

export function backboneLeaves(input: { microOrgId: number; backboneId: number; leftOn: string }): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/api/micro-orgs/${input.microOrgId}/backbones/${input.backboneId}/leave`, { method: 'POST', body: { leftOn: input.leftOn } });
}

export function useBackboneLeaves() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: backboneLeaves, onSuccess: () => queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }) });
}
