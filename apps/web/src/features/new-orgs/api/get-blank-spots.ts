import type { BlankSpotAdvice, IndustryCode, NewOrgKind, SizeBand } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { coverageQueryKey } from './get-coverage';
import type { NewOrgItem } from './get-new-orgs';

export interface BlankSpotFilter {
  within?: string | undefined;
  kind?: NewOrgKind | undefined;
  industry?: IndustryCode | undefined;
  sizeBand?: SizeBand | undefined;
  advice?: BlankSpotAdvice | undefined;
  sort?: 'partyMembers' | 'employees' | 'division' | 'name' | undefined;
}

export interface BlankSpots {
  asOf: string;
  total: number;
  partyMembers: number;
  byAdvice: { advice: BlankSpotAdvice; label: string; count: number }[];
  items: (NewOrgItem & { advice: BlankSpotAdvice; adviceLabel: string })[];
}

export function useBlankSpots(filter: BlankSpotFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...coverageQueryKey, 'blank-spots', filter, page, pageSize],
    queryFn: ({ signal }) => api<BlankSpots>('/api/new-org-coverage/blank-spots', { query: { ...filter, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}
