import type { NewOrgKind } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { coverageQueryKey } from './get-coverage';

export interface JointGroup {
  key: string;
  townshipCode: string;
  townshipName: string;
  industry: string;
  industryLabel: string;
  unitCount: number;
  partyMembers: number;
  employees: number;
  hostKind: NewOrgKind;
  units: { id: number; name: string; kind: NewOrgKind; divisionCode: string; employees: number; partyMembers: number }[];
}

export function useJointGroups(within: string | undefined) {
  return useQuery({
    queryKey: [...coverageQueryKey, 'joint-groups', within],
    queryFn: ({ signal }) => api<{ asOf: string; items: JointGroup[] }>('/api/new-org-coverage/joint-groups', { query: { within }, signal }),
  });
}
