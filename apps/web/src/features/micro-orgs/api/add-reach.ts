import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { microOrgsQueryKey } from './get-micro-orgs';

export function addReach(input: { microOrgId: number; personIds: number[]; since: string }): Promise<{ added: number; already: number }> {
  return api<{ added: number; already: number }>(`/api/micro-orgs/${input.microOrgId}/reach`, { method: 'POST', body: { personIds: input.personIds, since: input.since } });
}

export function useAddReach() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addReach, onSuccess: () => queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }) });
}
