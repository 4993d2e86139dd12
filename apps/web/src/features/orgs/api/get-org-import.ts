import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { FileImportStatus } from '../../../components/file-import/file-import-modal';
import { api } from '../../../lib/api-client';
import { afterOrgWrite } from './invalidate';

/** An organization-tree import (GET /api/org-imports/:id). */
export type OrgImportStatus = FileImportStatus;

export interface OrgImportRejection {
  row: number;
  column: string;
  message: string;
}

export const orgImportsQueryKey = ['org-imports'] as const;

/** The import's progress, polled every half second while it runs; when it ends the tree, lists and coverage are stale. */
export function useOrgImport(id: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...orgImportsQueryKey, 'detail', id],
    queryFn: ({ signal }) => api<OrgImportStatus>(`/api/org-imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 500),
    staleTime: 0,
  });
  const finished = query.data && query.data.status !== 'running';
  useEffect(() => {
    if (finished) void afterOrgWrite(queryClient);
  }, [finished, queryClient]);
  return query;
}

/** The first rejected rows (GET /api/org-imports/:id/rejections). */
export function useOrgImportRejections(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...orgImportsQueryKey, 'rejections', id],
    queryFn: ({ signal }) => api<{ items: OrgImportRejection[]; total: number }>(`/api/org-imports/${id}/rejections`, { query: { limit: 50 }, signal }),
    enabled,
  });
}

export const orgImportRejectionsXlsxUrl = (id: number) => `/api/org-imports/${id}/rejections.xlsx`;

/** The template with the columns, one example row and the notes (GET /api/org-imports/template.xlsx). */
export const orgImportTemplateUrl = '/api/org-imports/template.xlsx';
