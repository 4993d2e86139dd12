import type { Membership, OrgMemberRole } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface ChangeMemberInput {
  version: number;
  membership?: Membership;
  role?: OrgMemberRole;
  effectiveOn?: string;
  reason?: string;
}

/** A probationer becomes a full member, or a member takes or leaves a post; the history keeps both. */
export function changeOrgMember(id: number, memberId: number, input: ChangeMemberInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}/members/${memberId}`, { method: 'PATCH', body: input });
}

export function useChangeOrgMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, ...input }: ChangeMemberInput & { memberId: number }) => changeOrgMember(id, memberId, input),
    onSuccess: (detail) => afterOrgWrite(queryClient, detail),
  });
}
