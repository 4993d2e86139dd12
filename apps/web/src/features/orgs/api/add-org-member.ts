import type { Membership, OrgMemberRole } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface AddMemberInput {
  version: number;
  name: string;
  personId?: number | null;
  membership: Membership;
  role: OrgMemberRole;
  joinedOn: string;
}

export function addOrgMember(id: number, input: AddMemberInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}/members`, { method: 'POST', body: input });
}

export function useAddOrgMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: AddMemberInput) => addOrgMember(id, input), onSuccess: (detail) => afterOrgWrite(queryClient, detail) });
}
