import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface OrgOption {
  id: number;
  name: string;
}

/** Active party organizations in scope by name: the guiding organization of a micro-organization. */
export function searchOrgs(q: string, signal?: AbortSignal): Promise<{ items: OrgOption[] }> {
  return api<{ items: OrgOption[] }>('/api/orgs', { query: { q, status: 'active', pageSize: 20 }, signal });
}

export function useOrgSearch(q: string) {
  return useQuery({ queryKey: ['orgs', 'pick', q], queryFn: ({ signal }) => searchOrgs(q, signal), enabled: q.trim().length > 0, placeholderData: keepPreviousData, staleTime: 30_000 });
}
