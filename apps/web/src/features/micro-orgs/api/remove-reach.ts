import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { microOrgsQueryKey } from './get-micro-orgs';

export function removeReach(input: { microOrgId: number; personId: number }): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/api/micro-orgs/${input.microOrgId}/reach/${input.personId}`, { method: 'DELETE' });
}

export function useRemoveReach() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeReach, onSuccess: () => queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }) });
}
