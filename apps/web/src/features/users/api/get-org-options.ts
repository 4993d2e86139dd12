import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface OrgOption {
  id: number;
  name: string;
  divisionName: string;
}

/** Active party organizations an administrator may give an account as its org scope. */
export function getOrgOptions(q: string, within: string | undefined, signal?: AbortSignal): Promise<{ items: OrgOption[] }> {
  return api('/api/users/org-options', { query: { q: q || undefined, within }, signal });
}

export function useOrgOptions(q: string, within: string | undefined) {
  return useQuery({ queryKey: ['users', 'org-options', q, within], queryFn: ({ signal }) => getOrgOptions(q, within, signal), placeholderData: keepPreviousData, staleTime: 30_000 });
}
