import type { DivisionLevel } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

export interface DivisionDetail extends Division {
  path: Division[];
  children: Division[];
}

export function getDivision(code: string, signal?: AbortSignal): Promise<DivisionDetail> {
  return api<DivisionDetail>(`/api/divisions/${encodeURIComponent(code)}`, { signal });
}

export function useDivision(code: string | undefined) {
  return useQuery({
    queryKey: ['divisions', code],
    queryFn: ({ signal }) => getDivision(code!, signal),
    enabled: Boolean(code),
    // Reference data: it changes once a year with the statistical codes.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
