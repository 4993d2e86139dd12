import type { HostKind } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { orgsQueryKey, type OrgFilter } from './get-orgs';

export interface OrgStats {
  items: { hostKind: HostKind; hostKindLabel: string; standalone: number; joint: number; attached: number; total: number }[];
  total: number;
}

export function getOrgStats(filter: OrgFilter, signal?: AbortSignal): Promise<OrgStats> {
  return api('/api/orgs/stats', { query: { ...filter }, signal });
}

/** Organizations by host kind and formation under the filter (the page's chart). */
export function useOrgStats(filter: OrgFilter) {
  return useQuery({ queryKey: [...orgsQueryKey, 'stats', filter], queryFn: ({ signal }) => getOrgStats(filter, signal), placeholderData: keepPreviousData });
}
