import type { ImportField, LedgerSource } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { importsQueryKey } from './get-imports';

export interface StartImportInput {
  uploadId: string;
  source: LedgerSource;
  /** column index → field, as the user checked it. */
  mapping: Record<string, ImportField>;
  /** Remember this mapping for the next file with the same header. */
  saveMapping: boolean;
  headers: string[];
}

export function startImport(input: StartImportInput): Promise<{ importId: number }> {
  return api<{ importId: number }>('/api/imports', { method: 'POST', body: input });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startImport, onSuccess: () => queryClient.invalidateQueries({ queryKey: importsQueryKey }) });
}
