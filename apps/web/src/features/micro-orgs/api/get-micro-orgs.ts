import type { MicroOrgKind } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface MicroOrgSummary {
  id: number;
  name: string;
  kind: MicroOrgKind;
  kindLabel: string;
  divisionCode: string;
  divisionName: string;
  guideOrg: { id: number; name: string } | null;
  description: string;
  foundedOn: string;
  dissolvedOn: string | null;
  status: 'active' | 'dissolved';
  /** Current backbone members. */
  backbones: number;
  reach: number;
  activities: number;
  peopleServed: number;
  problemsSolved: number;
  lastActivityOn: string | null;
}

export interface MicroOrgFilter {
  kind?: MicroOrgKind | undefined;
  status?: 'active' | 'dissolved' | 'all' | undefined;
}

export const microOrgsQueryKey = ['micro-orgs'] as const;

export function getMicroOrgs(filter: MicroOrgFilter, signal?: AbortSignal): Promise<{ items: MicroOrgSummary[] }> {
  return api<{ items: MicroOrgSummary[] }>('/api/micro-orgs', { query: { kind: filter.kind, status: filter.status }, signal });
}

export function useMicroOrgs(filter: MicroOrgFilter) {
  return useQuery({ queryKey: [...microOrgsQueryKey, 'list', filter], queryFn: ({ signal }) => getMicroOrgs(filter, signal), placeholderData: keepPreviousData });
}
