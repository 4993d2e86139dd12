import type { MobileCoverage } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { mobileOrgsQueryKey } from './get-mobile-orgs';

/** One destination of the city's outbound people, set against the mobile organizations there. */
export interface ComparisonRow {
  /** Province (2 digits) or city (4 digits) code prefix. */
  destination: string;
  name: string;
  people: number;
  partyMembers: number;
  targets: number;
  servedPeople: number;
  unservedPeople: number;
  orgs: { id: number; name: string }[];
  coverage: MobileCoverage;
  coverageLabel: string;
  rank: number;
}

export interface Comparison {
  by: 'city' | 'province';
  totals: { people: number; partyMembers: number; targets: number; servedPeople: number; destinations: number; orgs: number } & Record<MobileCoverage, number>;
  items: ComparisonRow[];
}

export function getComparison(by: 'city' | 'province', within: string | undefined, signal?: AbortSignal): Promise<Comparison> {
  return api<Comparison>('/api/mobile-orgs/comparison', { query: { by, within }, signal });
}

export function useComparison(by: 'city' | 'province', within?: string) {
  return useQuery({ queryKey: [...mobileOrgsQueryKey, 'comparison', by, within], queryFn: ({ signal }) => getComparison(by, within, signal), placeholderData: keepPreviousData });
}
