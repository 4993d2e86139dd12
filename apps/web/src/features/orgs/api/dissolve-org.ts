import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface DissolveOrgInput {
  version: number;
  effectiveOn?: string;
  reason: string;
}

export function dissolveOrg(id: number, input: DissolveOrgInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}/dissolve`, { method: 'POST', body: input });
}

export function useDissolveOrg(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: DissolveOrgInput) => dissolveOrg(id, input), onSuccess: (detail) => afterOrgWrite(queryClient, detail) });
}
