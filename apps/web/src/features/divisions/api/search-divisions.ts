import type { DivisionLevel } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Division } from './get-division';

export interface DivisionSearch {
  q: string;
  level?: DivisionLevel | undefined;
  within?: string | undefined;
}

export function searchDivisions(search: DivisionSearch, signal?: AbortSignal): Promise<{ items: Division[] }> {
  return api<{ items: Division[] }>('/api/divisions', { query: { q: search.q, level: search.level, within: search.within }, signal });
}

export function useDivisionSearch(search: DivisionSearch) {
  return useQuery({
    queryKey: ['divisions', 'search', search],
    queryFn: ({ signal }) => searchDivisions(search, signal),
    enabled: search.q.trim().length > 0,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
