import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type MicroOrgSummary, microOrgsQueryKey } from './get-micro-orgs';

export function dissolveMicroOrg({ id, ...body }: { id: number; dissolvedOn: string; reason: string }): Promise<MicroOrgSummary> {
  return api<MicroOrgSummary>(`/api/micro-orgs/${id}/dissolve`, { method: 'POST', body });
}

export function useDissolveMicroOrg() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: dissolveMicroOrg, onSuccess: () => queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }) });
}
