import type { ImportField, LedgerSource } from '@xinxue/domain';
import { useMutation } from '@tanstack/react-query';
import { postForm } from '../../ledger/file-transfer';

export interface ImportPreview {
  /** Names the uploaded file on the server until the import starts (or an hour passes). */
  uploadId: string;
  fileName: string;
  /** Row number of the header in the file, as Excel counts (title rows above it are skipped). */
  headerRow: number;
  headers: string[];
  /** column index → field; columns the import would ignore are absent. */
  mapping: Record<string, ImportField>;
  /** 'saved': a mapping someone corrected and saved for files of this layout; 'guessed': from the header names. */
  mappingSource: 'saved' | 'guessed';
  sample: string[][];
}

export function previewImport({ source, file }: { source: LedgerSource; file: File }): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<ImportPreview>(`/api/imports/preview?source=${encodeURIComponent(source)}`, form);
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}
