import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { coverageQueryKey } from './get-coverage';
import type { NewOrgDetail } from './get-new-org';
import { newOrgsQueryKey } from './get-new-orgs';

export function deregisterNewOrg({ id, deregisteredOn, note }: { id: number; deregisteredOn: string; note?: string }) {
  return api<NewOrgDetail>(`/api/new-orgs/${id}/deregister`, { method: 'POST', body: { deregisteredOn, ...(note ? { note } : {}) } });
}

export function useDeregisterNewOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deregisterNewOrg,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: newOrgsQueryKey });
      void queryClient.invalidateQueries({ queryKey: coverageQueryKey });
    },
  });
}
