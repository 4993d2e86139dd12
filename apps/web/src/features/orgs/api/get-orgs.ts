import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type OrgKind = 'committee' | 'generalBranch' | 'branch';

export const orgKindLabels: Record<OrgKind, string> = { committee: '党委', generalBranch: '党总支', branch: '党支部' };

export interface Org {
  id: number;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  parentId: number | null;
  divisionCode: string;
  divisionName: string;
}

export const orgsQueryKey = ['orgs'] as const;

export function getOrgs(signal?: AbortSignal): Promise<{ items: Org[] }> {
  return api<{ items: Org[] }>('/api/orgs', { signal });
}

export function useOrgs() {
  return useQuery({ queryKey: orgsQueryKey, queryFn: ({ signal }) => getOrgs(signal) });
}
