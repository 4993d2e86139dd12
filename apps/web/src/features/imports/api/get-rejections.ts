import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { importsQueryKey } from './get-imports';

export interface Rejection {
  /** The row as the user sees it in Excel. */
  row: number;
  column: string;
  message: string;
}

export function rejectionsUrl(importId: number): string {
  return `/api/imports/${importId}/rejections.xlsx`;
}

/** The first rejected rows of an import; the downloadable report holds them all. */
export async function getRejections(importId: number, signal?: AbortSignal): Promise<Rejection[]> {
  return (await api<{ items: Rejection[] }>(`/api/imports/${importId}/rejections?limit=200`, { signal })).items;
}

export function useRejections(importId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...importsQueryKey, 'rejections', importId],
    queryFn: ({ signal }) => getRejections(importId, signal),
    enabled,
    staleTime: Infinity,
  });
}
