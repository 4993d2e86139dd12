import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface PersonOption {
  id: number;
  name: string;
  idNumberMasked: string | null;
  divisionName: string;
  employer: string | null;
}

/** Ledger people by name, pinyin initials, last four of the ID or phone — to pick participants and reached people. */
export function searchPeople(q: string, signal?: AbortSignal): Promise<{ items: PersonOption[] }> {
  return api<{ items: PersonOption[] }>('/api/people', { query: { q, page: 1, pageSize: 20 }, signal });
}

export function usePeopleSearch(q: string) {
  return useQuery({ queryKey: ['people', 'pick', q], queryFn: ({ signal }) => searchPeople(q, signal), enabled: q.trim().length > 0, placeholderData: keepPreviousData, staleTime: 30_000 });
}
