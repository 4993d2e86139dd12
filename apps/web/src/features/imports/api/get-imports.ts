import type { LedgerSource } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import type { FileImportStatus } from '../../../components/file-import/file-import-modal';
import { api } from '../../../lib/api-client';

export interface ImportStatus extends FileImportStatus {
  source: LedgerSource;
  linkedWithoutId: number;
  queuedForReview: number;
  conflicts: number;
}

export const importsQueryKey = ['imports'] as const;

export function getImports(signal?: AbortSignal): Promise<{ items: ImportStatus[] }> {
  return api<{ items: ImportStatus[] }>('/api/imports', { signal });
}

export function useImports() {
  return useQuery({ queryKey: [...importsQueryKey, 'list'], queryFn: ({ signal }) => getImports(signal) });
}
