import type { FiveItem } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface FiveItemsState {
  clear: FiveItem[];
  missing: FiveItem[];
  stale: FiveItem[];
  complete: boolean;
}

export interface PersonRow {
  id: number;
  name: string;
  idNumberMasked: string | null;
  /** GB/T 2261.1: '1' male, '2' female. */
  gender: string | null;
  birthDate: string | null;
  direction: 'inbound' | 'outbound' | null;
  movedOn: string | null;
  divisionCode: string;
  divisionName: string;
  gridId: number | null;
  gridName: string | null;
  originCode: string | null;
  destinationCode: string | null;
  destinationName: string | null;
  employer: string | null;
  occupationGroup: string | null;
  occupationGroupName: string;
  fiveItems: FiveItemsState;
}

/** The list's filters, as the server takes them (also the body of an export). */
export interface PeopleFilter {
  /** Division code prefix (area). */
  within?: string | undefined;
  gridId?: number | undefined;
  direction?: 'inbound' | 'outbound' | undefined;
  /** Destination province or city code prefix (44, 4403). */
  destination?: string | undefined;
  occupationGroup?: string | undefined;
  completeness?: 'complete' | 'incomplete' | undefined;
  flag?: 'talent' | 'target' | undefined;
  /** Name, pinyin initials, last 4 of the ID number or a phone number. */
  q?: string | undefined;
}

export interface PeoplePage {
  items: PersonRow[];
  total: number;
}

export const peopleQueryKey = ['people'] as const;

export function getPeople(filter: PeopleFilter, page: number, pageSize: number, signal?: AbortSignal): Promise<PeoplePage> {
  return api<PeoplePage>('/api/people', { query: { ...filter, page, pageSize }, signal });
}

export function usePeople(filter: PeopleFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...peopleQueryKey, 'list', filter, page, pageSize],
    queryFn: ({ signal }) => getPeople(filter, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}
