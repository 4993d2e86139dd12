import type { Formation, NewOrgKind, SizeBand } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Tally {
  total: number;
  covered: number;
  blank: number;
  /** Fraction 0–1. */
  rate: number;
  blankPartyMembers: number;
}

export interface CoverageSummary {
  asOf: string;
  by: 'county' | 'township' | 'village';
  totals: Tally;
  byKind: (Tally & { kind: NewOrgKind; label: string })[];
  byDivision: (Tally & { code: string; name: string; byKind: (Tally & { kind: NewOrgKind })[] })[];
  byIndustry: (Tally & { industry: string; label: string })[];
  bySize: (Tally & { sizeBand: SizeBand; label: string })[];
  formationMix: { formation: Formation; label: string; units: number; orgs: number }[];
}

export const coverageQueryKey = ['new-org-coverage'] as const;

export function useCoverage(params: { within?: string | undefined; asOf?: string | undefined }) {
  return useQuery({
    queryKey: [...coverageQueryKey, 'summary', params],
    queryFn: ({ signal }) => api<CoverageSummary>('/api/new-org-coverage', { query: params, signal }),
  });
}
