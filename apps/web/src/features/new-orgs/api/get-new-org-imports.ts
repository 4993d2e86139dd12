import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { FileImportStatus } from '../../../components/file-import/file-import-modal';
import { api } from '../../../lib/api-client';
import { coverageQueryKey } from './get-coverage';
import { newOrgsQueryKey } from './get-new-orgs';

export type NewOrgImportSource = 'marketRegulation' | 'civilAffairs';
export const importSourceLabels: Record<NewOrgImportSource, string> = { marketRegulation: '市场监管部门（企业名录）', civilAffairs: '民政部门（社会组织名录）' };

export interface NewOrgImportStatus extends FileImportStatus {
  source: NewOrgImportSource;
  sourceLabel: string;
}

export const newOrgImportsQueryKey = ['new-org-imports'] as const;

export function useNewOrgImports() {
  return useQuery({ queryKey: [...newOrgImportsQueryKey, 'list'], queryFn: ({ signal }) => api<{ items: NewOrgImportStatus[] }>('/api/new-org-imports', { signal }) });
}

/** An import's progress, polled every half second while it runs; when it ends the registry and coverage are stale. */
export function useNewOrgImport(id: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...newOrgImportsQueryKey, 'detail', id],
    queryFn: ({ signal }) => api<NewOrgImportStatus>(`/api/new-org-imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 500),
    staleTime: 0,
  });
  const finished = query.data && query.data.status !== 'running';
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: newOrgsQueryKey });
    void queryClient.invalidateQueries({ queryKey: coverageQueryKey });
    void queryClient.invalidateQueries({ queryKey: [...newOrgImportsQueryKey, 'list'] });
  }, [finished, queryClient]);
  return query;
}

export interface Rejection {
  row: number;
  column: string;
  message: string;
}

export function useNewOrgImportRejections(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...newOrgImportsQueryKey, 'rejections', id],
    queryFn: ({ signal }) => api<{ items: Rejection[]; total: number }>(`/api/new-org-imports/${id}/rejections`, { query: { limit: 50 }, signal }),
    enabled,
  });
}

export const rejectionsXlsxUrl = (id: number) => `/api/new-org-imports/${id}/rejections.xlsx`;
