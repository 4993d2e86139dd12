import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postForm } from '../../ledger/file-transfer';
import { orgImportsQueryKey } from './get-org-import';

/** Uploads an organization-tree file (POST /api/org-imports); the import runs in the background and is polled by its id. */
export function startOrgImport(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<{ importId: number }>('/api/org-imports', form);
}

export function useStartOrgImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startOrgImport, onSuccess: () => queryClient.invalidateQueries({ queryKey: orgImportsQueryKey }) });
}
