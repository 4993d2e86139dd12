import { useQuery } from '@tanstack/react-query';
import { fetchFile } from '../../ledger/file-transfer';
import { readFirstSheet } from '../read-xlsx';
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

/**
 * The rejected rows, read from the report the user can download: the import's status only counts
 * them, and the report is the one place the server lists them.
 */
export async function getRejections(importId: number, signal?: AbortSignal): Promise<Rejection[]> {
  const file = await fetchFile(rejectionsUrl(importId), { fallbackName: '退回行.xlsx', ...(signal ? { signal } : {}) });
  const rows = await readFirstSheet(await file.blob.arrayBuffer());
  return rows.slice(1).map((cells) => ({ row: Number(cells[0]), column: cells[1] ?? '', message: cells[2] ?? '' }));
}

export function useRejections(importId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...importsQueryKey, 'rejections', importId],
    queryFn: ({ signal }) => getRejections(importId, signal),
    enabled,
    staleTime: Infinity,
  });
}
