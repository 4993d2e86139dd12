import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface MayDevelopInput {
  version: number;
  mayDevelop: boolean;
  decidedBy: string;
  decidedOn: string;
  reason?: string;
}

/** R-MIG-MOBILE-ORG-SCOPE: whether a mobile organization may develop members, who decided and when. */
export function decideMayDevelop(id: number, input: MayDevelopInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}/may-develop`, { method: 'POST', body: input });
}

export function useDecideMayDevelop(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: MayDevelopInput) => decideMayDevelop(id, input), onSuccess: (detail) => afterOrgWrite(queryClient, detail) });
}
