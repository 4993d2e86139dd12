import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface MemberLeaveInput {
  version: number;
  leftOn: string;
  reason: string;
}

export function orgMemberLeaves(id: number, memberId: number, input: MemberLeaveInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}/members/${memberId}/leave`, { method: 'POST', body: input });
}

export function useOrgMemberLeaves(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, ...input }: MemberLeaveInput & { memberId: number }) => orgMemberLeaves(id, memberId, input),
    onSuccess: (detail) => afterOrgWrite(queryClient, detail),
  });
}
