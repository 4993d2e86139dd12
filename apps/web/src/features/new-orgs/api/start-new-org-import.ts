import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postForm } from '../../ledger/file-transfer';
import { newOrgImportsQueryKey, type NewOrgImportSource } from './get-new-org-imports';

/** Uploads a register; the import runs in the background and is polled by its id. */
export function startNewOrgImport({ source, file }: { source: NewOrgImportSource; file: File }) {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<{ importId: number }>(`/api/new-org-imports?source=${source}`, form);
}

export function useStartNewOrgImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startNewOrgImport, onSuccess: () => queryClient.invalidateQueries({ queryKey: newOrgImportsQueryKey }) });
}
