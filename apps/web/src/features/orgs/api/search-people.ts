import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface PersonOption {
  id: number;
  name: string;
  idNumberMasked: string | null;
  divisionName: string;
}

/** People in the ledger matching a name, initials or the last digits of an ID number (to link a member). */
export function searchPeople(q: string, signal?: AbortSignal): Promise<{ items: PersonOption[] }> {
  return api('/api/people', { query: { q, pageSize: 10 }, signal });
}

export function usePersonSearch(q: string) {
  return useQuery({ queryKey: ['people', 'picker', q], queryFn: ({ signal }) => searchPeople(q, signal), enabled: q.length >= 1, placeholderData: keepPreviousData, staleTime: 10_000 });
}
