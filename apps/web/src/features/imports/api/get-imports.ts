import type { LedgerSource } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ImportStatus {
  id: number;
  source: LedgerSource;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  percent: number;
  rowsPerSecond: number;
  error: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  linkedWithoutId: number;
  queuedForReview: number;
  conflicts: number;
  rejected: number;
}

export const importsQueryKey = ['imports'] as const;

export function getImports(signal?: AbortSignal): Promise<{ items: ImportStatus[] }> {
  return api<{ items: ImportStatus[] }>('/api/imports', { signal });
}

export function useImports() {
  return useQuery({ queryKey: [...importsQueryKey, 'list'], queryFn: ({ signal }) => getImports(signal) });
}
