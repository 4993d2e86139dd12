import { useMutation } from '@tanstack/react-query';
import { fetchFile, saveFile } from '../../ledger/file-transfer';
import type { OrgFilter } from './get-orgs';

/** Downloads the organizations under the filter as .xlsx; resolves with how many were written. */
export async function exportOrgs(filter: OrgFilter): Promise<{ count: number | null; fileName: string }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  const file = await fetchFile(`/api/orgs/export${query ? `?${query}` : ''}`, { fallbackName: '党组织.xlsx' });
  saveFile(file);
  const count = file.headers.get('x-export-count');
  return { count: count === null ? null : Number(count), fileName: file.fileName };
}

export function useExportOrgs() {
  return useMutation({ mutationFn: exportOrgs });
}
