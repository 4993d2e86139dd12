import type { MicroActivityKind } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { microOrgsQueryKey } from './get-micro-orgs';

export interface MicroStats {
  months: number;
  totals: { activeMicroOrgs: number; backbones: number; reach: number; activities: number; peopleServed: number; problemsSolved: number; talentFound: number };
  byMonth: { month: string; activities: number; peopleServed: number; problemsSolved: number }[];
  byKind: { kind: MicroActivityKind; label: string; activities: number }[];
}

export function getMicroStats(microOrgId: number | undefined, signal?: AbortSignal): Promise<MicroStats> {
  return api<MicroStats>('/api/micro-orgs/stats', { query: { microOrgId, months: 12 }, signal });
}

/** The last 12 months, overall or for one micro-organization. */
export function useMicroStats(microOrgId?: number) {
  return useQuery({ queryKey: [...microOrgsQueryKey, 'stats', microOrgId ?? 'all'], queryFn: ({ signal }) => getMicroStats(microOrgId, signal) });
}
