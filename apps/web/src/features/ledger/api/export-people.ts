import { useMutation } from '@tanstack/react-query';
import { fetchFile, saveFile } from '../file-transfer';
import type { PeopleFilter } from './get-people';

export interface ExportInput {
  filter: PeopleFilter;
  format: 'xlsx' | 'csv';
  /** Full ID numbers and phones: needs pii:reveal and a reason, which the server logs. */
  reveal: boolean;
  reason?: string;
}

/** Exports the current filter and saves the file; resolves with the number of people written. */
export async function exportPeople(input: ExportInput): Promise<{ count: number | null; fileName: string }> {
  const file = await fetchFile('/api/people/export', { body: input, fallbackName: `流动人员台帐.${input.format}` });
  saveFile(file);
  const count = file.headers.get('x-export-count');
  return { count: count === null ? null : Number(count), fileName: file.fileName };
}

export function useExportPeople() {
  return useMutation({ mutationFn: exportPeople });
}
