import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface MergeOrgInput {
  version: number;
  intoId: number;
  effectiveOn?: string;
  reason?: string;
}

export function mergeOrg(id: number, input: MergeOrgInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}/merge`, { method: 'POST', body: input });
}

export function useMergeOrg(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: MergeOrgInput) => mergeOrg(id, input), onSuccess: (detail) => afterOrgWrite(queryClient, detail) });
}
