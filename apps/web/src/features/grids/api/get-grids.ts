import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Grid {
  id: number;
  name: string;
  divisionCode: string;
  divisionName: string;
  workers: { id: number; displayName: string }[];
  createdAt: string;
}

export const gridsQueryKey = ['grids'] as const;

/** `within` is a division prefix; a city holds thousands of grids, so the caller always narrows. */
export function getGrids(within: string, signal?: AbortSignal): Promise<{ items: Grid[] }> {
  return api<{ items: Grid[] }>('/api/grids', { query: { within }, signal });
}

/** The server returns at most this many; a longer list has been cut off. */
export const GRID_LIST_LIMIT = 2000;

export function useGrids(within: string, enabled = true) {
  return useQuery({
    queryKey: [...gridsQueryKey, within],
    queryFn: ({ signal }) => getGrids(within, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
