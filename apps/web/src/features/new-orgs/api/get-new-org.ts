import type { BlankSpotAdvice, Formation, NewOrgSource } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { newOrgsQueryKey, type NewOrgItem } from './get-new-orgs';

export interface NewOrgDetail extends NewOrgItem {
  address: string;
  source: NewOrgSource;
  sourceLabel: string;
  importId: number | null;
  createdAt: string;
  updatedAt: string;
  advice: { key: BlankSpotAdvice; label: string } | null;
  coverageHistory: { id: number; orgId: number; orgName: string; orgStatus: string; formation: Formation; formationLabel: string; validFrom: string; validTo: string | null }[];
}

export function getNewOrg(id: number, signal?: AbortSignal) {
  return api<NewOrgDetail>(`/api/new-orgs/${id}`, { signal });
}

export function useNewOrg(id: number | null) {
  return useQuery({ queryKey: [...newOrgsQueryKey, 'detail', id], queryFn: ({ signal }) => getNewOrg(id!, signal), enabled: id !== null });
}
